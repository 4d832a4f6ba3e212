-- Per event day: how many events carry a campaign id the CRM knows. Coverage below 100% means the
-- email platform sends for campaigns missing from the CRM (see dq_orphan_campaign_ids).
{{ config(materialized='view') }}
select
    e.event_date,
    count(*)                                                        as events,
    count(c.campaign_id)                                            as events_with_known_campaign,
    count(*) - count(c.campaign_id)                                 as events_with_unknown_campaign,
    {{ safe_ratio('count(c.campaign_id)', 'count(*)') }}            as coverage_rate
from {{ ref('fct_email_events') }} as e
left join {{ ref('stg_campaigns') }} as c on c.campaign_id = e.campaign_id
group by e.event_date

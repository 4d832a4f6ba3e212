-- Per event day: how many events and sends carry a campaign id the CRM knows. Coverage below 100%
-- means the email platform sends for campaigns missing from the CRM (see dq_orphan_campaign_ids).
-- Read from the daily fact, whose counts cover every event type, so it stays cheap at any volume.
{{ config(materialized='view') }}
with by_campaign as (
    select
        d.event_date,
        d.sends,
        d.sends + d.delivered + d.bounces + d.total_opens + d.total_clicks + d.unsubscribes as events,
        c.campaign_id is not null                                       as is_known
    from {{ ref('fct_email_events_daily') }} as d
    left join {{ ref('stg_campaigns') }} as c on c.campaign_id = d.campaign_id
)
select
    event_date,
    sum(events)                                                         as events,
    sum(case when is_known then events else 0 end)                      as events_with_known_campaign,
    sum(case when is_known then 0 else events end)                      as events_with_unknown_campaign,
    {{ safe_ratio('sum(case when is_known then events else 0 end)', 'sum(events)') }} as coverage_rate,
    sum(sends)                                                          as sends,
    sum(case when is_known then sends else 0 end)                       as sends_with_known_campaign,
    {{ safe_ratio('sum(case when is_known then sends else 0 end)', 'sum(sends)') }} as send_coverage_rate
from by_campaign
group by event_date

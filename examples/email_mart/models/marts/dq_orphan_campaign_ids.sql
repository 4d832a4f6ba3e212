-- Campaign ids found in email events that are not in the CRM's campaigns, with their volume (from the
-- daily fact, which keeps every campaign id the events carry).
{{ config(materialized='view') }}
select
    d.campaign_id,
    sum(d.sends + d.delivered + d.bounces + d.total_opens + d.total_clicks + d.unsubscribes) as events,
    sum(d.sends)                                                    as sends,
    min(d.event_date)                                               as first_event_date,
    max(d.event_date)                                               as last_event_date
from {{ ref('fct_email_events_daily') }} as d
where not exists (select 1 from {{ ref('stg_campaigns') }} as c where c.campaign_id = d.campaign_id)
group by d.campaign_id

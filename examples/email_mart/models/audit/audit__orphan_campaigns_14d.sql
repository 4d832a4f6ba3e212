-- Campaign ids unknown to the CRM that had events in the 14 days (var orphan_lookback_days) up to the
-- latest event day: the list to send to the CRM team.
with latest as (
    select max(event_date) as latest_event_date from {{ ref('fct_email_events_daily') }}
)
select
    d.campaign_id,
    sum(d.sends + d.delivered + d.bounces + d.total_opens + d.total_clicks + d.unsubscribes) as events_14d,
    sum(d.sends)                                                    as sends_14d,
    min(d.event_date)                                               as first_event_date_14d,
    max(d.event_date)                                               as last_event_date_14d
from {{ ref('fct_email_events_daily') }} as d
cross join latest as l
where d.event_date > l.latest_event_date - {{ var('orphan_lookback_days') }}
  and not exists (select 1 from {{ ref('stg_campaigns') }} as c where c.campaign_id = d.campaign_id)
group by d.campaign_id

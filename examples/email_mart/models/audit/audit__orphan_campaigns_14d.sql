-- Campaign ids unknown to the CRM that had events in the 14 days (var orphan_lookback_days) up to the
-- latest event: the list to send to the CRM team.
with latest as (
    select max(event_date) as latest_event_date from {{ ref('fct_email_events') }}
)
select
    e.campaign_id,
    count(*)                                                        as events_14d,
    count(case when e.event_type = 'SEND' then 1 end)               as sends_14d,
    min(e.event_date)                                               as first_event_date_14d,
    max(e.event_date)                                               as last_event_date_14d
from {{ ref('fct_email_events') }} as e
cross join latest as l
where e.event_date > l.latest_event_date - {{ var('orphan_lookback_days') }}
  and not exists (select 1 from {{ ref('stg_campaigns') }} as c where c.campaign_id = e.campaign_id)
group by e.campaign_id

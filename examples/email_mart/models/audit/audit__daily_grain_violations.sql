-- Rows of fct_email_events_daily that break its contract: a day × campaign present twice, or counts
-- that differ from a fresh aggregation of fct_email_events (an incremental run that missed late
-- events), or a day × campaign with events but no row. Empty when the daily fact is right. Checks the
-- last var('audit_lookback_days') days up to the latest event, where late events can still land.
with latest as (
    select max(event_date) - {{ var('audit_lookback_days') }} as since from {{ ref('fct_email_events') }}
),
stored as (
    select event_date, campaign_id, count(*) as copies, sum(sends) as sends, sum(delivered) as delivered,
           sum(bounces) as bounces, sum(unique_opens) as unique_opens, sum(unique_clicks) as unique_clicks,
           sum(unsubscribes) as unsubscribes
    from {{ ref('fct_email_events_daily') }}
    where event_date > (select since from latest)
    group by event_date, campaign_id
),
expected as (
    {{ email_funnel_by_day("select * from " ~ ref('fct_email_events') ~ " where event_date > (select since from latest)") }}
)
select
    coalesce(s.event_date, e.event_date)   as event_date,
    coalesce(s.campaign_id, e.campaign_id) as campaign_id,
    case
        when s.campaign_id is null then 'missing_row'
        when e.campaign_id is null then 'row_without_events'
        when s.copies > 1 then 'duplicate_grain'
        else 'counts_differ'
    end                                    as violation_type,
    s.copies,
    s.sends                                as stored_sends,
    e.sends                                as expected_sends
from stored as s
full outer join expected as e on e.event_date = s.event_date and e.campaign_id = s.campaign_id
where s.campaign_id is null
   or e.campaign_id is null
   or s.copies > 1
   or s.sends <> e.sends or s.delivered <> e.delivered or s.bounces <> e.bounces
   or s.unique_opens <> e.unique_opens or s.unique_clicks <> e.unique_clicks or s.unsubscribes <> e.unsubscribes

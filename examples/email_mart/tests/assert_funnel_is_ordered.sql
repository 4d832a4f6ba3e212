-- Within a send, nothing happens before the SEND, and no send is opened or clicked without having
-- been delivered (a bounce never opens). Checks the sends of the last two batches: what the daily
-- run just added.
with sends as (
    select send_id,
           min(case when event_type = 'SEND' then event_ts end)      as sent_at,
           count(case when event_type = 'DELIVERED' then 1 end)      as delivered,
           count(case when event_type in ('OPEN', 'CLICK') then 1 end) as engaged,
           min(event_ts)                                             as first_event_at
    from {{ ref('fct_email_events') }}
    {%- set latest_sql = 'select max(batch_date) from ' ~ ref('fct_email_events') %}
    where batch_date >= {{ literal_or(scalar_query(latest_sql), 'date', latest_sql) }} - 1
    group by send_id
)
select *
from sends
where sent_at is not null
  and (first_event_at < sent_at or (engaged > 0 and delivered = 0))

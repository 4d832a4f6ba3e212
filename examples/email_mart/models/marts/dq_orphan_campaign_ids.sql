-- Campaign ids found in email events that are not in the CRM's campaigns, with their volume.
{{ config(materialized='view') }}
select
    e.campaign_id,
    count(*)                                                        as events,
    count(case when e.event_type = 'SEND' then 1 end)               as sends,
    min(e.event_ts)                                                 as first_seen_at,
    max(e.event_ts)                                                 as last_seen_at
from {{ ref('fct_email_events') }} as e
where not exists (select 1 from {{ ref('stg_campaigns') }} as c where c.campaign_id = e.campaign_id)
group by e.campaign_id

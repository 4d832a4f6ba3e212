-- Every Marketing Cloud event delivered so far: the seed extract and the generated stream, typed and
-- with standardised casing. Duplicated deliveries are kept here (audit__event_id_duplicates reports
-- them); fct_email_events keeps one row per event_id. Both inputs are already typed (seed column_types,
-- the raw table's DDL), so the timestamp and date columns pass through uncast: filters on loaded_at
-- and batch_date then reach the raw table's scan and skip old row groups.
with unioned as (
    select event_id, event_type, event_ts, send_id, campaign_id, subscriber_key,
           bounce_type, is_machine_open, link_url, batch_date, loaded_at
    from {{ ref('marketing_cloud_events') }}
    union all
    select event_id, event_type, event_ts, send_id, campaign_id, subscriber_key,
           bounce_type, is_machine_open, link_url, batch_date, loaded_at
    from {{ source('marketing_cloud', 'events_stream') }}
)
select
    trim(event_id)                                   as event_id,
    upper(trim(event_type))                          as event_type,
    event_ts,
    cast(event_ts as date)                           as event_date,
    trim(send_id)                                    as send_id,
    upper(trim(campaign_id))                         as campaign_id,
    upper(trim(subscriber_key))                      as person_id,
    upper(trim(bounce_type))                         as bounce_type,
    coalesce(is_machine_open, false)                 as is_machine_open,
    link_url,
    batch_date,
    loaded_at
from unioned

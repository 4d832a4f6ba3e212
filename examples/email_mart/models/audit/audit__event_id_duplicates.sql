-- Event ids delivered more than once by the Marketing Cloud extracts (before deduplication), with how
-- often and when. fct_email_events keeps one row of each.
-- A table (the data-quality dashboard reads it), kept incrementally: a daily run recounts only the
-- event ids that arrived in the new batches, against every copy of them, and merges the result.
{{ config(materialized='incremental', unique_key='event_id', on_schema_change='fail') }}

{% if is_incremental() %}
with arrived as (
    select distinct event_id
    from {{ ref('stg_marketing_cloud_events') }}
    -- The newest copy already counted; a day without duplicates only makes the next check look further back.
    where loaded_at > coalesce((select max(last_loaded_at) from {{ this }}), cast('1900-01-01' as timestamp))
)
{% endif %}
select
    e.event_id,
    count(*)                                                        as occurrences,
    min(e.event_type)                                               as event_type,
    min(e.loaded_at)                                                as first_loaded_at,
    max(e.loaded_at)                                                as last_loaded_at
from {{ ref('stg_marketing_cloud_events') }} e
{% if is_incremental() %}
where e.event_id in (select event_id from arrived)
{% endif %}
group by e.event_id
having count(*) > 1

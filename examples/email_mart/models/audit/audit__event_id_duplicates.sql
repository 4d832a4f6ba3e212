-- Event ids delivered more than once by the Marketing Cloud extracts (before deduplication), with how
-- often and when. fct_email_events keeps one row of each.
select
    event_id,
    count(*)                                                        as occurrences,
    min(event_type)                                                 as event_type,
    min(loaded_at)                                                  as first_loaded_at,
    max(loaded_at)                                                  as last_loaded_at
from {{ ref('stg_marketing_cloud_events') }}
group by event_id
having count(*) > 1

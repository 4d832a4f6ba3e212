with snapshot_query as (

select id, customer_id, amount
from "raw"."orders"

),

snapshotted_data as (
    select *, id as dbt_unique_key
    from "analytics"."orders"
    where dbt_valid_to is null
),

insertions_source_data as (
    select *, id as dbt_unique_key,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
        coalesce(nullif(updated_at, updated_at), null) as dbt_valid_to,
        md5(coalesce(CAST(id AS text), '') || '|' || coalesce(CAST(updated_at AS text), '')) as dbt_scd_id
    from snapshot_query
),

updates_source_data as (
    select *, id as dbt_unique_key,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
        updated_at as dbt_valid_to
    from snapshot_query
),

deletes_source_data as (
    select *, id as dbt_unique_key
    from snapshot_query
),

insertions as (
    select
        'insert' as dbt_change_type,
        source_data.*
    from insertions_source_data as source_data
    left outer join snapshotted_data
        on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where snapshotted_data.dbt_unique_key is null
        or (not snapshotted_data.dbt_unique_key is null and ((snapshotted_data.dbt_valid_from < source_data.updated_at)))
),

updates as (
    select
        'update' as dbt_change_type,
        source_data.*,
        snapshotted_data.dbt_scd_id
    from updates_source_data as source_data
    join snapshotted_data
        on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where ((snapshotted_data.dbt_valid_from < source_data.updated_at))
),

deletes as (
    select
        'delete' as dbt_change_type,
        source_data.*,
        CAST(current_timestamp AS timestamp) as dbt_valid_from,
        CAST(current_timestamp AS timestamp) as dbt_updated_at,
        CAST(current_timestamp AS timestamp) as dbt_valid_to,
        snapshotted_data.dbt_scd_id
    from snapshotted_data
    left join deletes_source_data as source_data
        on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where source_data.dbt_unique_key is null
)

select * from insertions
union all
select * from updates
union all
select * from deletes;

with snapshot_query as (

select id, customer_id, amount
from "raw"."orders"

),

snapshotted_data as (
    select *, id as dbt_unique_key_1, customer_id as dbt_unique_key_2
    from "analytics"."orders"
    where dbt_valid_to is null
),

insertions_source_data as (
    select *, id as dbt_unique_key_1, customer_id as dbt_unique_key_2,
        CAST(current_timestamp AS TIMESTAMP) as dbt_updated_at,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_from,
        coalesce(nullif(CAST(current_timestamp AS TIMESTAMP), CAST(current_timestamp AS TIMESTAMP)), null) as dbt_valid_to,
        md5(coalesce(CAST(id AS VARCHAR), '') || '|' || coalesce(CAST(customer_id AS VARCHAR), '') || '|' || coalesce(CAST(CAST(current_timestamp AS TIMESTAMP) AS VARCHAR), '')) as dbt_scd_id
    from snapshot_query
),

updates_source_data as (
    select *, id as dbt_unique_key_1, customer_id as dbt_unique_key_2,
        CAST(current_timestamp AS TIMESTAMP) as dbt_updated_at,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_from,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_to
    from snapshot_query
),

deletes_source_data as (
    select *, id as dbt_unique_key_1, customer_id as dbt_unique_key_2
    from snapshot_query
),

insertions as (
    select
        'insert' as dbt_change_type,
        source_data.*,
        'False' as dbt_is_deleted
    from insertions_source_data as source_data
    left outer join snapshotted_data
        on (snapshotted_data.dbt_unique_key_1) IS NOT DISTINCT FROM (source_data.dbt_unique_key_1) and (snapshotted_data.dbt_unique_key_2) IS NOT DISTINCT FROM (source_data.dbt_unique_key_2)
    where snapshotted_data.dbt_unique_key_1 is null
        or (not snapshotted_data.dbt_unique_key_1 is null and ((
        snapshotted_data.amount != source_data.amount
        or (((snapshotted_data.amount is null) and not (source_data.amount is null)) or ((not snapshotted_data.amount is null) and (source_data.amount is null)))
    ) or snapshotted_data.dbt_is_deleted = 'True'))
),

updates as (
    select
        'update' as dbt_change_type,
        source_data.*,
        snapshotted_data.dbt_scd_id,
        snapshotted_data.dbt_is_deleted
    from updates_source_data as source_data
    join snapshotted_data
        on (snapshotted_data.dbt_unique_key_1) IS NOT DISTINCT FROM (source_data.dbt_unique_key_1) and (snapshotted_data.dbt_unique_key_2) IS NOT DISTINCT FROM (source_data.dbt_unique_key_2)
    where ((
        snapshotted_data.amount != source_data.amount
        or (((snapshotted_data.amount is null) and not (source_data.amount is null)) or ((not snapshotted_data.amount is null) and (source_data.amount is null)))
    ) or snapshotted_data.dbt_is_deleted = 'True')
),

deletes as (
    select
        'delete' as dbt_change_type,
        source_data.*,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_from,
        CAST(current_timestamp AS TIMESTAMP) as dbt_updated_at,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_to,
        snapshotted_data.dbt_scd_id,
        snapshotted_data.dbt_is_deleted
    from snapshotted_data
    left join deletes_source_data as source_data
        on (snapshotted_data.dbt_unique_key_1) IS NOT DISTINCT FROM (source_data.dbt_unique_key_1) and (snapshotted_data.dbt_unique_key_2) IS NOT DISTINCT FROM (source_data.dbt_unique_key_2)
    where source_data.dbt_unique_key_1 is null
        and not (
            snapshotted_data.dbt_is_deleted = 'True'
            and snapshotted_data.dbt_valid_to is null
        )
),

deletion_records as (
    select
        'insert' as dbt_change_type,
        snapshotted_data."id",
        snapshotted_data."customer_id",
        snapshotted_data."amount",
        snapshotted_data.id as dbt_unique_key_1,
        snapshotted_data.customer_id as dbt_unique_key_2,
        CAST(current_timestamp AS TIMESTAMP) as dbt_valid_from,
        CAST(current_timestamp AS TIMESTAMP) as dbt_updated_at,
        snapshotted_data.dbt_valid_to as dbt_valid_to,
        md5(coalesce(CAST(snapshotted_data.dbt_scd_id AS VARCHAR), '') || '|' || coalesce(CAST(CAST(current_timestamp AS TIMESTAMP) AS VARCHAR), '')) as dbt_scd_id,
        'True' as dbt_is_deleted
    from snapshotted_data
    left join deletes_source_data as source_data
        on (snapshotted_data.dbt_unique_key_1) IS NOT DISTINCT FROM (source_data.dbt_unique_key_1) and (snapshotted_data.dbt_unique_key_2) IS NOT DISTINCT FROM (source_data.dbt_unique_key_2)
    where source_data.dbt_unique_key_1 is null
        and not (
            snapshotted_data.dbt_is_deleted = 'True'
            and snapshotted_data.dbt_valid_to is null
        )
)

select * from insertions
union all
select * from updates
union all
select * from deletes
union all
select * from deletion_records;

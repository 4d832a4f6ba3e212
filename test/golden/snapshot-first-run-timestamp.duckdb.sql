select *,
    md5(coalesce(CAST(id AS VARCHAR), '') || '|' || coalesce(CAST(updated_at AS VARCHAR), '')) as dbt_scd_id,
    updated_at as dbt_updated_at,
    updated_at as dbt_valid_from,
    coalesce(nullif(updated_at, updated_at), null) as dbt_valid_to
from (
select id, customer_id, amount
from "raw"."orders"
) sbq;

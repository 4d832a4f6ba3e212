update "analytics"."orders" as DBT_INTERNAL_DEST
set dbt_valid_to = DBT_INTERNAL_SOURCE.dbt_valid_to
from "analytics"."orders__martflow_tmp" as DBT_INTERNAL_SOURCE
where DBT_INTERNAL_SOURCE.dbt_scd_id = DBT_INTERNAL_DEST.dbt_scd_id
  and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete')
  and DBT_INTERNAL_DEST.dbt_valid_to is null;

insert into "analytics"."orders" ("id", "amount", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")
select DBT_INTERNAL_SOURCE."id", DBT_INTERNAL_SOURCE."amount", DBT_INTERNAL_SOURCE."dbt_scd_id", DBT_INTERNAL_SOURCE."dbt_updated_at", DBT_INTERNAL_SOURCE."dbt_valid_from", DBT_INTERNAL_SOURCE."dbt_valid_to"
from "analytics"."orders__martflow_tmp" as DBT_INTERNAL_SOURCE
where DBT_INTERNAL_SOURCE.dbt_change_type = 'insert';

delete from "analytics"."orders" as DBT_INTERNAL_DEST
where exists (
  select 1 from "analytics"."orders__martflow_tmp" as DBT_INTERNAL_SOURCE
  where (DBT_INTERNAL_DEST.amount > 0)
    and (DBT_INTERNAL_SOURCE."id") IS NOT DISTINCT FROM (DBT_INTERNAL_DEST."id")
    and (DBT_INTERNAL_SOURCE."customer_id") IS NOT DISTINCT FROM (DBT_INTERNAL_DEST."customer_id")
);

INSERT INTO "analytics"."orders" ("id", "customer_id", "amount")
select "id", "customer_id", "amount"
from "analytics"."orders__martflow_tmp";

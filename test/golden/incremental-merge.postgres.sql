select "id", count(*) as n
from "analytics"."orders__martflow_tmp"
group by "id"
having count(*) > 1
limit 1;

merge into "analytics"."orders" as DBT_INTERNAL_DEST
using "analytics"."orders__martflow_tmp" as DBT_INTERNAL_SOURCE
on (DBT_INTERNAL_SOURCE."id") IS NOT DISTINCT FROM (DBT_INTERNAL_DEST."id")
when matched then update set
    "id" = DBT_INTERNAL_SOURCE."id",
    "customer_id" = DBT_INTERNAL_SOURCE."customer_id",
    "amount" = DBT_INTERNAL_SOURCE."amount"
when not matched then insert ("id", "customer_id", "amount")
values (DBT_INTERNAL_SOURCE."id", DBT_INTERNAL_SOURCE."customer_id", DBT_INTERNAL_SOURCE."amount");

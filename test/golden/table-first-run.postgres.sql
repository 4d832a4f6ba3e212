CREATE TABLE "analytics"."orders__martflow_tmp" AS (
select id, customer_id, amount
from "raw"."orders"
);

ALTER TABLE "analytics"."orders__martflow_tmp" RENAME TO "orders";

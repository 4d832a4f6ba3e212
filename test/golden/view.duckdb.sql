CREATE VIEW "analytics"."orders__martflow_tmp" AS (
select id, customer_id, amount
from "raw"."orders"
);

ALTER VIEW "analytics"."orders" RENAME TO "orders__martflow_backup";

ALTER VIEW "analytics"."orders__martflow_tmp" RENAME TO "orders";

DROP VIEW IF EXISTS "analytics"."orders__martflow_backup" CASCADE;

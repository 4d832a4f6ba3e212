DROP TABLE IF EXISTS "analytics"."orders__martflow_tmp" CASCADE;

DROP TABLE IF EXISTS "analytics"."orders__martflow_backup" CASCADE;

ALTER VIEW "analytics"."orders__martflow_backup" RENAME TO "orders";

alter table "analytics"."orders" add column "email" VARCHAR;

alter table "analytics"."orders" drop column "phone";

alter table "analytics"."orders" alter column "id" set data type BIGINT using CAST("id" AS BIGINT);

alter table "analytics"."orders" add column "email" text;

alter table "analytics"."orders" drop column "phone";

alter table "analytics"."orders" alter column "id" set data type bigint using CAST("id" AS bigint);

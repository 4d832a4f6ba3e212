create table "analytics"."orders__martflow_tmp" (
  "id" integer,
  "Signup Date" date,
  "plan" text
);

truncate table "analytics"."orders";

create table "analytics"."orders__martflow_tmp" (
  "id" INTEGER,
  "Signup Date" DATE,
  "plan" VARCHAR
);

truncate table "analytics"."orders";

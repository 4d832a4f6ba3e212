INSERT INTO "analytics"."orders" ("id", "customer_id", "amount")
select "id", "customer_id", "amount"
from "analytics"."orders__martflow_tmp";

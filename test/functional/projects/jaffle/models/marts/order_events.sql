{{ config(materialized='incremental', unique_key='order_id', tags=['incremental']) }}
select order_id, status, order_date
from {{ ref('stg_orders') }}
{% if is_incremental() %}
where order_date >= (select max(order_date) from {{ this }})
{% endif %}

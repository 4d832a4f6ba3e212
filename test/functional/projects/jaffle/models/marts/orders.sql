{% set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}
with payments as (select * from {{ ref('stg_payments') }}),
order_payments as (
    select order_id,
        {% for m in payment_methods -%}
        sum(case when payment_method = '{{ m }}' then amount else 0 end) as {{ m }}_amount,
        {% endfor -%}
        sum(amount) as total_amount
    from payments
    group by order_id
)
select o.order_id, o.customer_id, o.order_date, o.status,
    {% for m in payment_methods -%}
    op.{{ m }}_amount,
    {% endfor -%}
    op.total_amount as amount
from {{ ref('stg_orders') }} o
left join order_payments op on o.order_id = op.order_id

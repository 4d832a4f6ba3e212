{#- One row per partition_by value: the first by order_by. -#}
{% macro deduplicate(relation, partition_by, order_by) -%}
  {{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}
{%- endmacro %}

{#- Engines without distinct on: number the rows and join the first back (natural join keeps the columns). -#}
{% macro default__deduplicate(relation, partition_by, order_by) -%}
    with row_numbered as (
        select
            _inner.*,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as rn
        from {{ relation }} as _inner
    )
    select distinct data.*
    from {{ relation }} as data
    natural join row_numbered
    where row_numbered.rn = 1
{%- endmacro %}

{% macro postgres__deduplicate(relation, partition_by, order_by) -%}
    select distinct on ({{ partition_by }}) *
    from {{ relation }} as de_dupe
    order by {{ partition_by }}, {{ order_by }}
{%- endmacro %}

{% macro duckdb__deduplicate(relation, partition_by, order_by) -%}
    select *
    from {{ relation }}
    qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro %}

{#- The column has at least one non-null value (per group when group_by_columns is set). -#}
{% test at_least_one(model, column_name, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_at_least_one(model, column_name, group_by_columns) %}
select *
from (
    select {{ dbt_utils._group_select(group_by_columns) }}count({{ column_name }}) as filler_column
    from {{ model }}
    {{ dbt_utils._group_by(group_by_columns) }}
) counted
where filler_column = 0
{% endmacro %}

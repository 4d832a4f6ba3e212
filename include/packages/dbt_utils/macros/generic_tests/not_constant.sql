{#- The column has more than one distinct value (per group when group_by_columns is set). -#}
{% test not_constant(model, column_name, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_not_constant', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_constant(model, column_name, group_by_columns) %}
select {{ dbt_utils._group_select(group_by_columns) }}count(distinct {{ column_name }}) as filler_column
from {{ model }}
{{ dbt_utils._group_by(group_by_columns) }}
having count(distinct {{ column_name }}) = 1
{% endmacro %}

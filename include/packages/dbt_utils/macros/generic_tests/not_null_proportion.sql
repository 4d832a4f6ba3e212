{#- The share of non-null values lies in [at_least, at_most] (per group when group_by_columns is set). -#}
{% test not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_not_null_proportion', 'dbt_utils')(model, column_name, at_least, at_most, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_null_proportion(model, column_name, at_least, at_most, group_by_columns) %}
with validation as (
    select
        {{ dbt_utils._group_select(group_by_columns) }}
        sum(case when {{ column_name }} is null then 0 else 1 end) / cast(count(*) as {{ dbt.type_numeric() }}) as not_null_proportion
    from {{ model }}
    {{ dbt_utils._group_by(group_by_columns) }}
)
select *
from validation
where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
{% endmacro %}

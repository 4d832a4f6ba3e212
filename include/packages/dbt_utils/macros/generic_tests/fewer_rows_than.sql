{#- The model has fewer rows than compare_model (per group when group_by_columns is set). -#}
{% test fewer_rows_than(model, compare_model, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_fewer_rows_than', 'dbt_utils')(model, compare_model, group_by_columns)) }}
{% endtest %}

{% macro default__test_fewer_rows_than(model, compare_model, group_by_columns) %}
{{ dbt_utils._rowcount_comparison(model, compare_model, group_by_columns, 'count_a >= count_b') }}
{% endmacro %}

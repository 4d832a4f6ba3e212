{#- The model and compare_model have the same number of rows (per group when group_by_columns is set). -#}
{% test equal_rowcount(model, compare_model, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_equal_rowcount', 'dbt_utils')(model, compare_model, group_by_columns)) }}
{% endtest %}

{% macro default__test_equal_rowcount(model, compare_model, group_by_columns) %}
{{ dbt_utils._rowcount_comparison(model, compare_model, group_by_columns, 'count_a <> count_b') }}
{% endmacro %}

{#- Counts rows of both relations by group, full-joins the counts and keeps the groups where failing_condition holds. -#}
{% macro _rowcount_comparison(model, compare_model, group_by_columns, failing_condition) %}
with a as (
    select {{ dbt_utils._group_select(group_by_columns) }}1 as join_key, count(*) as count_a
    from {{ model }}
    {{ dbt_utils._group_by(group_by_columns) }}
),
b as (
    select {{ dbt_utils._group_select(group_by_columns) }}1 as join_key, count(*) as count_b
    from {{ compare_model }}
    {{ dbt_utils._group_by(group_by_columns) }}
),
counts as (
    select
        {%- for c in group_by_columns %}
        coalesce(a.{{ c }}, b.{{ c }}) as {{ c }},
        {%- endfor %}
        coalesce(a.count_a, 0) as count_a,
        coalesce(b.count_b, 0) as count_b
    from a
    full join b
        on a.join_key = b.join_key
        {%- for c in group_by_columns %}
        and a.{{ c }} = b.{{ c }}
        {%- endfor %}
)
select *, abs(count_a - count_b) as diff_count
from counts
where {{ failing_condition }}
{% endmacro %}

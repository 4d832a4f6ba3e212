{#- Aggregate column tests: a statistic of the column (per group) lies in a range or equals a value. -#}
{% test expect_column_min_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, 'min(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_max_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, 'max(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_mean_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, 'avg(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_sum_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, 'sum(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_distinct_count_to_equal(model, column_name, value, quote_values=False, group_by=None, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='count(distinct ' ~ column_name ~ ') = ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_be_greater_than(model, column_name, value, quote_values=False, group_by=None, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='count(distinct ' ~ column_name ~ ') > ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_be_less_than(model, column_name, value, quote_values=False, group_by=None, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='count(distinct ' ~ column_name ~ ') < ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model, compare_column_name, row_condition=None, compare_row_condition=None) %}
with a as (
    select count(distinct {{ column_name }}) as distinct_count
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
b as (
    select count(distinct {{ compare_column_name }}) as distinct_count
    from {{ compare_model }}
    {%- if compare_row_condition %}
    where {{ compare_row_condition }}
    {%- endif %}
)
select a.distinct_count, b.distinct_count as compare_distinct_count
from a cross join b
where a.distinct_count <> b.distinct_count
{% endtest %}

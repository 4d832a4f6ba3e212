{#- Row-count tests, optionally per group_by and on rows matching row_condition. -#}
{% test expect_table_row_count_to_be_between(model, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, 'count(*)', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_table_row_count_to_equal(model, value, group_by=None, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='count(*) = ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{% endtest %}

{% test expect_table_row_count_to_equal_other_table(model, compare_model, group_by=None, compare_group_by=None, factor=1, row_condition=None, compare_row_condition=None) %}
  {%- set compare_group_by = compare_group_by if compare_group_by is not none else group_by -%}
with a as (
    select
        {%- for g in group_by or [] %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        1 as join_key,
        count(*) as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
),
b as (
    select
        {%- for g in compare_group_by or [] %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        1 as join_key,
        count(*) * {{ factor }} as expression
    from {{ compare_model }}
    {%- if compare_row_condition %}
    where {{ compare_row_condition }}
    {%- endif %}
    {%- if compare_group_by %}
    group by {{ compare_group_by | join(', ') }}
    {%- endif %}
),
final as (
    select
        {%- for g in group_by or [] %}
        coalesce(a.col_{{ loop.index }}, b.col_{{ loop.index }}) as col_{{ loop.index }},
        {%- endfor %}
        coalesce(a.expression, 0) as expression,
        coalesce(b.expression, 0) as compare_expression
    from a
    full join b
        on a.join_key = b.join_key
        {%- for g in group_by or [] %}
        and a.col_{{ loop.index }} = b.col_{{ loop.index }}
        {%- endfor %}
)
select * from final
where expression <> compare_expression
{% endtest %}

{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None) %}
  {{ adapter.dispatch('test_expect_row_values_to_have_recent_data', 'dbt_expectations')(model, column_name, datepart, interval, row_condition) }}
{% endtest %}

{% macro default__test_expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition) %}
{%- set threshold = 'cast(' ~ dbt.dateadd(datepart, interval * -1, dbt.current_timestamp()) ~ ' as ' ~ dbt.type_timestamp() ~ ')' %}
with latest as (
    select max(cast({{ column_name }} as {{ dbt.type_timestamp() }})) as latest_value
    from {{ model }}
    where cast({{ column_name }} as {{ dbt.type_timestamp() }}) <= cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }})
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
)
select latest_value, {{ threshold }} as threshold
from latest
where latest_value < {{ threshold }} or latest_value is null
{% endmacro %}

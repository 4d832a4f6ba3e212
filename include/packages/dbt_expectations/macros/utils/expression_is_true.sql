{#- The core of most dbt_expectations tests: evaluate an expression (per group) and return the rows
    (groups) where it does not satisfy test_condition. Null results count as passing, as upstream. -#}
{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) -%}
  {{ adapter.dispatch('expression_is_true', 'dbt_expectations')(model, expression, test_condition, group_by_columns, row_condition) }}
{%- endmacro %}

{% macro default__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -%}
with grouped_expression as (
    select
        {%- if group_by_columns %}
        {%- for g in group_by_columns %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        {%- endif %}
        {{ expression }} as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by_columns %}
    group by
    {%- for g in group_by_columns %}
        {{ g }}{{ ',' if not loop.last }}
    {%- endfor %}
    {%- endif %}
),
validation_errors as (
    select *
    from grouped_expression
    where not(expression {{ test_condition }})
)
select * from validation_errors
{%- endmacro %}

{#- expression between min_value and max_value (either may be omitted; strictly excludes the bounds). -#}
{% macro expression_between(model, expression, min_value, max_value, group_by_columns, row_condition, strictly) -%}
{%- if min_value is none and max_value is none -%}
  {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
{%- endif -%}
{%- set low = '>' if strictly else '>=' -%}
{%- set high = '<' if strictly else '<=' -%}
{%- set checks = [] -%}
{%- if min_value is not none -%}{%- do checks.append(expression ~ ' ' ~ low ~ ' ' ~ min_value) -%}{%- endif -%}
{%- if max_value is not none -%}{%- do checks.append(expression ~ ' ' ~ high ~ ' ' ~ max_value) -%}{%- endif -%}
{{ dbt_expectations.expression_is_true(model, expression=checks | join(' and '), group_by_columns=group_by_columns, row_condition=row_condition) }}
{%- endmacro %}

{#- Values outside [min_value, max_value] (exclusive bounds when inclusive=false) fail; nulls pass. -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
  {{ return(adapter.dispatch('test_accepted_range', 'dbt_utils')(model, column_name, min_value, max_value, inclusive)) }}
{% endtest %}

{% macro default__test_accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
{%- if min_value is none and max_value is none -%}
  {{ exceptions.raise_compiler_error("accepted_range on '" ~ column_name ~ "' needs min_value, max_value or both") }}
{%- endif %}
with meet_condition as (
    select * from {{ model }}
),
validation_errors as (
    select *
    from meet_condition
    where 1 = 2
    {%- if min_value is not none %}
      or not {{ column_name }} {{ '>=' if inclusive else '>' }} {{ min_value }}
    {%- endif %}
    {%- if max_value is not none %}
      or not {{ column_name }} {{ '<=' if inclusive else '<' }} {{ max_value }}
    {%- endif %}
)
select * from validation_errors
{% endmacro %}

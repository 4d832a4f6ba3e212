{#- Ranges [lower, upper) of each partition do not overlap; gaps: allowed | not_allowed | required. -#}
{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}
  {{ return(adapter.dispatch('test_mutually_exclusive_ranges', 'dbt_utils')(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed)) }}
{% endtest %}

{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}
{%- if gaps == 'not_allowed' -%}
  {%- set gap_operator = '=' -%}
{%- elif gaps == 'allowed' -%}
  {%- set gap_operator = '<=' -%}
{%- elif gaps == 'required' -%}
  {%- set gap_operator = '<' -%}
{%- else -%}
  {{ exceptions.raise_compiler_error("mutually_exclusive_ranges: gaps must be 'allowed', 'not_allowed' or 'required', got '" ~ gaps ~ "'") }}
{%- endif -%}
{%- set length_operator = '<=' if zero_length_range_allowed else '<' -%}
{%- set partition_clause = 'partition by ' ~ partition_by if partition_by else '' %}
with window_functions as (
    select
        {%- if partition_by %}
        {{ partition_by }} as partition_by_col,
        {%- endif %}
        {{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over ({{ partition_clause }} order by {{ lower_bound_column }}, {{ upper_bound_column }}) as next_lower_bound,
        row_number() over ({{ partition_clause }} order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc) = 1 as is_last_record
    from {{ model }}
),
calc as (
    select
        *,
        coalesce(lower_bound {{ length_operator }} upper_bound, false) as bounds_in_order,
        coalesce(upper_bound {{ gap_operator }} next_lower_bound, is_last_record, false) as fits_before_next
    from window_functions
),
validation_errors as (
    select * from calc
    where not(bounds_in_order and fits_before_next)
)
select * from validation_errors
{% endmacro %}

{#- Each value is the previous one plus `interval` (numbers) or `interval` datepart(s) (dates). -#}
{% test sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_sequential_values', 'dbt_utils')(model, column_name, interval, datepart, group_by_columns)) }}
{% endtest %}

{% macro default__test_sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
{%- set previous = 'previous_' ~ column_name %}
with windowed as (
    select
        {{ dbt_utils._group_select(group_by_columns) }}{{ column_name }},
        lag({{ column_name }}) over (
            {%- if group_by_columns | length > 0 %} partition by {{ group_by_columns | join(', ') }}{% endif %}
            order by {{ column_name }}
        ) as {{ previous }}
    from {{ model }}
),
validation_errors as (
    select *
    from windowed
    {%- if datepart %}
    where not(cast({{ column_name }} as {{ dbt.type_timestamp() }}) = cast({{ dbt.dateadd(datepart, interval, previous) }} as {{ dbt.type_timestamp() }}))
    {%- else %}
    where not({{ column_name }} = {{ previous }} + {{ interval }})
    {%- endif %}
)
select * from validation_errors
{% endmacro %}

{% macro datediff(first_date, second_date, datepart) %}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{% endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{#- Postgres has no datediff: count boundaries crossed with date_part, as dbt-postgres does. -#}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {{ dbt._datediff_by_date_part(first_date, second_date, datepart) }}
{%- endmacro %}

{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    {{ dbt._datediff_by_date_part(first_date, second_date, datepart) }}
{%- endmacro %}

{% macro _datediff_by_date_part(first_date, second_date, datepart) -%}
    {%- set a = '(' ~ first_date ~ ')' -%}
    {%- set b = '(' ~ second_date ~ ')' -%}
    {%- if datepart == 'year' -%}
        (date_part('year', {{ b }}::date) - date_part('year', {{ a }}::date))
    {%- elif datepart == 'quarter' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', {{ b }}::date) - date_part('quarter', {{ a }}::date))
    {%- elif datepart == 'month' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 12 + date_part('month', {{ b }}::date) - date_part('month', {{ a }}::date))
    {%- elif datepart == 'day' -%}
        ({{ b }}::date - {{ a }}::date)
    {%- elif datepart == 'week' -%}
        ({{ dbt.datediff(first_date, second_date, 'day') }} / 7 + case
            when date_part('dow', {{ a }}::timestamp) <= date_part('dow', {{ b }}::timestamp)
            then case when {{ first_date }} <= {{ second_date }} then 0 else -1 end
            else case when {{ first_date }} <= {{ second_date }} then 1 else 0 end
        end)
    {%- elif datepart == 'hour' -%}
        ({{ dbt.datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', {{ b }}::timestamp) - date_part('hour', {{ a }}::timestamp))
    {%- elif datepart == 'minute' -%}
        ({{ dbt.datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', {{ b }}::timestamp) - date_part('minute', {{ a }}::timestamp))
    {%- elif datepart == 'second' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', {{ b }}::timestamp)) - floor(date_part('second', {{ a }}::timestamp)))
    {%- elif datepart == 'millisecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000 + floor(date_part('millisecond', {{ b }}::timestamp)) - floor(date_part('millisecond', {{ a }}::timestamp)))
    {%- elif datepart == 'microsecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000000 + floor(date_part('microsecond', {{ b }}::timestamp)) - floor(date_part('microsecond', {{ a }}::timestamp)))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff: {!r}".format(datepart)) }}
    {%- endif -%}
{%- endmacro %}

{% macro last_day(date, datepart) %}
  {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{% endmacro %}

{%- macro default_last_day(date, datepart) -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro -%}

{% macro default__last_day(date, datepart) -%}
    {{ dbt.default_last_day(date, datepart) }}
{%- endmacro %}

{#- Interval arithmetic has no 'quarter' on Postgres and DuckDB: add three months instead. -#}
{% macro _last_day_quarter_as_months(date, datepart) -%}
    {%- if datepart == 'quarter' -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd('month', '3', dbt.date_trunc(datepart, date))) }} as date)
    {%- else -%}
    {{ dbt.default_last_day(date, datepart) }}
    {%- endif -%}
{%- endmacro %}

{% macro postgres__last_day(date, datepart) -%}
    {{ dbt._last_day_quarter_as_months(date, datepart) }}
{%- endmacro %}

{% macro duckdb__last_day(date, datepart) -%}
    {{ dbt._last_day_quarter_as_months(date, datepart) }}
{%- endmacro %}

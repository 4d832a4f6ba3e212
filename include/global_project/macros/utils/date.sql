{% macro date(year, month, day) %}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{% endmacro %}

{% macro default__date(year, month, day) -%}
    to_date('{{ "{:04d}-{:02d}-{:02d}".format(year, month, day) }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro postgres__date(year, month, day) -%}
    make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

{% macro duckdb__date(year, month, day) -%}
    make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

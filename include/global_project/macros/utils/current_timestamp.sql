{%- macro current_timestamp() -%}
  {{ adapter.dispatch('current_timestamp', 'dbt')() }}
{%- endmacro -%}

{% macro default__current_timestamp() -%}
    current_timestamp
{%- endmacro %}

{% macro postgres__current_timestamp() -%}
    now()
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
    now()
{%- endmacro %}

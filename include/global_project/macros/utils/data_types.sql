{#- Column types by name. api.Column.translate_type maps dbt's generic names to the adapter's. -#}

{%- macro _translate_type(name, fallback) -%}
  {{ return(api.Column.translate_type(name) if api is defined else fallback) }}
{%- endmacro -%}

{%- macro type_string() -%}
  {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_string() %}
  {{ return(dbt._translate_type('string', 'text')) }}
{% endmacro %}

{%- macro type_timestamp() -%}
  {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_timestamp() %}
  {{ return(dbt._translate_type('timestamp', 'timestamp')) }}
{% endmacro %}

{%- macro type_float() -%}
  {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_float() %}
  {{ return(dbt._translate_type('float', 'float')) }}
{% endmacro %}

{%- macro type_numeric() -%}
  {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_numeric() %}
  {{ return(api.Column.numeric_type('numeric', 28, 6) if api is defined else 'numeric(28,6)') }}
{% endmacro %}

{%- macro type_bigint() -%}
  {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_bigint() %}
  {{ return(dbt._translate_type('bigint', 'bigint')) }}
{% endmacro %}

{%- macro type_int() -%}
  {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro -%}

{%- macro default__type_int() -%}
  {{ return(dbt._translate_type('integer', 'integer')) }}
{%- endmacro -%}

{%- macro type_boolean() -%}
  {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro -%}

{%- macro default__type_boolean() -%}
  {{ return(dbt._translate_type('boolean', 'boolean')) }}
{%- endmacro -%}

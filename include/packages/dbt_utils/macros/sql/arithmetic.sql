{#- Null-safe arithmetic and positional group by. -#}
{%- macro safe_add(field_list) -%}
  {{ return(adapter.dispatch('safe_add', 'dbt_utils')(field_list)) }}
{%- endmacro -%}

{%- macro default__safe_add(field_list) -%}
{%- if field_list is string or field_list is not iterable -%}
  {{ exceptions.raise_compiler_error("safe_add takes a list of fields, e.g. safe_add(['a', 'b'])") }}
{%- endif -%}
{%- set fields = [] -%}
{%- for field in field_list -%}
  {%- do fields.append('coalesce(' ~ field ~ ', 0)') -%}
{%- endfor -%}
{{ fields | join(' +\n  ') }}
{%- endmacro -%}

{% macro safe_divide(numerator, denominator) -%}
  {{ return(adapter.dispatch('safe_divide', 'dbt_utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) %}
    ( {{ numerator }} ) / nullif( ( {{ denominator }} ), 0)
{% endmacro %}

{%- macro group_by(n) -%}
  {{ return(adapter.dispatch('group_by', 'dbt_utils')(n)) }}
{%- endmacro -%}

{%- macro default__group_by(n) -%}
  group by {% for i in range(1, n + 1) -%}
      {{ i }}{{ ',' if not loop.last }}
   {%- endfor -%}
{%- endmacro -%}

{#- The single value a query returns (its first column of its first row), or none at parse time.
    Models use it to turn a watermark into a literal: DuckDB skips row groups by their min/max only
    for constants, not for a scalar subquery, which matters on tables of millions of events. -#}
{% macro scalar_query(sql) %}
  {%- if not execute -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set table = run_query(sql) -%}
  {%- if table is none or (table.rows | length) == 0 -%}
    {{ return(none) }}
  {%- endif -%}
  {{ return(table.columns[0].values()[0]) }}
{% endmacro %}

{#- A literal for a date or timestamp value from scalar_query, or the fallback SQL when there is none. -#}
{% macro literal_or(value, type, fallback_sql) -%}
  {%- if value is none -%}
    ({{ fallback_sql }})
  {%- else -%}
    cast('{{ value }}' as {{ type }})
  {%- endif -%}
{%- endmacro %}

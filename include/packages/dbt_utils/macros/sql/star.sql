{#- The columns of a relation as a select list, minus `except`, with an optional alias, prefix and suffix. -#}
{% macro get_filtered_columns_in_relation(from, except=[]) -%}
  {{ return(adapter.dispatch('get_filtered_columns_in_relation', 'dbt_utils')(from, except)) }}
{%- endmacro %}

{% macro default__get_filtered_columns_in_relation(from, except=[]) -%}
  {%- if not execute -%}
    {{ return([]) }}
  {%- endif -%}
  {%- set excluded = except | map('lower') | list -%}
  {%- set included = [] -%}
  {%- for col in adapter.get_columns_in_relation(from) -%}
    {%- if col.column | lower not in excluded -%}
      {%- do included.append(col.column) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(included) }}
{%- endmacro %}

{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
  {{ return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) }}
{%- endmacro %}

{% macro default__star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
  {#- At parse time there is no warehouse to ask: dbt renders a plain * there too. -#}
  {%- if not execute -%}
    {{ return('*') }}
  {%- endif -%}
  {%- set cols = dbt_utils.get_filtered_columns_in_relation(from, except) -%}
  {%- if cols | length == 0 -%}
    {{ return('*') }}
  {%- endif -%}
  {%- for col in cols -%}
    {%- if relation_alias %}{{ relation_alias }}.{% endif -%}
    {%- if quote_identifiers %}{{ adapter.quote(col) }}{% else %}{{ col }}{% endif -%}
    {%- if prefix != '' or suffix != '' %} as {% if quote_identifiers %}{{ adapter.quote(prefix ~ col ~ suffix) }}{% else %}{{ prefix ~ col ~ suffix }}{% endif %}{% endif -%}
    {%- if not loop.last %},
  {% endif -%}
  {%- endfor -%}
{%- endmacro %}

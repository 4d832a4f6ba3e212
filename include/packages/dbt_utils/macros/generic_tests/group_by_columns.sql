{#- Shared pieces of the tests that accept group_by_columns: a select prefix and a group by suffix. -#}
{% macro _group_select(group_by_columns) -%}
  {%- if group_by_columns | length > 0 -%}{{ group_by_columns | join(', ') }}, {% endif -%}
{%- endmacro %}

{% macro _group_by(group_by_columns) -%}
  {%- if group_by_columns | length > 0 %} group by {{ group_by_columns | join(', ') }}{% endif -%}
{%- endmacro %}

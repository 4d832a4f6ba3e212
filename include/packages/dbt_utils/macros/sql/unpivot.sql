{#- One row per (kept row, column): the exclude columns, the column name as field_name, its value cast to cast_to. -#}
{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
  {{ return(adapter.dispatch('unpivot', 'dbt_utils')(relation, cast_to, exclude, remove, field_name, value_name, quote_identifiers)) }}
{%- endmacro %}

{% macro default__unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
{%- if not relation -%}
  {{ exceptions.raise_compiler_error("unpivot needs a relation: unpivot(relation=ref('my_model'))") }}
{%- endif -%}
{%- set exclude = exclude if exclude is not none else [] -%}
{%- set remove = remove if remove is not none else [] -%}
{%- set skipped = (exclude + remove) | map('lower') | list -%}
{%- set include_cols = [] -%}
{%- for col in adapter.get_columns_in_relation(relation) -%}
  {%- if col.column | lower not in skipped -%}
    {%- do include_cols.append(col) -%}
  {%- endif -%}
{%- endfor -%}
{%- for col in include_cols -%}
  {%- set current = adapter.quote(col.column) if quote_identifiers else col.column %}
select
  {%- for exclude_col in exclude %}
    {{ adapter.quote(exclude_col) if quote_identifiers else exclude_col }},
  {%- endfor %}
    cast('{{ col.column }}' as {{ dbt.type_string() }}) as {{ adapter.quote(field_name) if quote_identifiers else field_name }},
    cast({% if col.data_type | lower == 'boolean' %}{{ dbt.cast_bool_to_text(current) }}{% else %}{{ current }}{% endif %} as {{ cast_to }}) as {{ adapter.quote(value_name) if quote_identifiers else value_name }}
from {{ relation }}
{% if not loop.last %}union all
{% endif -%}
{%- endfor -%}
{%- endmacro %}

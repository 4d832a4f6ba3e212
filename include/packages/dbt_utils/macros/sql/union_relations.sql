{#- union all of relations over the superset of their columns (nulls where a relation lacks one), with a
    column naming each row's source relation. Columns match case-insensitively. -#}
{%- macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
  {{ return(adapter.dispatch('union_relations', 'dbt_utils')(relations, column_override, include, exclude, source_column_name, where)) }}
{%- endmacro -%}

{%- macro default__union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
{%- if exclude and include -%}
  {{ exceptions.raise_compiler_error("union_relations: give include or exclude, not both") }}
{%- endif -%}
{%- if not execute -%}
  {{ return('') }}
{%- endif -%}
{%- set column_override = column_override if column_override is not none else {} -%}
{%- set includes = include | map('lower') | list -%}
{%- set excludes = exclude | map('lower') | list -%}
{%- set present = [] -%}
{%- set superset = {} -%}
{%- set order = [] -%}
{%- for relation in relations -%}
  {%- set names = [] -%}
  {%- for col in adapter.get_columns_in_relation(relation) -%}
    {%- set key = col.column | lower -%}
    {%- if (excludes and key in excludes) or (includes and key not in includes) -%}
    {%- else -%}
      {%- do names.append(key) -%}
      {%- if key not in superset -%}
        {%- do superset.update({key: col}) -%}
        {%- do order.append(key) -%}
      {%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {%- do present.append(names) -%}
{%- endfor -%}
{%- for relation in relations %}
    {%- set relation_index = loop.index0 %}
    (
        select
            {%- if source_column_name is not none %}
            cast({{ dbt.string_literal(relation) }} as {{ dbt.type_string() }}) as {{ source_column_name }}{{ ',' if order }}
            {%- endif %}
            {%- for key in order %}
            {%- set col = superset[key] %}
            {%- set col_type = column_override.get(col.column, col.data_type) %}
            cast({{ adapter.quote(col.column) if key in present[relation_index] else 'null' }} as {{ col_type }}) as {{ col.quoted }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        {%- if where %}
        where {{ where }}
        {%- endif %}
    )
    {% if not loop.last %}union all{% endif %}
{%- endfor -%}
{%- endmacro -%}

{#- Relations whose schema and name match SQL like patterns (minus `exclude`), for union_relations. -#}
{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=none) -%}
  {{ return(adapter.dispatch('get_relations_by_pattern', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{%- endmacro %}

{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=none) -%}
  {{ return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{%- endmacro %}

{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=none) -%}
    select distinct
        table_schema as {{ adapter.quote('table_schema') }},
        table_name as {{ adapter.quote('table_name') }}
    from information_schema.tables
    where table_schema ilike '{{ schema_pattern }}'
      and table_name ilike '{{ table_pattern }}'
      and table_name not ilike '{{ exclude }}'
      {%- if database %}
      and table_catalog = '{{ database }}'
      {%- endif %}
    order by 1, 2
{%- endmacro %}

{% macro default__get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=none) -%}
  {%- if not execute -%}
    {{ return([]) }}
  {%- endif -%}
  {%- set database = database if database is not none else target.database -%}
  {%- set result = run_query(dbt_utils.get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database)) -%}
  {%- set relations = [] -%}
  {%- for row in result.rows -%}
    {%- set rel = adapter.get_relation(database=database, schema=row['table_schema'], identifier=row['table_name']) -%}
    {%- if rel is not none -%}
      {%- do relations.append(rel) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(relations) }}
{%- endmacro %}

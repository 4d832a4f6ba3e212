{#- The distinct values of a column (one compile-time query), most frequent first unless order_by says otherwise. -#}
{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
  {{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}
{%- endmacro %}

{% macro default__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
  {%- if not execute -%}
    {{ return(default if default is not none else []) }}
  {%- endif -%}
  {%- if table.identifier is defined and table.identifier -%}
    {%- set found = adapter.get_relation(database=table.database, schema=table.schema, identifier=table.identifier) -%}
    {%- if found is none -%}
      {%- if default is not none -%}
        {{ return(default) }}
      {%- endif -%}
      {{ exceptions.raise_compiler_error("get_column_values: relation " ~ table ~ " does not exist and no default was given") }}
    {%- endif -%}
  {%- endif -%}
  {%- set sql -%}
    select {{ column }} as value
    from {{ table }}
    {% if where is not none %}where {{ where }}{% endif %}
    group by {{ column }}
    order by {{ order_by }}
    {% if max_records is not none %}limit {{ max_records }}{% endif %}
  {%- endset -%}
  {%- set result = run_query(sql) -%}
  {{ return(result.columns[0].values() | list) }}
{%- endmacro %}

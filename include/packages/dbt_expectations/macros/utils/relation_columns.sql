{#- The relation's columns for the table-shape tests, names transformed as upstream (upper by default). -#}
{% macro _list_columns(model, transform="upper") -%}
  {%- set names = [] -%}
  {%- for col in dbt_expectations._columns_of(model) -%}
    {%- do names.append(dbt_expectations._transform(col.name, transform)) -%}
  {%- endfor -%}
  {{ return(names) }}
{%- endmacro %}

{#- Test arguments arrive rendered: `model` may be the relation's name as a string, or a filtered
    subquery when the test has a where config. Columns come from the warehouse's catalog when the
    relation can be named, else from a zero-row query (names only, types as the driver reports them). -#}
{% macro _columns_of(model) -%}
  {%- if not execute -%}
    {{ return([]) }}
  {%- endif -%}
  {%- set relation = dbt_expectations._as_relation(model) -%}
  {%- if relation is not none -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
  {%- endif -%}
  {%- set result = run_query('select * from ' ~ model ~ ' where 1 = 0') -%}
  {%- set cols = [] -%}
  {%- for i in range(result.column_names | length) -%}
    {%- do cols.append({'name': result.column_names[i], 'dtype': result.column_types[i]}) -%}
  {%- endfor -%}
  {{ return(cols) }}
{%- endmacro %}

{% macro _as_relation(model) -%}
  {%- if model is not string -%}
    {{ return(model) }}
  {%- endif -%}
  {%- if model.strip().startswith('(') -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set parts = model.replace('"', '').replace('`', '').split('.') -%}
  {%- if parts | length == 3 -%}
    {{ return(adapter.get_relation(database=parts[0], schema=parts[1], identifier=parts[2])) }}
  {%- elif parts | length == 2 -%}
    {{ return(adapter.get_relation(database=target.database, schema=parts[0], identifier=parts[1])) }}
  {%- endif -%}
  {{ return(none) }}
{%- endmacro %}

{% macro _transform(name, transform) -%}
  {%- if transform == 'upper' -%}{{ return(name | upper) }}
  {%- elif transform == 'lower' -%}{{ return(name | lower) }}
  {%- else -%}{{ return(name) }}
  {%- endif -%}
{%- endmacro %}

{#- A select returning one row per problem found in Python-side comparisons (zero rows: pass). -#}
{% macro _problems_sql(problems) -%}
  {%- if problems | length == 0 -%}
    select cast(null as {{ dbt.type_string() }}) as problem where 1 = 0
  {%- else -%}
    {%- for p in problems -%}
    select cast('{{ dbt.escape_single_quotes(p) }}' as {{ dbt.type_string() }}) as problem
    {%- if not loop.last %}
    union all
    {% endif -%}
    {%- endfor -%}
  {%- endif -%}
{%- endmacro %}

{#- A column-set expectation: the relation has at least these columns (the ones dashboards read).
    Returns one row per expected column the warehouse does not report in information_schema. -#}
{% test expect_table_columns(model, column_names) %}
{#- martflow passes `model` as the rendered relation name ("db"."schema"."table"), dbt as a Relation;
    reading the parts from the name works with both. -#}
{%- set parts = (model | string).split('.') -%}
{%- set schema_name = parts[-2] | replace('"', '') -%}
{%- set table_name = parts[-1] | replace('"', '') -%}
with expected as (
    {%- for column_name in column_names %}
    select '{{ column_name | lower }}' as column_name{{ ' union all' if not loop.last }}
    {%- endfor %}
),
actual as (
    select lower(column_name) as column_name
    from information_schema.columns
    where lower(table_schema) = lower('{{ schema_name }}')
      and lower(table_name) = lower('{{ table_name }}')
)
select expected.column_name as missing_column
from expected
left join actual on actual.column_name = expected.column_name
where actual.column_name is null
{% endtest %}

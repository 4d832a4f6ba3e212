{#- Per-row column tests: every row (matching row_condition) must satisfy the expectation. -#}
{% test expect_column_values_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
  {{ dbt_expectations.expression_between(model, column_name, min_value, max_value, None, row_condition, strictly) }}
{% endtest %}

{% macro _value_list(value_set, quote_values) -%}
  {%- for value in value_set -%}
    {%- if quote_values -%}'{{ dbt.escape_single_quotes(value) }}'{%- else -%}{{ value }}{%- endif -%}
    {{- ', ' if not loop.last -}}
  {%- endfor -%}
{%- endmacro %}

{% test expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) %}
with all_values as (
    select {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
)
select value_field
from all_values
where value_field is not null
  and value_field not in ({{ dbt_expectations._value_list(value_set, quote_values) }})
{% endtest %}

{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) %}
with all_values as (
    select {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
)
select value_field
from all_values
where value_field in ({{ dbt_expectations._value_list(value_set, quote_values) }})
{% endtest %}

{% test expect_column_values_to_be_unique(model, column_name, row_condition=None) %}
  {{ dbt_expectations.test_expect_compound_columns_to_be_unique(model, [column_name], row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_be_null(model, column_name, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression=column_name ~ ' is not null', row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_be_null(model, column_name, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression=column_name ~ ' is null', row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags="") %}
  {%- set matched = dbt_expectations.regexp_instr(column_name, regex, is_raw=is_raw, flags=flags) -%}
  {{ dbt_expectations.expression_is_true(model, expression='(' ~ column_name ~ ' is null or ' ~ matched ~ ' > 0)', row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags="") %}
  {%- set matched = dbt_expectations.regexp_instr(column_name, regex, is_raw=is_raw, flags=flags) -%}
  {{ dbt_expectations.expression_is_true(model, expression='(' ~ column_name ~ ' is null or ' ~ matched ~ ' = 0)', row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_match_like_pattern(model, column_name, like_pattern, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='(' ~ column_name ~ " is null or " ~ column_name ~ " like '" ~ like_pattern ~ "')", row_condition=row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_like_pattern(model, column_name, like_pattern, row_condition=None) %}
  {{ dbt_expectations.expression_is_true(model, expression='(' ~ column_name ~ " is null or " ~ column_name ~ " not like '" ~ like_pattern ~ "')", row_condition=row_condition) }}
{% endtest %}

{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
  {%- set cond = column_name ~ ' is not null' ~ (' and ' ~ row_condition if row_condition else '') -%}
  {{ dbt_expectations.expression_between(model, dbt.length(column_name), min_value, max_value, None, cond, strictly) }}
{% endtest %}

{% test expect_column_value_lengths_to_equal(model, column_name, value, row_condition=None) %}
  {%- set cond = column_name ~ ' is not null' ~ (' and ' ~ row_condition if row_condition else '') -%}
  {{ dbt_expectations.expression_is_true(model, expression=dbt.length(column_name) ~ ' = ' ~ value, row_condition=cond) }}
{% endtest %}

{#- The column's declared type (from the warehouse) is column_type, compared case-insensitively. -#}
{% test expect_column_values_to_be_of_type(model, column_name, column_type) %}
  {{ dbt_expectations.test_expect_column_values_to_be_in_type_list(model, column_name, [column_type]) }}
{% endtest %}

{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
  {%- set wanted = column_type_list | map('upper') | list -%}
  {%- set problems = [] -%}
  {%- set found = [] -%}
  {%- for col in dbt_expectations._columns_of(model) if col.name | upper == column_name | upper -%}
    {%- do found.append(col) -%}
    {%- if col.dtype | upper not in wanted -%}
      {%- do problems.append('column ' ~ col.name ~ ' has type ' ~ (col.dtype | upper) ~ ', expected one of ' ~ (wanted | join(', '))) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if found | length == 0 -%}
    {%- do problems.append('column ' ~ column_name ~ ' not found') -%}
  {%- endif -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) %}
{%- if ignore_row_if not in ['all_values_are_missing', 'any_value_is_missing'] -%}
  {{ exceptions.raise_compiler_error("ignore_row_if must be 'all_values_are_missing' or 'any_value_is_missing', got '" ~ ignore_row_if ~ "'") }}
{%- endif -%}
{%- set columns = [] -%}
{%- for c in column_list %}{% do columns.append(adapter.quote(c) if quote_columns else c) %}{% endfor -%}
{%- set joiner = ' and ' if ignore_row_if == 'all_values_are_missing' else ' or ' -%}
{%- set missing = [] -%}
{%- for c in columns %}{% do missing.append(c ~ ' is null') %}{% endfor %}
with validation_errors as (
    select {{ columns | join(', ') }}, count(*) as n_records
    from {{ model }}
    where not ({{ missing | join(joiner) }})
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
    group by {{ columns | join(', ') }}
    having count(*) > 1
)
select * from validation_errors
{% endtest %}

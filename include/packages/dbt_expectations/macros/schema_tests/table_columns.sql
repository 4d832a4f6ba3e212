{#- Table-shape tests on the relation's column names (compared upper-cased unless transform says otherwise). -#}
{% test expect_column_to_exist(model, column_name, column_index=None, transform="upper") %}
  {%- set actual = dbt_expectations._list_columns(model, transform) -%}
  {%- set wanted = dbt_expectations._transform(column_name, transform) -%}
  {%- set problems = [] -%}
  {%- if wanted not in actual -%}
    {%- do problems.append('column ' ~ wanted ~ ' is missing') -%}
  {%- elif column_index is not none and (actual.index(wanted) + 1) != column_index -%}
    {%- do problems.append('column ' ~ wanted ~ ' is at position ' ~ (actual.index(wanted) + 1) ~ ', expected ' ~ column_index) -%}
  {%- endif -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_table_columns_to_match_set(model, column_list, transform="upper") %}
  {%- set actual = dbt_expectations._list_columns(model, transform) -%}
  {%- set wanted = [] -%}
  {%- for c in column_list %}{% do wanted.append(dbt_expectations._transform(c, transform)) %}{% endfor -%}
  {%- set problems = [] -%}
  {%- for c in wanted if c not in actual %}{% do problems.append('missing column ' ~ c) %}{% endfor -%}
  {%- for c in actual if c not in wanted %}{% do problems.append('unexpected column ' ~ c) %}{% endfor -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_table_columns_to_match_ordered_list(model, column_list, transform="upper") %}
  {%- set actual = dbt_expectations._list_columns(model, transform) -%}
  {%- set wanted = [] -%}
  {%- for c in column_list %}{% do wanted.append(dbt_expectations._transform(c, transform)) %}{% endfor -%}
  {%- set problems = [] -%}
  {%- for i in range([actual | length, wanted | length] | max) -%}
    {%- set a = actual[i] if i < actual | length else '(none)' -%}
    {%- set w = wanted[i] if i < wanted | length else '(none)' -%}
    {%- if a != w %}{% do problems.append('position ' ~ (i + 1) ~ ': expected ' ~ w ~ ', found ' ~ a) %}{% endif -%}
  {%- endfor -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_table_columns_to_contain_set(model, column_list, transform="upper") %}
  {%- set actual = dbt_expectations._list_columns(model, transform) -%}
  {%- set problems = [] -%}
  {%- for c in column_list -%}
    {%- set t = dbt_expectations._transform(c, transform) -%}
    {%- if t not in actual %}{% do problems.append('missing column ' ~ t) %}{% endif -%}
  {%- endfor -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_table_columns_to_not_contain_set(model, column_list, transform="upper") %}
  {%- set actual = dbt_expectations._list_columns(model, transform) -%}
  {%- set problems = [] -%}
  {%- for c in column_list -%}
    {%- set t = dbt_expectations._transform(c, transform) -%}
    {%- if t in actual %}{% do problems.append('unwanted column ' ~ t) %}{% endif -%}
  {%- endfor -%}
  {{ dbt_expectations._problems_sql(problems) }}
{% endtest %}

{% test expect_table_column_count_to_equal(model, value) %}
  {%- set n = dbt_expectations._list_columns(model) | length -%}
  select {{ n }} as column_count where not({{ n }} = {{ value }})
{% endtest %}

{% test expect_table_column_count_to_be_between(model, min_value=None, max_value=None) %}
  {%- if min_value is none and max_value is none -%}
    {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
  {%- endif -%}
  {%- set n = dbt_expectations._list_columns(model) | length -%}
  select {{ n }} as column_count
  where not({{ n }} >= {{ min_value if min_value is not none else n }} and {{ n }} <= {{ max_value if max_value is not none else n }})
{% endtest %}

{% test expect_table_column_count_to_equal_other_table(model, compare_model) %}
  {%- set n = dbt_expectations._list_columns(model) | length -%}
  {%- set m = dbt_expectations._list_columns(compare_model) | length -%}
  select {{ n }} as column_count, {{ m }} as other_column_count where not({{ n }} = {{ m }})
{% endtest %}

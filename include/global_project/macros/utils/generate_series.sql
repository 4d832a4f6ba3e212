{#- generate_series(n): rows 1..n in a column generated_number. -#}

{% macro get_powers_of_two(upper_bound) %}
  {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{% endmacro %}

{% macro default__get_powers_of_two(upper_bound) %}
    {%- if upper_bound <= 0 -%}
    {{ exceptions.raise_compiler_error("generate_series: upper bound must be positive, got {}".format(upper_bound)) }}
    {%- endif -%}
    {%- for _ in range(1, 100) -%}
    {%- if upper_bound <= 2 ** loop.index -%}{{ return(loop.index) }}{%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro generate_series(upper_bound) %}
  {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{% endmacro %}

{#- Without a series function: cross join n copies of {0, 1} and read them as binary digits. -#}
{% macro default__generate_series(upper_bound) %}
    {%- set n = dbt.get_powers_of_two(upper_bound) %}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
        select
        {% for i in range(n) -%}
        p{{ i }}.generated_number * power(2, {{ i }}){{ ' +' if not loop.last }}
        {% endfor -%}
        + 1 as generated_number
        from
        {% for i in range(n) -%}
        p as p{{ i }}{{ ' cross join' if not loop.last }}
        {% endfor %}
    )
    select * from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{% endmacro %}

{% macro postgres__generate_series(upper_bound) %}
    select generate_series as generated_number from generate_series(1, {{ upper_bound }})
{% endmacro %}

{% macro duckdb__generate_series(upper_bound) %}
    select generate_series as generated_number from generate_series(1, {{ upper_bound }})
{% endmacro %}

{#- One row per datepart between start_date (included) and end_date (excluded), column date_<datepart>. -#}
{% macro date_spine(datepart, start_date, end_date) %}
  {{ return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}
with spine as (
    {{ dbt.date_spine(datepart, start_date, end_date) }}
)
select * from spine
where date_{{ datepart }} < {{ end_date }}
{% endmacro %}

{#- The newest value of field is within `interval` datepart(s) of now (per group when group_by_columns is set). -#}
{% test recency(model, field, datepart, interval, ignore_time_component=False, group_by_columns=[]) %}
  {{ return(adapter.dispatch('test_recency', 'dbt_utils')(model, field, datepart, interval, ignore_time_component, group_by_columns)) }}
{% endtest %}

{% macro default__test_recency(model, field, datepart, interval, ignore_time_component, group_by_columns) %}
{%- set threshold = 'cast(' ~ dbt.dateadd(datepart, interval * -1, dbt.current_timestamp()) ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
{%- if ignore_time_component -%}
  {%- set threshold = 'cast(' ~ threshold ~ ' as date)' -%}
{%- endif %}
with recency as (
    select
      {{ dbt_utils._group_select(group_by_columns) }}
      {%- if ignore_time_component %}
      cast(max({{ field }}) as date) as most_recent
      {%- else %}
      cast(max({{ field }}) as {{ dbt.type_timestamp() }}) as most_recent
      {%- endif %}
    from {{ model }}
    {{ dbt_utils._group_by(group_by_columns) }}
)
select
    {{ dbt_utils._group_select(group_by_columns) }}
    most_recent,
    {{ threshold }} as threshold
from recency
where most_recent < {{ threshold }} or most_recent is null
{% endmacro %}

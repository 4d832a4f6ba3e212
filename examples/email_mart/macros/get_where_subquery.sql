{#- dbt's documented way to give tests a dynamic `where`: override get_where_subquery and replace a
    placeholder. `where: "__recent_batches__"` limits a test on a large event table to the batches
    loaded in the last var('test_lookback_days') days, so the daily build does not rescan every event
    ever loaded (the merge on event_id keeps older batches unique). -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- if '__recent_batches__' in where -%}
            {%- set latest_sql = 'select max(batch_date) from ' ~ relation -%}
            {%- set recent = 'batch_date >= ' ~ literal_or(scalar_query(latest_sql), 'date', latest_sql) ~ ' - ' ~ var('test_lookback_days') -%}
            {%- set where = where | replace('__recent_batches__', recent) -%}
        {%- endif -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- The raw table the mock Marketing Cloud stream appends to (the source marketing_cloud.events_stream).
    Called by on-run-start and by the generator, so builds work before any event is generated. -#}
{% macro create_mock_events_table() %}
  {%- if execute -%}
    {%- set rel = source('marketing_cloud', 'events_stream') -%}
    {%- do run_query('create schema if not exists ' ~ adapter.quote(rel.schema)) -%}
    {%- do run_query(mock_events_table_ddl(rel)) -%}
  {%- endif -%}
{% endmacro %}

{% macro mock_events_table_ddl(rel) %}
create table if not exists {{ rel }} (
    event_id        varchar,
    event_type      varchar,
    event_ts        timestamp,
    send_id         varchar,
    campaign_id     varchar,
    subscriber_key  varchar,
    bounce_type     varchar,
    is_machine_open boolean,
    link_url        varchar,
    batch_date      date,
    loaded_at       timestamp
)
{% endmacro %}

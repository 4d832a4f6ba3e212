{#-
  martflow run-operation ensure_mock_marketing_cloud_events --args '{days: 30, sends_per_day: 50000, seed: 42}'

  Makes sure the raw stream holds at least `days` daily batches, generating only the missing ones, so
  a start command can run it every time without piling up events. To simulate the next day, call
  insert_mock_marketing_cloud_events with days: 1 instead.
-#}
{% macro ensure_mock_marketing_cloud_events(days=30, sends_per_day=50000, seed=42) %}
  {%- do create_mock_events_table() -%}
  {%- set rel = source('marketing_cloud', 'events_stream') -%}
  {%- set loaded = run_query('select count(distinct batch_date) as n from ' ~ rel).rows[0]['n'] | int -%}
  {%- if loaded < (days | int) -%}
    {%- do insert_mock_marketing_cloud_events(days=(days | int) - loaded, sends_per_day=sends_per_day, seed=seed) -%}
  {%- else -%}
    {{ log('ensure_mock_marketing_cloud_events: ' ~ loaded ~ ' daily batches already in ' ~ rel ~ '; nothing to generate', info=true) }}
  {%- endif -%}
{% endmacro %}

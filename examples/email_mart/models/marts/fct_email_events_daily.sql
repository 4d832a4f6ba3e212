-- One row per event day × campaign with the funnel counts and the KPI rates (macros/email_kpis.sql).
-- Incremental: a run re-derives, from fct_email_events, every day that received events since the
-- previous run (late events touch earlier days) and merges those days on (event_date, campaign_id)
-- (the predicate gives PostgreSQL an equality to hash-join on; see fct_email_events).
{{ config(
    materialized='incremental',
    unique_key=['event_date', 'campaign_id'],
    incremental_strategy='merge',
    incremental_predicates=['DBT_INTERNAL_DEST.event_date = DBT_INTERNAL_SOURCE.event_date and DBT_INTERNAL_DEST.campaign_id = DBT_INTERNAL_SOURCE.campaign_id'],
    on_schema_change='fail'
) }}
with daily as (
    {% set events_sql %}
    select *
    from {{ ref('fct_email_events') }}
    {% if is_incremental() %}
    {%- set watermark_sql = 'select max(max_loaded_at) from ' ~ this %}
    {%- set touched_sql = 'select distinct event_date from ' ~ ref('fct_email_events') ~ ' where loaded_at > ' ~ literal_or(scalar_query(watermark_sql), 'timestamp', watermark_sql) %}
    {%- set touched = run_query(touched_sql) if execute else none %}
    {%- if touched is none %}
    where event_date in ({{ touched_sql }})
    {%- elif (touched.rows | length) == 0 %}
    where false
    {%- else %}
    where event_date in ({% for day in touched.columns[0].values() %}cast('{{ day }}' as date){{ ', ' if not loop.last }}{% endfor %})
    {%- endif %}
    {% endif %}
    {% endset %}
    {{ email_funnel_by_day(events_sql) }}
)
select
    campaign_id || '|' || cast(event_date as varchar) as campaign_day_id,
    event_date,
    campaign_id,
    is_known_campaign,
    sends,
    delivered,
    bounces,
    hard_bounces,
    soft_bounces,
    total_opens,
    machine_opens,
    unique_opens,
    unique_human_opens,
    total_clicks,
    unique_clicks,
    unsubscribes,
    {{ email_kpi_rates() }},
    max_loaded_at
from daily

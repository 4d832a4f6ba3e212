-- One row per event day × campaign with the funnel counts and the KPI rates (macros/email_kpis.sql).
-- Incremental: a run re-derives, from fct_email_events, every day that received events since the
-- previous run (late events touch earlier days) and merges those days on (event_date, campaign_id).
{{ config(
    materialized='incremental',
    unique_key=['event_date', 'campaign_id'],
    incremental_strategy='merge',
    on_schema_change='fail'
) }}
with daily as (
    {% set events_sql %}
    select *
    from {{ ref('fct_email_events') }}
    {% if is_incremental() %}
    where event_date in (
        select distinct event_date
        from {{ ref('fct_email_events') }}
        where loaded_at > (select max(max_loaded_at) from {{ this }})
    )
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

{#- The email KPIs, defined once. Each rate is numerator / denominator over counts of the same rows
    (a day × campaign, or a campaign's lifetime), null when the denominator is zero. fct_email_events_daily
    and dim_campaign both call email_kpi_rates(); the definitions are documented in marts/_marts.yml. -#}
{% macro email_kpi_definitions() %}
  {{ return([
      {'name': 'delivery_rate',       'numerator': 'delivered',     'denominator': 'sends'},
      {'name': 'bounce_rate',         'numerator': 'bounces',       'denominator': 'sends'},
      {'name': 'unique_open_rate',    'numerator': 'unique_opens',  'denominator': 'delivered'},
      {'name': 'human_open_rate',     'numerator': 'unique_human_opens', 'denominator': 'delivered'},
      {'name': 'click_through_rate',  'numerator': 'unique_clicks', 'denominator': 'delivered'},
      {'name': 'click_to_open_rate',  'numerator': 'unique_clicks', 'denominator': 'unique_opens'},
      {'name': 'unsubscribe_rate',    'numerator': 'unsubscribes',  'denominator': 'delivered'},
  ]) }}
{% endmacro %}

{% macro safe_ratio(numerator, denominator) -%}
  case when {{ denominator }} > 0 then cast({{ numerator }} as double precision) / {{ denominator }} end
{%- endmacro %}

{#- The rate columns, as a select list, computed from count columns of the same names. -#}
{% macro email_kpi_rates(prefix='') -%}
  {%- for kpi in email_kpi_definitions() %}
    {{ safe_ratio(prefix ~ kpi.numerator, prefix ~ kpi.denominator) }} as {{ kpi.name }}{{ ',' if not loop.last }}
  {%- endfor %}
{%- endmacro %}

{#- The funnel counts per event day × campaign from rows of fct_email_events (`events_sql` is a
    select or a relation). "Unique" counts sends (distinct send_id): a subscriber opening one email
    three times that day is one unique open. Aggregated in two steps (per send, then per day ×
    campaign) because that is much cheaper than several count(distinct …) over millions of rows. -#}
{% macro email_funnel_by_day(events_sql) -%}
    select
        event_date,
        campaign_id,
        sum(sends)                      as sends,
        sum(delivered)                  as delivered,
        sum(bounces)                    as bounces,
        sum(hard_bounces)               as hard_bounces,
        sum(soft_bounces)               as soft_bounces,
        sum(total_opens)                as total_opens,
        sum(machine_opens)              as machine_opens,
        sum(opened)                     as unique_opens,
        sum(human_opened)               as unique_human_opens,
        sum(total_clicks)               as total_clicks,
        sum(clicked)                    as unique_clicks,
        sum(unsubscribed)               as unsubscribes,
        max(known_campaign) = 1         as is_known_campaign,
        max(max_loaded_at)              as max_loaded_at
    from (
        select
            event_date,
            campaign_id,
            send_id,
            count(case when event_type = 'SEND' then 1 end)                              as sends,
            count(case when event_type = 'DELIVERED' then 1 end)                         as delivered,
            count(case when event_type = 'BOUNCE' then 1 end)                            as bounces,
            count(case when event_type = 'BOUNCE' and bounce_type = 'HARD' then 1 end)   as hard_bounces,
            count(case when event_type = 'BOUNCE' and bounce_type = 'SOFT' then 1 end)   as soft_bounces,
            count(case when event_type = 'OPEN' then 1 end)                              as total_opens,
            count(case when event_type = 'OPEN' and is_machine_open then 1 end)          as machine_opens,
            max(case when event_type = 'OPEN' then 1 else 0 end)                         as opened,
            max(case when event_type = 'OPEN' and not is_machine_open then 1 else 0 end) as human_opened,
            count(case when event_type = 'CLICK' then 1 end)                             as total_clicks,
            max(case when event_type = 'CLICK' then 1 else 0 end)                        as clicked,
            max(case when event_type = 'UNSUBSCRIBE' then 1 else 0 end)                  as unsubscribed,
            max(case when is_known_campaign then 1 else 0 end)                           as known_campaign,
            max(loaded_at)                                                               as max_loaded_at
        from ({{ events_sql }}) as events
        group by event_date, campaign_id, send_id
    ) as per_send
    group by event_date, campaign_id
{%- endmacro %}

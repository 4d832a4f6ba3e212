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

{#- The count columns of the funnel, aggregated from fct_email_events rows. "unique" counts sends
    (distinct send_id), so a subscriber opening one email three times is one unique open. -#}
{% macro email_funnel_counts() -%}
    count(case when event_type = 'SEND' then 1 end)                                    as sends,
    count(case when event_type = 'DELIVERED' then 1 end)                               as delivered,
    count(case when event_type = 'BOUNCE' then 1 end)                                  as bounces,
    count(case when event_type = 'BOUNCE' and bounce_type = 'HARD' then 1 end)         as hard_bounces,
    count(case when event_type = 'BOUNCE' and bounce_type = 'SOFT' then 1 end)         as soft_bounces,
    count(case when event_type = 'OPEN' then 1 end)                                    as total_opens,
    count(case when event_type = 'OPEN' and is_machine_open then 1 end)                as machine_opens,
    count(distinct case when event_type = 'OPEN' then send_id end)                     as unique_opens,
    count(distinct case when event_type = 'OPEN' and not is_machine_open then send_id end) as unique_human_opens,
    count(case when event_type = 'CLICK' then 1 end)                                   as total_clicks,
    count(distinct case when event_type = 'CLICK' then send_id end)                    as unique_clicks,
    count(distinct case when event_type = 'UNSUBSCRIBE' then send_id end)              as unsubscribes
{%- endmacro %}

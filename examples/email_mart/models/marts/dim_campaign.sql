-- One row per CRM campaign: its attributes, membership, budget and spend, and lifetime email KPIs
-- (the same definitions as the daily fact, over all of the campaign's days).
with members as (
    select campaign_id,
           count(*)                                                   as members,
           count(case when member_type = 'CONTACT' then 1 end)        as contact_members,
           count(case when member_type = 'LEAD' then 1 end)           as lead_members
    from {{ ref('stg_campaign_members') }}
    group by campaign_id
),
spend as (
    select upper(trim(campaign_id))                                   as campaign_id,
           sum(daily_budget)                                          as planned_budget,
           sum(spend)                                                 as total_spend,
           min(date_day)                                              as first_spend_date,
           max(date_day)                                              as last_spend_date
    from {{ ref('campaign_daily_metrics') }}
    group by upper(trim(campaign_id))
),
email as (
    select campaign_id,
           sum(sends) as sends, sum(delivered) as delivered, sum(bounces) as bounces,
           sum(unique_opens) as unique_opens, sum(unique_human_opens) as unique_human_opens,
           sum(unique_clicks) as unique_clicks, sum(unsubscribes) as unsubscribes,
           min(event_date) as first_event_date, max(event_date) as last_event_date
    from {{ ref('fct_email_events_daily') }}
    group by campaign_id
)
select
    c.campaign_id,
    c.campaign_name,
    c.channel,
    c.status,
    c.start_date,
    c.end_date,
    c.owner_name,
    c.budget_amount,
    coalesce(s.planned_budget, 0)                                     as planned_budget,
    coalesce(s.total_spend, 0)                                        as total_spend,
    coalesce(m.members, 0)                                            as members,
    coalesce(m.contact_members, 0)                                    as contact_members,
    coalesce(m.lead_members, 0)                                       as lead_members,
    e.first_event_date,
    e.last_event_date,
    coalesce(e.sends, 0)                                              as sends,
    coalesce(e.delivered, 0)                                          as delivered,
    coalesce(e.bounces, 0)                                            as bounces,
    coalesce(e.unique_opens, 0)                                       as unique_opens,
    coalesce(e.unique_human_opens, 0)                                 as unique_human_opens,
    coalesce(e.unique_clicks, 0)                                      as unique_clicks,
    coalesce(e.unsubscribes, 0)                                       as unsubscribes,
    {{ email_kpi_rates('e.') }},
    c.created_at
from {{ ref('stg_campaigns') }} as c
left join members as m on m.campaign_id = c.campaign_id
left join spend as s on s.campaign_id = c.campaign_id
left join email as e on e.campaign_id = c.campaign_id

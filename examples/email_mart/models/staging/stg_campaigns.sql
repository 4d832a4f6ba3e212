-- CRM campaigns with conformed ids (upper case) and the four statuses spelled one way.
select
    upper(trim(campaign_id))                         as campaign_id,
    trim(campaign_name)                              as campaign_name,
    trim(channel)                                    as channel,
    case upper(replace(trim(status), ' ', '_'))
        when 'PLANNED' then 'Planned'
        when 'IN_PROGRESS' then 'In_Progress'
        when 'COMPLETED' then 'Completed'
        when 'CANCELLED' then 'Cancelled'
        else trim(status)
    end                                              as status,
    cast(start_date as date)                         as start_date,
    cast(end_date as date)                           as end_date,
    cast(budget_amount as decimal(12, 2))            as budget_amount,
    trim(owner)                                      as owner_name,
    cast(created_at as timestamp)                    as created_at
from {{ ref('campaigns') }}

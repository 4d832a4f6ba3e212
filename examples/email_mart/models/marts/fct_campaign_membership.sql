-- One row per campaign × member (a contact or a lead added to a campaign in the CRM).
select
    m.campaign_member_id,
    m.campaign_id || '|' || m.person_id                as membership_key,
    m.campaign_id,
    m.person_id,
    m.member_type,
    m.member_status,
    m.member_status in ('Responded', 'Opened')         as has_responded,
    m.added_at,
    cast(m.added_at as date)                           as added_date
from {{ ref('stg_campaign_members') }} as m

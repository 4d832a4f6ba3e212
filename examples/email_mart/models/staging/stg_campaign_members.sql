-- Campaign membership: a contact or a lead added to a campaign, conformed to one person_id.
select
    upper(trim(campaign_member_id))                  as campaign_member_id,
    upper(trim(campaign_id))                         as campaign_id,
    upper(trim(member_type))                         as member_type,
    upper(trim(coalesce(contact_id, lead_id)))       as person_id,
    trim(member_status)                              as member_status,
    cast(added_at as timestamp)                      as added_at
from {{ ref('campaign_members') }}

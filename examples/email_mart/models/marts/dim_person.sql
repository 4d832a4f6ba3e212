-- Contacts and leads unified: one row per person_id (a contact id C-… or a lead id L-…).
select
    c.contact_id                                      as person_id,
    'CONTACT'                                         as person_type,
    c.first_name,
    c.last_name,
    c.email,
    c.account_id,
    a.account_name                                    as company_name,
    a.industry,
    c.title,
    c.country_code,
    cast(null as varchar)                             as lead_source,
    cast(null as varchar)                             as lead_status,
    c.email_opt_out,
    c.created_at
from {{ ref('stg_contacts') }} as c
left join {{ ref('accounts') }} as a on upper(trim(a.account_id)) = c.account_id
union all
select
    l.lead_id,
    'LEAD',
    l.first_name,
    l.last_name,
    l.email,
    cast(null as varchar),
    l.company,
    cast(null as varchar),
    cast(null as varchar),
    l.country_code,
    l.lead_source,
    l.lead_status,
    false,
    l.created_at
from {{ ref('stg_leads') }} as l

-- CRM leads: conformed ids, trimmed lower-case emails, lead status in title case.
select
    upper(trim(lead_id))                             as lead_id,
    trim(first_name)                                 as first_name,
    trim(last_name)                                  as last_name,
    lower(trim(email))                               as email,
    trim(company)                                    as company,
    trim(lead_source)                                as lead_source,
    upper(substr(trim(lead_status), 1, 1)) || lower(substr(trim(lead_status), 2)) as lead_status,
    upper(trim(country))                             as country_code,
    cast(created_at as timestamp)                    as created_at
from {{ ref('leads') }}

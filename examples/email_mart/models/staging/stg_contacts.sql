-- CRM contacts: conformed ids, trimmed lower-case emails.
select
    upper(trim(c.contact_id))                        as contact_id,
    upper(trim(c.account_id))                        as account_id,
    trim(c.first_name)                               as first_name,
    trim(c.last_name)                                as last_name,
    lower(trim(c.email))                             as email,
    trim(c.title)                                    as title,
    upper(trim(c.country))                           as country_code,
    coalesce(c.email_opt_out, false)                 as email_opt_out,
    cast(c.created_at as timestamp)                  as created_at
from {{ ref('contacts') }} as c

select {{ dbt_utils.star(ref('parents'), except=['label'], prefix='p_') }}
from {{ ref('parents') }}

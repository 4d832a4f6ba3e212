select id, {{ dbt_utils.generate_surrogate_key(['id', 'null_col']) }} as sk
from {{ ref('good_rows') }}

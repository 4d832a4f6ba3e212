select
    grp,
    {{ dbt_utils.pivot('code', dbt_utils.get_column_values(ref('good_rows'), 'code', order_by='code')) }}
from {{ ref('good_rows') }}
{{ dbt_utils.group_by(1) }}

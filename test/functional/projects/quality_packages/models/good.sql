-- Rows on which every dbt_utils / dbt_expectations test in schema.yml passes.
select
    id, grp, code, amount,
    cast({{ dbt.dateadd('hour', '-hours_ago', dbt.current_timestamp()) }} as {{ dbt.type_timestamp() }}) as loaded_at,
    lo, hi, email, parent_id, const_col, sparse_col, blank_col, seq, null_col,
    cast(1 as integer) as typed_col,
    'g' as tag_col
from {{ ref('good_rows') }}

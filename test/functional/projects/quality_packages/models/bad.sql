-- Rows (and columns) on which every test in schema.yml fails: duplicates, out-of-range and stale values,
-- a missing column, two extra ones and another column type.
select
    id, grp, code, amount,
    cast({{ dbt.dateadd('hour', '-hours_ago', dbt.current_timestamp()) }} as {{ dbt.type_timestamp() }}) as loaded_at,
    lo, hi, email, parent_id, const_col, sparse_col, blank_col, seq, null_col,
    cast(1 as bigint) as typed_col,
    'e' as extra_col,
    'e' as extra_col2
from {{ ref('bad_rows') }}

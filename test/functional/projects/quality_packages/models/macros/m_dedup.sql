{{ dbt_utils.deduplicate(ref('bad_rows'), 'id', 'amount desc') }}

select
    {{ dbt_utils.safe_add(['1', 'cast(null as integer)', '2']) }} as added,
    {{ dbt_utils.safe_divide('10', '0') }} as divided_by_zero,
    {{ dbt_utils.safe_divide('10', '4.0') }} as divided

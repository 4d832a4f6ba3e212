{{ dbt_utils.union_relations([ref('parents'), ref('six_rows')]) }}

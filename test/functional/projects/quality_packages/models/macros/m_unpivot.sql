{{ dbt_utils.unpivot(ref('parents'), cast_to=dbt.type_string(), exclude=['id'], field_name='field', value_name='val') }}

{#- Deterministic pseudo-randomness that gives the same numbers on DuckDB and PostgreSQL: md5 of a text
    key, cut into 8-hex-digit slices, each read as an unsigned 32-bit integer and scaled to [0, 1).
    Only the hex-to-integer cast differs between the engines. -#}
{% macro mock_uniform(hash_column, slice) -%}
  (cast({{ mock_hex_to_int('substr(' ~ hash_column ~ ', ' ~ (1 + 8 * slice) ~ ', 8)') }} as double precision) / 4294967296.0)
{%- endmacro %}

{% macro mock_hex_to_int(hex_expression) -%}
  {{ return(adapter.dispatch('mock_hex_to_int', 'email_mart')(hex_expression)) }}
{%- endmacro %}

{% macro default__mock_hex_to_int(hex_expression) -%}
  cast(('x' || {{ hex_expression }}) as bit(32))::bigint
{%- endmacro %}

{% macro postgres__mock_hex_to_int(hex_expression) -%}
  cast(('x' || {{ hex_expression }}) as bit(32))::bigint
{%- endmacro %}

{% macro duckdb__mock_hex_to_int(hex_expression) -%}
  cast(('0x' || {{ hex_expression }}) as bigint)
{%- endmacro %}

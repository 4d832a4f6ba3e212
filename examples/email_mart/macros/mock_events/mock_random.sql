{#- Deterministic pseudo-randomness that gives the same numbers on DuckDB and PostgreSQL: md5 of a text
    key; 15 hex digits of it read as a 60-bit integer (the only step whose SQL differs between the
    engines); that integer cut into four 15-bit draws, each scaled to [0, 1). Hex-to-integer casts are
    the expensive part at millions of rows, so each cast feeds four draws. -#}
{% macro mock_hash_word(hash_column, word) -%}
  {{ mock_hex_to_int('substr(' ~ hash_column ~ ', ' ~ (1 + 15 * word) ~ ', 15)') }}
{%- endmacro %}

{% macro mock_uniform(word_column, slot) -%}
  (cast(({{ word_column }} >> {{ 15 * slot }}) & 32767 as double precision) / 32768.0)
{%- endmacro %}

{% macro mock_hex_to_int(hex_expression) -%}
  {{ return(adapter.dispatch('mock_hex_to_int', 'email_mart')(hex_expression)) }}
{%- endmacro %}

{% macro default__mock_hex_to_int(hex_expression) -%}
  cast(cast(('x' || {{ hex_expression }}) as bit(60)) as bigint)
{%- endmacro %}

{% macro duckdb__mock_hex_to_int(hex_expression) -%}
  cast(('0x' || {{ hex_expression }}) as bigint)
{%- endmacro %}

{#- Engine-specific regular-expression matching, as SQL returning a boolean. -#}
{% macro regexp_instr(source_value, regexp, position=1, occurrence=1, is_raw=False, flags="") -%}
  {{ adapter.dispatch('regexp_instr', 'dbt_expectations')(source_value, regexp, position, occurrence, is_raw, flags) }}
{%- endmacro %}

{#- Returns 1 when the value matches, 0 when it does not (upstream returns a position; tests only compare with 0). -#}
{% macro default__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    case when regexp_matches({{ source_value }}, '{{ regexp }}'{% if flags %}, '{{ flags }}'{% endif %}) then 1 else 0 end
{%- endmacro %}

{% macro postgres__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    case when {{ source_value }} ~{{ '*' if 'i' in flags else '' }} '{{ regexp }}' then 1 else 0 end
{%- endmacro %}

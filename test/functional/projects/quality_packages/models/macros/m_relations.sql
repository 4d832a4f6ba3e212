-- depends_on: {{ ref('six_rows') }}
{%- set rels = dbt_utils.get_relations_by_pattern(target.schema, 'six%') %}
select {{ rels | length }} as n_relations, '{{ rels | map(attribute="identifier") | join(",") }}' as names

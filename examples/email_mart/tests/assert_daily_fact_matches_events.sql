-- The daily fact agrees with the events it summarises: no duplicate grain, no drift after incremental
-- runs (see audit__daily_grain_violations).
select * from {{ ref('audit__daily_grain_violations') }}

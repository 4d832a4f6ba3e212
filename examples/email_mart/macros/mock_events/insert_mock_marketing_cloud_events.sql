{#-
  martflow run-operation insert_mock_marketing_cloud_events --args '{days: 30, sends_per_day: 50000, seed: 42}'

  Appends `days` new daily batches of mock Marketing Cloud tracking events to the raw table
  marketing_cloud.events_stream, generated entirely in SQL inside the warehouse. Each call continues
  after the last batch already loaded (or at var mock_events_start_date), and the same seed gives the
  same events on DuckDB and PostgreSQL, however the days are split across calls.

  The funnel, per send (one email to one subscriber): SEND, then DELIVERED or BOUNCE (HARD/SOFT, a few
  per cent, depending on the campaign); OPENs follow delivery (about 28% of first opens are machine
  opens from mail privacy proxies, within minutes; human opens up to 36 hours later, some reopen);
  CLICKs mostly follow opens (a few follow no recorded open: images blocked); UNSUBSCRIBEs are rare.
  Timestamps are ordered within a send's funnel.

  Loading: a batch holds the events whose event date is the batch date, except 3% of sends whose
  tracking events (opens, clicks, unsubscribes) arrive one batch late, so daily models must re-derive
  earlier days. Injected defects the audits must find: 0.3% of sends have their SEND event delivered
  twice and another 0.3% their DELIVERED/BOUNCE event (same event_id), and 0.6% of sends carry a
  campaign id from var mock_orphan_campaigns that the CRM does not know.
-#}
{% macro insert_mock_marketing_cloud_events(days=1, sends_per_day=1000, seed=42) %}
  {%- set days = days | int -%}
  {%- set sends_per_day = sends_per_day | int -%}
  {%- set seed = seed | int -%}
  {%- if days < 1 or sends_per_day < 1 -%}
    {{ exceptions.raise_compiler_error('insert_mock_marketing_cloud_events: days and sends_per_day must be at least 1, got days=' ~ days ~ ', sends_per_day=' ~ sends_per_day) }}
  {%- endif -%}
  {%- do create_mock_events_table() -%}
  {%- set rel = source('marketing_cloud', 'events_stream') -%}
  {#- rows are read by column name: positional access to a run_query row does not work in martflow yet -#}
  {%- set before = run_query('select count(*) as n from ' ~ rel).rows[0]['n'] -%}
  {%- do run_query(mock_events_insert_sql(rel, days, sends_per_day, seed)) -%}
  {%- set after = run_query('select count(*) as n, max(batch_date) as last_batch from ' ~ rel).rows[0] -%}
  {{ log('insert_mock_marketing_cloud_events: appended ' ~ (after['n'] - before) ~ ' events (' ~ days ~ ' daily batches, up to ' ~ after['last_batch'] ~ '); ' ~ after['n'] ~ ' events in ' ~ rel, info=true) }}
{% endmacro %}

{#- The campaigns that send, with their performance (bounce, open and click-through probabilities)
    spread deterministically by list position (orphan campaigns continue the same pattern). -#}
{% macro mock_campaign_profiles() -%}
  {%- set sending = var('mock_sending_campaigns') -%}
  {%- set orphans = var('mock_orphan_campaigns') -%}
  (values
  {%- for campaign_id in sending + orphans %}
    {%- set i = loop.index0 %}
    ({{ i }}, '{{ campaign_id }}', cast({{ 10 + 8 * (i % 4) }} as double precision) / 1000, cast({{ 160 + 35 * (i % 6) }} as double precision) / 1000, cast({{ 80 + 30 * (i % 5) }} as double precision) / 1000){{ ',' if not loop.last }}
  {%- endfor %}
  ) as p(campaign_slot, campaign_id, p_bounce, p_open, p_click)
{%- endmacro %}

{#- The funnel's event kinds: one union branch each. `where` picks the sends that have the event,
    `secs` is its time in seconds after the send day's midnight. A duplicated delivery is a second
    branch with the same event id. -#}
{% macro mock_event_branches() %}
  {%- set link = "'https://example.com/' || lower(campaign_id) || '/' || link_path" -%}
  {%- set bounce = "case when hard_bounce then 'HARD' else 'SOFT' end" -%}
  {{ return([
      {'code': 'SND', 'type': 'SEND', 'secs': 't_send', 'where': 'true'},
      {'code': 'SND', 'type': 'SEND', 'secs': 't_send', 'where': 'duplicate_send'},
      {'code': 'DLV', 'type': 'DELIVERED', 'secs': 't_send + 5 + deliver_delay', 'where': 'not bounced'},
      {'code': 'DLV', 'type': 'DELIVERED', 'secs': 't_send + 5 + deliver_delay', 'where': 'not bounced and duplicate_delivery'},
      {'code': 'BNC', 'type': 'BOUNCE', 'secs': 't_send + 30 + bounce_delay', 'where': 'bounced', 'bounce_type': bounce},
      {'code': 'BNC', 'type': 'BOUNCE', 'secs': 't_send + 30 + bounce_delay', 'where': 'bounced and duplicate_delivery', 'bounce_type': bounce},
      {'code': 'OP1', 'type': 'OPEN', 'secs': 't_send + open_delay', 'where': 'opened', 'machine': 'machine_open', 'lag': 'tracking_lag_days'},
      {'code': 'OP2', 'type': 'OPEN', 'secs': 't_send + open_delay + reopen_delay', 'where': 'opened and reopened', 'machine': 'false', 'lag': 'tracking_lag_days'},
      {'code': 'CL1', 'type': 'CLICK', 'secs': 't_engaged + click_delay', 'where': 'clicked', 'link': link, 'lag': 'tracking_lag_days'},
      {'code': 'CL2', 'type': 'CLICK', 'secs': 't_engaged + click_delay + reclick_delay', 'where': 'clicked and clicked_again', 'link': link, 'lag': 'tracking_lag_days'},
      {'code': 'UNS', 'type': 'UNSUBSCRIBE', 'secs': 't_engaged + unsub_delay', 'where': 'unsubscribed', 'lag': 'tracking_lag_days'},
  ]) }}
{% endmacro %}

{% macro mock_events_insert_sql(rel, days, sends_per_day, seed) %}
{%- set n_sending = var('mock_sending_campaigns') | length -%}
{%- set n_orphan = var('mock_orphan_campaigns') | length -%}
{%- set first_day = "cast('" ~ var('mock_events_start_date') ~ "' as date)" -%}
{%- set key = "'" ~ seed ~ "|' || cast(d.send_date as varchar) || '|' || cast(s.i as varchar)" -%}
{%- set no_text = 'cast(null as varchar)' -%}
insert into {{ rel }} (event_id, event_type, event_ts, send_id, campaign_id, subscriber_key, bounce_type, is_machine_open, link_url, batch_date, loaded_at)
with batch_window as (
    select coalesce(max(batch_date) + 1, {{ first_day }}) as first_batch,
           coalesce(max(batch_date) + 1, {{ first_day }}) + {{ days - 1 }} as last_batch
    from {{ rel }}
),
-- a batch also carries events of sends from up to three days earlier (late opens and clicks), so those
-- sends are regenerated too; the batch filter at the end keeps only what this call appends
send_days as (
    select w.first_batch + cast(g.i as integer) as send_date
    from batch_window as w
    cross join generate_series(-3, {{ days - 1 }}) as g(i)
    where w.first_batch + cast(g.i as integer) >= {{ first_day }}
),
sends as (
    select d.send_date, s.i as send_seq,
           md5({{ key }}) as h1,
           md5({{ key }} || '|2') as h2
    from send_days as d
    cross join generate_series(1, {{ sends_per_day }}) as s(i)
),
words as (
    select send_date, send_seq,
           {{ mock_hash_word('h1', 0) }} as w1,
           {{ mock_hash_word('h1', 1) }} as w2,
           {{ mock_hash_word('h2', 0) }} as w3
    from sends
),
draws as (
    select send_date, send_seq,
           {{ mock_uniform('w1', 0) }} as u_campaign,
           {{ mock_uniform('w1', 1) }} as u_person,
           {{ mock_uniform('w1', 2) }} as u_time,
           {{ mock_uniform('w1', 3) }} as u_bounce,
           {{ mock_uniform('w2', 0) }} as u_open,
           {{ mock_uniform('w2', 1) }} as u_open_delay,
           {{ mock_uniform('w2', 2) }} as u_machine,
           {{ mock_uniform('w2', 3) }} as u_reopen,
           {{ mock_uniform('w3', 0) }} as u_click,
           {{ mock_uniform('w3', 1) }} as u_click_delay,
           {{ mock_uniform('w3', 2) }} as u_unsub,
           {{ mock_uniform('w3', 3) }} as u_defect
    from words
),
slotted as (
    select draws.*,
           case when u_campaign < 0.006
                then {{ n_sending }} + cast(floor(u_campaign / 0.006 * {{ n_orphan }}) as integer)
                else cast(floor((u_campaign - 0.006) / 0.994 * {{ n_sending }}) as integer)
           end as campaign_slot,
           cast(floor(u_person * 450) as integer) as person_slot
    from draws
),
outcomes as (
    select s.send_date, cast(s.send_date as timestamp) as send_midnight,
           'S{{ seed }}-' || replace(cast(s.send_date as varchar), '-', '') || '-' || lpad(cast(s.send_seq as varchar), 7, '0') as send_id,
           p.campaign_id,
           case when s.person_slot < 300 then 'C-' || lpad(cast(s.person_slot + 1 as varchar), 5, '0')
                else 'L-' || lpad(cast(s.person_slot - 299 as varchar), 5, '0') end as subscriber_key,
           21600 + cast(floor(s.u_time * 50400) as integer) as t_send,
           s.u_bounce < p.p_bounce as bounced,
           s.u_bounce < p.p_bounce * 0.35 as hard_bounce,
           cast(floor(s.u_bounce * 60) as integer) as deliver_delay,
           cast(floor(s.u_bounce / p.p_bounce * 270) as integer) as bounce_delay,
           s.u_bounce >= p.p_bounce and s.u_open < p.p_open as opened,
           s.u_machine < 0.28 as machine_open,
           case when s.u_machine < 0.28 then 2 + cast(floor(s.u_open_delay * 600) as integer)
                else 60 + cast(floor(s.u_open_delay * s.u_open_delay * 129600) as integer) end as open_delay,
           s.u_reopen < 0.3 as reopened,
           300 + cast(floor(s.u_reopen * 20000) as integer) as reopen_delay,
           s.u_bounce >= p.p_bounce and (
               (s.u_open < p.p_open and s.u_click < case when s.u_machine < 0.28 then p.p_click * 0.5 else p.p_click end)
               or (s.u_open >= p.p_open and s.u_click < 0.003)
           ) as clicked,
           5 + cast(floor(s.u_click_delay * 900) as integer) as click_delay,
           s.u_click_delay < 0.2 as clicked_again,
           20 + cast(floor(s.u_click_delay * 3000) as integer) as reclick_delay,
           case when s.u_click_delay < 0.5 then 'offer' else 'learn-more' end as link_path,
           s.u_bounce >= p.p_bounce and s.u_unsub < case when s.u_open < p.p_open then 0.006 else 0.0008 end as unsubscribed,
           30 + cast(floor(s.u_unsub * 100000) as integer) as unsub_delay,
           case when s.u_defect < 0.03 then 1 else 0 end as tracking_lag_days,
           s.u_defect >= 0.03 and s.u_defect < 0.033 as duplicate_send,
           s.u_defect >= 0.033 and s.u_defect < 0.036 as duplicate_delivery
    from slotted as s
    join {{ mock_campaign_profiles() }} on p.campaign_slot = s.campaign_slot
),
timed as materialized (
    select o.*,
           case when opened then t_send + open_delay else t_send + 600 end as t_engaged
    from outcomes as o
),
events as (
    {%- for branch in mock_event_branches() %}
    select send_id || '-{{ branch.code }}' as event_id, '{{ branch.type }}' as event_type,
           send_midnight + interval '1 second' * ({{ branch.secs }}) as event_ts,
           send_id, campaign_id, subscriber_key,
           {{ branch.bounce_type | default('cast(null as varchar)') }} as bounce_type,
           {{ branch.machine | default('cast(null as boolean)') }} as is_machine_open,
           {{ branch.link | default('cast(null as varchar)') }} as link_url,
           {{ branch.lag | default('0') }} as lag_days
    from timed
    where {{ branch.where }}
    {{- ' union all' if not loop.last }}
    {%- endfor %}
),
batched as (
    select e.*, cast(e.event_ts as date) + e.lag_days as batch_date
    from events as e
)
select b.event_id, b.event_type, b.event_ts, b.send_id, b.campaign_id, b.subscriber_key,
       b.bounce_type, b.is_machine_open, b.link_url, b.batch_date,
       cast(b.batch_date + 1 as timestamp) + interval '6 hours' as loaded_at
from batched as b
cross join batch_window as w
where b.batch_date between w.first_batch and w.last_batch
{% endmacro %}

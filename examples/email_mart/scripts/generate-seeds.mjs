// Writes the eight seed CSVs of the email mart. Deterministic (a fixed-seed PRNG), so rerunning it
// reproduces the committed files byte for byte: `node examples/email_mart/scripts/generate-seeds.mjs`.
// The ids here must agree with macros/mock_events/*.sql: contacts C-00001..C-00300, leads
// L-00001..L-00150, campaigns CMP-0001..CMP-0020 (the sending ones listed in dbt_project.yml vars).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

// mulberry32: small, fast, and the same on every platform.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260101);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');
const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const ts = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function csv(name, header, rows) {
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';
  writeFileSync(join(SEEDS, `${name}.csv`), text);
  console.log(`${name}.csv: ${rows.length} rows`);
}

const FIRST = ['Ava', 'Liam', 'Mia', 'Noah', 'Emma', 'Lucas', 'Sofia', 'Ethan', 'Chloe', 'Mateo', 'Zoe', 'Leo', 'Nora', 'Omar', 'Priya', 'Kenji', 'Ines', 'Jonas', 'Lea', 'Marco', 'Aisha', 'Tomas', 'Hana', 'Felix', 'Clara', 'Diego', 'Yara', 'Samuel', 'Elif', 'Victor'];
const LAST = ['Smith', 'Garcia', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Nguyen', 'Tanaka', 'Silva', 'Johansson', 'Brown', 'Martin', 'Novak', 'Ahmed', 'Fischer', 'Moreau', 'Costa', 'Jensen', 'Lopez', "O'Brien", 'Patel', 'Kim', 'Weber', 'Laurent', 'Bianchi'];
const INDUSTRIES = ['Retail', 'Software', 'Manufacturing', 'Healthcare', 'Financial Services', 'Education', 'Media', 'Logistics'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'CA', 'JP'];
const WORDS = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Acme', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka', 'Gringotts', 'Oscorp', 'Massive', 'Dunder', 'Pied Piper', 'Aperture'];
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'SA', 'Group', 'Labs', 'Partners', 'AB'];

// accounts
const accounts = [];
for (let i = 1; i <= 40; i++) {
  accounts.push({
    account_id: `A-${pad(i, 4)}`,
    account_name: `${WORDS[(i - 1) % WORDS.length]} ${SUFFIX[Math.floor((i - 1) / WORDS.length) * 3 % SUFFIX.length + ((i - 1) % 3)]}`,
    industry: pick(INDUSTRIES),
    country: pick(COUNTRIES),
    annual_revenue: int(5, 900) * 100000,
    created_at: iso(Date.UTC(2021, 0, 1) + int(0, 1200) * DAY),
  });
}

// contacts: emails are lower case except a few, which staging standardises.
const emailOf = (first, last, domain, n) => `${first}.${last}${n}@${domain}`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
const contacts = [];
for (let i = 1; i <= 300; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const account = accounts[int(0, accounts.length - 1)];
  const domain = account.account_name.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '') + '.example.com';
  let email = emailOf(first, last, domain, i);
  if (i % 37 === 0) email = ` ${email.toUpperCase()} `;
  contacts.push({
    contact_id: `C-${pad(i, 5)}`,
    account_id: account.account_id,
    first_name: first,
    last_name: last,
    email,
    title: pick(['Marketing Manager', 'CMO', 'Growth Lead', 'CRM Specialist', 'Head of Digital', 'Analyst', 'VP Sales', 'Product Marketing Manager']),
    country: account.country,
    email_opt_out: rand() < 0.04 ? 'true' : 'false',
    created_at: ts(Date.UTC(2022, 0, 1) + int(0, 1400) * DAY + int(0, 86399) * 1000),
  });
}

// leads: a few with mixed-case status, which staging standardises.
const leads = [];
const LEAD_STATUS = ['Open', 'Working', 'Qualified', 'Unqualified'];
for (let i = 1; i <= 150; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = `${pick(WORDS)} ${pick(SUFFIX)}`;
  let status = pick(LEAD_STATUS);
  if (i % 29 === 0) status = status.toUpperCase();
  leads.push({
    lead_id: `L-${pad(i, 5)}`,
    first_name: first,
    last_name: last,
    email: emailOf(first, last, company.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '') + '-mail.example.net', i),
    company,
    lead_source: pick(['Web', 'Webinar', 'Trade Show', 'Referral', 'Paid Search', 'Content Download']),
    lead_status: status,
    country: pick(COUNTRIES),
    created_at: ts(Date.UTC(2024, 6, 1) + int(0, 520) * DAY + int(0, 86399) * 1000),
  });
}

// campaigns: 20 across the four statuses. The sending ones (In_Progress, Completed) must match
// vars.mock_sending_campaigns in dbt_project.yml.
const STATUSES = ['Completed', 'In_Progress', 'Completed', 'In_Progress', 'Planned', 'Completed', 'In_Progress', 'Cancelled', 'Completed', 'In_Progress',
  'Completed', 'Planned', 'In_Progress', 'Completed', 'Cancelled', 'In_Progress', 'Completed', 'Planned', 'In_Progress', 'Planned'];
const THEMES = ['Spring Launch', 'Webinar Invite', 'Product Newsletter', 'Win-back', 'Onboarding Series', 'Black Friday', 'Customer Summit', 'Feature Update', 'Renewal Reminder', 'Case Study Digest'];
const campaigns = [];
for (let i = 1; i <= 20; i++) {
  const status = STATUSES[i - 1];
  const start = status === 'Planned' ? Date.UTC(2026, 2, 1) + int(0, 60) * DAY : Date.UTC(2025, 10, 1) + int(0, 50) * DAY;
  const end = start + int(45, 120) * DAY;
  campaigns.push({
    campaign_id: i % 9 === 0 ? `cmp-${pad(i, 4)}` : `CMP-${pad(i, 4)}`, // staging upper-cases ids
    campaign_name: `${THEMES[(i - 1) % THEMES.length]} ${i > 10 ? 'EMEA' : 'NA'}`,
    channel: 'Email',
    status: i === 6 ? 'completed' : status, // one badly cased status, standardised in staging
    start_date: iso(start),
    end_date: iso(end),
    budget_amount: int(20, 400) * 100,
    owner: `${pick(FIRST)} ${pick(LAST)}`,
    created_at: ts(start - int(10, 60) * DAY),
  });
}

// campaign_members: contacts and leads added to campaigns.
const members = [];
let memberNo = 0;
for (const c of campaigns) {
  const n = c.status === 'Planned' ? int(5, 15) : int(25, 60);
  const chosen = new Set();
  while (chosen.size < n) chosen.add(rand() < 0.7 ? `C-${pad(int(1, 300), 5)}` : `L-${pad(int(1, 150), 5)}`);
  for (const person of [...chosen].sort()) {
    memberNo++;
    const isContact = person.startsWith('C-');
    members.push({
      campaign_member_id: `CM-${pad(memberNo, 5)}`,
      campaign_id: c.campaign_id.toUpperCase(),
      member_type: isContact ? 'CONTACT' : 'LEAD',
      contact_id: isContact ? person : null,
      lead_id: isContact ? null : person,
      member_status: c.status === 'Planned' ? 'Planned' : pick(['Sent', 'Sent', 'Responded', 'Opened']),
      added_at: ts(Date.parse(c.start_date) - int(0, 20) * DAY + int(0, 86399) * 1000),
    });
  }
}

// campaign_daily_metrics: budget and spend per campaign per active day (not for Planned campaigns).
const metrics = [];
for (const c of campaigns) {
  if (c.status === 'Planned') continue;
  const start = Date.parse(c.start_date);
  const days = c.status === 'Cancelled' ? int(3, 10) : Math.min(45, (Date.parse(c.end_date) - start) / DAY);
  const daily = Math.round((c.budget_amount / days) * 100) / 100;
  for (let d = 0; d < days; d++) {
    metrics.push({
      campaign_id: c.campaign_id.toUpperCase(),
      date_day: iso(start + d * DAY),
      daily_budget: daily.toFixed(2),
      spend: (daily * (0.6 + rand() * 0.5)).toFixed(2),
      emails_scheduled: int(500, 5000),
    });
  }
}

// calendar: a date dimension covering every day the seeds and the mock stream can use.
const calendar = [];
const DOW = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
for (let ms = Date.UTC(2025, 0, 1); ms <= Date.UTC(2027, 11, 31); ms += DAY) {
  const d = new Date(ms);
  const dow = d.getUTCDay();
  const thursday = new Date(ms + (3 - ((dow + 6) % 7)) * DAY);
  const isoWeek = 1 + Math.floor((thursday - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY / 7);
  calendar.push({
    date_day: iso(ms),
    year: d.getUTCFullYear(),
    quarter: Math.floor(d.getUTCMonth() / 3) + 1,
    month: d.getUTCMonth() + 1,
    month_name: MONTHS[d.getUTCMonth()],
    iso_week: isoWeek,
    day_of_week: dow === 0 ? 7 : dow,
    day_name: DOW[dow],
    is_weekend: dow === 0 || dow === 6 ? 'true' : 'false',
  });
}

// marketing_cloud_events: a hand-sized extract from before the mock stream starts (2026-01-01), with
// messy casing, two duplicated event_ids and one unknown campaign (CMP-0999), so staging and the audits
// have something to do even before events are generated.
const events = [];
let eventNo = 0;
const sendingIds = campaigns.filter((c) => c.status === 'Completed' || c.status === 'In_Progress').map((c) => c.campaign_id.toUpperCase());
const types = { SEND: ['SEND', 'Send', 'send'], DELIVERED: ['DELIVERED', 'Delivered'], OPEN: ['OPEN', 'Open', 'open'], CLICK: ['CLICK', 'Click'], BOUNCE: ['BOUNCE', 'Bounce'], UNSUBSCRIBE: ['UNSUBSCRIBE', 'Unsubscribe'] };
function event(type, at, send, extra = {}) {
  eventNo++;
  const e = {
    event_id: `SEED-${pad(eventNo, 5)}`,
    event_type: pick(types[type]),
    event_ts: ts(at),
    send_id: send.send_id,
    campaign_id: rand() < 0.1 ? ` ${send.campaign_id.toLowerCase()} ` : send.campaign_id,
    subscriber_key: send.subscriber_key,
    bounce_type: extra.bounce_type ?? null,
    is_machine_open: extra.is_machine_open === undefined ? null : String(extra.is_machine_open),
    link_url: extra.link_url ?? null,
    batch_date: iso(at),
    loaded_at: ts(Date.parse(iso(at)) + DAY + 6 * 3600000),
  };
  events.push(e);
  return e;
}
for (let s = 1; s <= 40; s++) {
  const day = Date.UTC(2025, 11, 29) + int(0, 2) * DAY;
  const person = rand() < 0.67 ? `C-${pad(int(1, 300), 5)}` : `L-${pad(int(1, 150), 5)}`;
  const send = { send_id: `SEED-S${pad(s, 4)}`, campaign_id: s === 7 || s === 23 ? 'CMP-0999' : pick(sendingIds), subscriber_key: person };
  const t0 = day + int(8 * 3600, 17 * 3600) * 1000;
  event('SEND', t0, send);
  if (rand() < 0.06) {
    event('BOUNCE', t0 + int(30, 300) * 1000, send, { bounce_type: rand() < 0.4 ? 'HARD' : 'SOFT' });
    continue;
  }
  event('DELIVERED', t0 + int(5, 65) * 1000, send);
  if (rand() < 0.45) {
    const machine = rand() < 0.3;
    const tOpen = t0 + int(120, 20000) * 1000;
    event('OPEN', tOpen, send, { is_machine_open: machine });
    if (rand() < 0.35) event('CLICK', tOpen + int(5, 600) * 1000, send, { link_url: 'https://example.com/offer' });
  }
  if (rand() < 0.04) event('UNSUBSCRIBE', t0 + int(3600, 7200) * 1000, send);
}
// two exact duplicates of earlier rows: the extract delivered them twice
events.push({ ...events[3] }, { ...events[10] });
events.sort((a, b) => (a.event_ts < b.event_ts ? -1 : a.event_ts > b.event_ts ? 1 : a.event_id < b.event_id ? -1 : 1));

mkdirSync(SEEDS, { recursive: true });
csv('accounts', ['account_id', 'account_name', 'industry', 'country', 'annual_revenue', 'created_at'], accounts);
csv('contacts', ['contact_id', 'account_id', 'first_name', 'last_name', 'email', 'title', 'country', 'email_opt_out', 'created_at'], contacts);
csv('leads', ['lead_id', 'first_name', 'last_name', 'email', 'company', 'lead_source', 'lead_status', 'country', 'created_at'], leads);
csv('campaigns', ['campaign_id', 'campaign_name', 'channel', 'status', 'start_date', 'end_date', 'budget_amount', 'owner', 'created_at'], campaigns);
csv('campaign_members', ['campaign_member_id', 'campaign_id', 'member_type', 'contact_id', 'lead_id', 'member_status', 'added_at'], members);
csv('campaign_daily_metrics', ['campaign_id', 'date_day', 'daily_budget', 'spend', 'emails_scheduled'], metrics);
csv('calendar', ['date_day', 'year', 'quarter', 'month', 'month_name', 'iso_week', 'day_of_week', 'day_name', 'is_weekend'], calendar);
csv('marketing_cloud_events', ['event_id', 'event_type', 'event_ts', 'send_id', 'campaign_id', 'subscriber_key', 'bounce_type', 'is_machine_open', 'link_url', 'batch_date', 'loaded_at'], events);
console.log('sending campaigns:', JSON.stringify(sendingIds));

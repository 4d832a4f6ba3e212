// profiles.yml → the target to run against. Looked up in --profiles-dir, else the project folder,
// else ~/.martflow/, else ~/.dbt/. With no profiles.yml anywhere, martflow (embedded by default)
// uses a DuckDB file at target/warehouse.duckdb and says so in the returned note.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { DuckdbOutput, PostgresOutput, ResolvedTarget, TargetOutput, YamlRenderer } from './loaded-project.js';
import { renderTree } from './render-yaml.js';
import { isRecord, locationOf, parseYaml } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

export interface ProfileLookup {
  projectDir: string;
  profilesDir?: string;
  homeDir?: string;
}

/** The profiles.yml to use, in lookup order, or null. */
export function findProfilesFile(o: ProfileLookup): string | null {
  const home = o.homeDir ?? homedir();
  const dirs = o.profilesDir ? [o.profilesDir] : [o.projectDir, join(home, '.martflow'), join(home, '.dbt')];
  for (const dir of dirs) {
    const p = join(resolve(dir), 'profiles.yml');
    if (existsSync(p)) return p;
  }
  if (o.profilesDir) {
    throw new UserError(`no profiles.yml in --profiles-dir ${o.profilesDir}`, { hint: 'Create profiles.yml there or drop --profiles-dir.' });
  }
  return null;
}

const DUCKDB_KEYS = ['type', 'path', 'database', 'schema', 'threads', 'extensions', 'settings', 'attach', 'filesystems', 'plugins', 'external_root', 'module_paths', 'retries', 'disable_transactions', 'keep_open', 'secrets'];
const POSTGRES_KEYS = [
  'type', 'host', 'port', 'user', 'username', 'pass', 'password', 'dbname', 'database', 'schema', 'threads', 'sslmode', 'sslcert',
  'sslkey', 'sslrootcert', 'keepalives_idle', 'connect_timeout', 'search_path', 'role', 'retries', 'application_name',
];

function check(cond: boolean, message: string, location: SourceLocation, hint?: string): void {
  if (!cond) throw new UserError(message, { location, hint });
}

function intField(raw: Record<string, unknown>, key: string, dflt: number, loc: SourceLocation): number {
  const v = raw[key] ?? dflt;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  check(typeof n === 'number' && Number.isInteger(n) && n >= 0, `'${key}' must be a whole number, got ${JSON.stringify(v)}`, locationOf(raw, key, loc));
  return n as number;
}

function unknownKeys(raw: Record<string, unknown>, known: string[], type: string, loc: SourceLocation): void {
  for (const k of Object.keys(raw)) {
    check(known.includes(k), `unknown ${type} profile key '${k}'.${didYouMean(k, known)}`, locationOf(raw, k, loc));
  }
}

export function duckdbOutput(raw: Record<string, unknown>, projectDir: string, loc: SourceLocation): DuckdbOutput {
  unknownKeys(raw, DUCKDB_KEYS, 'duckdb', loc);
  const rawPath = raw.path ?? 'target/warehouse.duckdb';
  check(typeof rawPath === 'string', "duckdb 'path' must be a string", locationOf(raw, 'path', loc));
  const path = rawPath === ':memory:' || isAbsolute(rawPath as string) || (rawPath as string).startsWith('md:') ? (rawPath as string) : resolve(projectDir, rawPath as string);
  const catalog = duckdbCatalogName(path);
  // DuckDB names the database after its file; another name would compile to relations run can't find.
  if (raw.database !== undefined && !path.startsWith('md:')) {
    check(
      raw.database === catalog,
      `duckdb 'database' is ${JSON.stringify(raw.database)}, but DuckDB names the database at path ${JSON.stringify(rawPath)} '${catalog}'`,
      locationOf(raw, 'database', loc),
      `Set database: ${catalog}, or remove 'database:' (it defaults to the file's name).`,
    );
  }
  return {
    ...raw,
    type: 'duckdb',
    path,
    database: typeof raw.database === 'string' ? raw.database : catalog,
    schema: typeof raw.schema === 'string' ? raw.schema : 'main',
    threads: intField(raw, 'threads', 1, loc),
    extensions: Array.isArray(raw.extensions) ? raw.extensions.map(String) : [],
    settings: isRecord(raw.settings) ? raw.settings : {},
  };
}

/**
 * The name DuckDB gives the database at `path` (what current_database() answers): the file name up to
 * its first dot, with 'main' and 'temp' suffixed '_db'; 'memory' in memory.
 */
export function duckdbCatalogName(path: string): string {
  if (path === ':memory:' || path === '') return 'memory';
  const name = (path.split(/[\\/]/).pop() ?? '').split('.').find((part) => part !== '') ?? 'memory';
  return name === 'main' || name === 'temp' ? `${name}_db` : name;
}

export function postgresOutput(raw: Record<string, unknown>, loc: SourceLocation): PostgresOutput {
  unknownKeys(raw, POSTGRES_KEYS, 'postgres', loc);
  const need = (key: string, value: unknown): string => {
    check(typeof value === 'string' && value !== '', `postgres profile needs '${key}'`, loc, `Add '${key}:' to the output (env_var('...') works).`);
    return value as string;
  };
  const out: PostgresOutput = {
    ...raw,
    type: 'postgres',
    host: need('host', raw.host),
    port: intField(raw, 'port', 5432, loc),
    user: need('user', raw.user ?? raw.username),
    password: String(raw.password ?? raw.pass ?? ''),
    dbname: need('dbname', raw.dbname ?? raw.database),
    schema: need('schema', raw.schema),
    threads: intField(raw, 'threads', 1, loc),
  };
  if (raw.keepalives_idle !== undefined) out.keepalives_idle = intField(raw, 'keepalives_idle', 0, loc);
  if (raw.connect_timeout !== undefined) out.connect_timeout = intField(raw, 'connect_timeout', 10, loc);
  if (raw.retries !== undefined) out.retries = intField(raw, 'retries', 1, loc);
  if (raw.sslmode !== undefined) {
    const modes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
    check(modes.includes(String(raw.sslmode)), `sslmode must be one of ${modes.join(', ')}`, locationOf(raw, 'sslmode', loc));
    out.sslmode = String(raw.sslmode);
  }
  return out;
}

function defaultTarget(profileName: string, projectDir: string): ResolvedTarget {
  return {
    profileName,
    targetName: 'dev',
    output: duckdbOutput({ type: 'duckdb' }, projectDir, { file: '<default>' }),
    profilesPath: null,
    note: 'No profiles.yml found (looked in --profiles-dir, the project folder, ~/.martflow, ~/.dbt); using the embedded DuckDB default at target/warehouse.duckdb, schema main.',
  };
}

export interface ResolveTargetOptions extends ProfileLookup {
  profileName: string | null;
  target?: string;
  render: YamlRenderer;
}

export async function resolveTarget(o: ResolveTargetOptions): Promise<ResolvedTarget> {
  if (o.profileName === null) {
    // No profile: named: martflow is embedded by default, so use DuckDB rather than fail.
    const t = defaultTarget('default', o.projectDir);
    return { ...t, note: "dbt_project.yml names no profile; using the embedded DuckDB default at target/warehouse.duckdb, schema main." };
  }
  const file = findProfilesFile(o);
  const profileName = o.profileName;
  if (!file) return defaultTarget(profileName, o.projectDir);
  const parsed = parseYaml(await readFile(file, 'utf8'), file);
  const root = parsed.value;
  check(isRecord(root), 'profiles.yml must be a mapping of profile names', parsed.location);
  const profiles = root as Record<string, unknown>;
  const names = Object.keys(profiles).filter((k) => k !== 'config');
  const profile = profiles[profileName];
  check(
    isRecord(profile),
    `profile '${profileName}' not found in ${file}.${didYouMean(profileName, names)}`,
    parsed.location,
    `Profiles defined: ${names.join(', ') || 'none'}. Set 'profile:' in dbt_project.yml to one of them.`,
  );
  const p = profile as Record<string, unknown>;
  const ploc = locationOf(profiles, profileName, parsed.location);
  const outputs = p.outputs;
  check(isRecord(outputs), `profile '${profileName}' has no 'outputs:'`, ploc);
  const outs = outputs as Record<string, unknown>;
  // As dbt: render the target name, then only the chosen output (other targets may use env vars
  // that are not set here).
  const renderedTarget = await renderTree(p.target, o.render, () => true, locationOf(p, 'target', ploc));
  // dbt falls back to a target named 'default' when the profile names none.
  const targetName = o.target ?? (typeof renderedTarget === 'string' ? renderedTarget : 'default');
  const raw = outs[targetName];
  if (isRecord(raw)) await renderTree(raw, o.render, () => true, locationOf(outs, targetName, ploc));
  check(
    isRecord(raw),
    `target '${targetName}' not found in profile '${profileName}'.${didYouMean(targetName, Object.keys(outs))}`,
    locationOf(p, o.target ? 'outputs' : 'target', ploc),
    `Targets defined: ${Object.keys(outs).join(', ')}.`,
  );
  const r = raw as Record<string, unknown>;
  const tloc = locationOf(outs, targetName, ploc);
  let output: TargetOutput;
  if (r.type === 'duckdb') output = duckdbOutput(r, o.projectDir, tloc);
  else if (r.type === 'postgres') output = postgresOutput(r, tloc);
  else {
    throw new UserError(`target type ${JSON.stringify(r.type ?? null)} is not supported`, {
      location: locationOf(r, 'type', tloc),
      hint: "Use type: duckdb (embedded) or type: postgres.",
    });
  }
  return { profileName, targetName, output, profilesPath: file };
}

/** The database a target names (database: or dbname:), or null (the engine's default). */
export function defaultDatabaseOf(project: { target: ResolvedTarget }): string | null {
  const o = project.target.output as { database?: string; dbname?: string };
  return o.database ?? o.dbname ?? null;
}

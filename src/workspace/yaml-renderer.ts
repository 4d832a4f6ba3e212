// Renders Jinja inside YAML values (dbt_project.yml, profiles.yml, packages.yml, schema YAML):
// env_var() and var() from --vars, as dbt does before a project is parsed.
import { JinjaEnvironment, pyfunction } from '../jinja/index.js';
import type { YamlRenderer } from '../project/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lookupEnvVar, NO_DEFAULT } from '../context/vars.js';

/** Global vars: of dbt_project.yml (read on first use; schema YAML may use them), for var() in YAML. */
function projectVars(projectDir: string | undefined): Record<string, unknown> {
  if (!projectDir) return {};
  try {
    const doc = parseYaml(readFileSync(join(projectDir, 'dbt_project.yml'), 'utf8')) as { vars?: Record<string, unknown> } | null;
    const vars = doc?.vars;
    return vars && typeof vars === 'object' ? vars : {};
  } catch {
    return {}; // the loader reports a broken dbt_project.yml itself
  }
}

/**
 * `envVarsRead`, when given, collects the environment variables rendering read (with their values
 * then), so a stored parse is reused only while they keep those values.
 */
export function createYamlRenderer(jinja: JinjaEnvironment, cliVars: Record<string, unknown>, projectDir?: string, envVarsRead?: Record<string, string | null>): YamlRenderer {
  let fileVars: Record<string, unknown> | null = null;
  const context = {
    env_var: pyfunction((a, kw) => {
      const name = String(a[0] ?? kw.var);
      if (envVarsRead) envVarsRead[name] = process.env[name] ?? null;
      return lookupEnvVar(name, a.length > 1 ? a[1] : 'default' in kw ? kw.default : NO_DEFAULT);
    }, 'env_var'),
    var: pyfunction((a, kw) => {
      const name = String(a[0] ?? kw.name);
      if (name in cliVars) return cliVars[name];
      fileVars ??= projectVars(projectDir);
      if (name in fileVars) return fileVars[name];
      return a.length > 1 ? a[1] : 'default' in kw ? kw.default : '';
    }, 'var'),
  };
  return (text, location) => jinja.renderString(text, context, location.file);
}

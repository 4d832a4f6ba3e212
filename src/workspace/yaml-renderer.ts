// Renders Jinja inside YAML values (dbt_project.yml, profiles.yml, packages.yml, schema YAML):
// env_var() and var() from --vars, as dbt does before a project is parsed.
import type { JinjaEnvironment } from '../jinja/index.js';
import type { YamlRenderer } from '../project/loaded-project.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlPackage } from '../util/yaml-package.js';
import { lookupEnvVar, NO_DEFAULT } from '../context/vars.js';

/** Global vars: of dbt_project.yml (read on first use; schema YAML may use them), for var() in YAML. */
function projectVars(projectDir: string | undefined): Record<string, unknown> {
  if (!projectDir) return {};
  try {
    const doc = yamlPackage().parse(readFileSync(join(projectDir, 'dbt_project.yml'), 'utf8')) as { vars?: Record<string, unknown> } | null;
    const vars = doc?.vars;
    return vars && typeof vars === 'object' ? vars : {};
  } catch {
    return {}; // the loader reports a broken dbt_project.yml itself
  }
}

/**
 * `envVarsRead`, when given, collects the environment variables rendering read (with their values
 * then), so a stored parse is reused only while they keep those values. The template engine is
 * loaded on the first value that needs it (most YAML has none).
 */
export function createYamlRenderer(cliVars: Record<string, unknown>, projectDir?: string, envVarsRead?: Record<string, string | null>): YamlRenderer {
  let fileVars: Record<string, unknown> | null = null;
  let engine: Promise<{ jinja: JinjaEnvironment; context: Record<string, unknown> }> | null = null;
  const load = async () => {
    const { JinjaEnvironment, pyfunction } = await import('../jinja/index.js');
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
    return { jinja: new JinjaEnvironment(), context };
  };
  return async (text, location) => {
    engine ??= load();
    const { jinja, context } = await engine;
    return jinja.renderString(text, context, location.file);
  };
}

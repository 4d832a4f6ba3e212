// Renders Jinja inside YAML values (dbt_project.yml, profiles.yml, packages.yml, schema YAML):
// env_var() and var() from --vars, as dbt does before a project is parsed.
import { JinjaEnvironment, pyfunction } from '../jinja/index.js';
import type { YamlRenderer } from '../project/index.js';
import { lookupEnvVar, NO_DEFAULT } from '../context/vars.js';

export function createYamlRenderer(jinja: JinjaEnvironment, cliVars: Record<string, unknown>): YamlRenderer {
  const context = {
    env_var: pyfunction((a, kw) => lookupEnvVar(String(a[0] ?? kw.var), a.length > 1 ? a[1] : 'default' in kw ? kw.default : NO_DEFAULT), 'env_var'),
    var: pyfunction((a, kw) => {
      const name = String(a[0] ?? kw.name);
      if (name in cliVars) return cliVars[name];
      return a.length > 1 ? a[1] : 'default' in kw ? kw.default : '';
    }, 'var'),
  };
  return (text, location) => jinja.renderString(text, context, location.file);
}

// Which schema YAML values are rendered at load time — dbt-core's SchemaYamlRenderer rules.
// Descriptions (resolved later with doc()), test entries (arguments are rendered at compile time,
// config values by the test builder), loaded_at_query and config pre/post hooks are left raw.
import type { Keypath } from './render-yaml.js';

const LATE = new Set(['tests', 'data_tests', 'description', 'loaded_at_query']);

/** dbt's _is_norender_key, for a keypath relative to one entry. */
function isNoRenderKey(k: Keypath): boolean {
  if (k.length >= 1 && LATE.has(String(k[0]))) return true;
  if (k.length === 2 && LATE.has(String(k[1]))) return true;
  if (k.length >= 2 && k[0] === 'config' && ['pre_hook', 'post_hook', 'pre-hook', 'post-hook', 'loaded_at_query'].includes(String(k[1]))) return true;
  if (k.length === 5 && k[4] === 'description') return true;
  if (k.length >= 3 && ['columns', 'dimensions', 'measures', 'entities', 'metrics'].includes(String(k[0])) && ['tests', 'data_tests', 'description'].includes(String(k[2]))) return true;
  return false;
}

/** `section` is the top-level key (models, sources, macros, …); `keypath` is relative to one entry. */
export function shouldRenderSchemaKey(section: string, keypath: Keypath): boolean {
  if (keypath.length < 1) return true;
  if (section === 'sources') {
    if (keypath[0] === 'description' || keypath[0] === 'loaded_at_query') return false;
    if (keypath.length >= 2 && keypath[0] === 'config' && keypath[1] === 'loaded_at_query') return false;
    if (keypath[0] === 'tables' && isNoRenderKey(keypath.slice(2))) return false;
    return true;
  }
  if (section === 'macros') {
    if (keypath[0] === 'arguments') return !isNoRenderKey(keypath.slice(1));
    return !isNoRenderKey(keypath);
  }
  // Semantic-layer entries are ignored by martflow (with a warning), so never rendered.
  if (section === 'metrics' || section === 'semantic_models' || section === 'saved_queries') return false;
  return !isNoRenderKey(keypath);
}

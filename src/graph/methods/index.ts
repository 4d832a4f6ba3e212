// The registry of selector methods by name (dbt's MethodManager).
import type { MethodName } from '../selection-spec.js';
import type { SelectorMethod } from './method-context.js';
import { accessMethod } from './access.js';
import { configMethod } from './config.js';
import { exposureMethod } from './exposure.js';
import { fileMethod } from './file.js';
import { fqnMethod } from './fqn.js';
import { groupMethod } from './group.js';
import { ignoredMethod } from './ignored.js';
import { packageMethod } from './package.js';
import { pathMethod } from './path.js';
import { resourceTypeMethod } from './resource-type.js';
import { resultMethod } from './result.js';
import { sourceMethod } from './source.js';
import { sourceStatusMethod } from './source-status.js';
import { stateMethod } from './state.js';
import { tagMethod } from './tag.js';
import { testNameMethod } from './test-name.js';
import { testTypeMethod } from './test-type.js';
import { unitTestMethod } from './unit-test.js';
import { versionMethod } from './version.js';

export const SELECTOR_METHODS: Record<MethodName, SelectorMethod> = {
  fqn: fqnMethod,
  tag: tagMethod,
  group: groupMethod,
  access: accessMethod,
  source: sourceMethod,
  path: pathMethod,
  file: fileMethod,
  package: packageMethod,
  config: configMethod,
  test_name: testNameMethod,
  test_type: testTypeMethod,
  resource_type: resourceTypeMethod,
  state: stateMethod,
  exposure: exposureMethod,
  metric: ignoredMethod,
  result: resultMethod,
  source_status: sourceStatusMethod,
  version: versionMethod,
  semantic_model: ignoredMethod,
  saved_query: ignoredMethod,
  unit_test: unitTestMethod,
};

export type { MethodContext, RunResultsLike, SelectorMethod, SourcesLike } from './method-context.js';

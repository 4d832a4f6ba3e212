// state:new|old|modified|unmodified and modified.body|configs|relation|persisted_descriptions|macros|contract,
// comparing each node with the same unique_id in the --state manifest (dbt's StateSelectorMethod).
import type { GraphMember, Manifest, ManifestNode } from '../../project/manifest-types.js';
import { UserError } from '../../util/errors.js';
import { didYouMean } from '../../util/did-you-mean.js';
import type { MethodContext, SelectorMethod } from './method-context.js';
import { isManifestNode } from './method-context.js';
import * as node from '../state/same-node.js';
import * as other from '../state/same-other.js';
import { dependsOnModifiedMacro, modifiedMacros } from '../state/macros-modified.js';
import { breakingContractChanges, removedContractedModels, reportBreakingChanges } from '../state/contract-changes.js';

type Check = (ctx: MethodContext, current: GraphMember, old: GraphMember | undefined) => boolean;

/** modified.<kind>: defined for manifest nodes; for sources and exposures only where dbt defines it. */
function nodeCheck(compare: (n: ManifestNode, o: ManifestNode) => boolean, forOthers?: (n: GraphMember, o: GraphMember) => boolean): Check {
  return (_ctx, current, old) => {
    if (isManifestNode(current)) return !old || !compare(current, old as ManifestNode);
    if (forOthers) return !old || !forOthers(current, old);
    return false;
  };
}

function macrosChanged(ctx: MethodContext, current: GraphMember): boolean {
  let modified = ctx.cache.get('state.modifiedMacros') as Set<string> | undefined;
  if (!modified) {
    modified = modifiedMacros(ctx.manifest, ctx.state!);
    ctx.cache.set('state.modifiedMacros', modified);
  }
  const macros = 'depends_on' in current ? ((current.depends_on as { macros?: string[] }).macros ?? []) : [];
  return dependsOnModifiedMacro(macros, ctx.manifest.macros, modified);
}

const modifiedContent: Check = (ctx, current, old) => {
  let different: boolean;
  switch (current.resource_type) {
    case 'source':
      different = !other.sameSourceContents(current, old as typeof current | undefined);
      break;
    case 'exposure':
      different = !other.sameExposureContents(current, old as typeof current | undefined);
      break;
    case 'unit_test':
      different = !other.sameUnitTestContents(current, old as typeof current | undefined);
      break;
    default:
      different = !node.sameContents(current, old as ManifestNode | undefined);
  }
  return different || macrosChanged(ctx, current);
};

const CHECKS: Record<string, Check> = {
  new: (_ctx, _current, old) => old === undefined,
  old: (_ctx, _current, old) => old !== undefined,
  modified: modifiedContent,
  unmodified: (ctx, current, old) => !modifiedContent(ctx, current, old),
  'modified.body': nodeCheck(node.sameBody),
  'modified.configs': nodeCheck(node.sameConfig, (n, o) => sameOtherConfig(n, o)),
  'modified.persisted_descriptions': nodeCheck(node.samePersistedDescription),
  'modified.relation': nodeCheck(node.sameDatabaseRepresentation, (n, o) =>
    n.resource_type === 'source' && o.resource_type === 'source' ? other.sameSourceRelation(n, o) : true,
  ),
  'modified.macros': (ctx, current) => macrosChanged(ctx, current),
  'modified.contract': nodeCheck(node.sameContract),
};

function sameOtherConfig(n: GraphMember, o: GraphMember): boolean {
  if (n.resource_type === 'source' && o.resource_type === 'source') return other.sameSourceConfig(n, o);
  if (n.resource_type === 'exposure' && o.resource_type === 'exposure') return other.sameExposureConfig(n, o);
  return true;
}

export const STATE_SELECTORS = Object.keys(CHECKS);

/** The checks that look at contracts, and so report breaking contract changes (as dbt's do). */
const CONTRACT_AWARE = new Set(['modified', 'unmodified', 'modified.contract']);

/** Warns (unversioned) or throws (versioned) once per node and run. */
function reportContract(ctx: MethodContext, node: ManifestNode, changes: string[]): void {
  const seen = (ctx.cache.get('state.contractReported') as Set<string> | undefined) ?? new Set<string>();
  ctx.cache.set('state.contractReported', seen);
  if (seen.has(node.unique_id)) return;
  seen.add(node.unique_id);
  const warning = reportBreakingChanges(node, changes);
  if (warning) ctx.warnings.push(warning);
}

export const stateMethod: SelectorMethod = function* (ctx, candidates, value) {
  const check = CHECKS[value];
  if (!check) {
    throw new UserError(`Got an invalid selector "state:${value}"`, {
      hint: `Expected one of: ${STATE_SELECTORS.join(', ')}.${didYouMean(value, STATE_SELECTORS)}`,
    });
  }
  if (!ctx.state) {
    throw new UserError(`Got a state selector method "state:${value}", but no comparison manifest`, {
      hint: 'Pass --state pointing at the target/ folder of the run to compare with.',
    });
  }
  const contractAware = CONTRACT_AWARE.has(value);
  for (const m of candidates) {
    const old = previousOf(ctx.state, m.unique_id);
    if (contractAware && m.resource_type === 'model' && old?.resource_type === 'model') {
      reportContract(ctx, m, breakingContractChanges(m, old));
    }
    if (check(ctx, m, old)) yield m.unique_id;
  }
  if (contractAware) {
    // Removed nodes are never selected, but deleting a contracted model breaks its consumers.
    for (const { node: removed, change } of removedContractedModels(ctx.manifest, ctx.state, new Date())) {
      reportContract(ctx, removed, [change]);
    }
  }
};

function previousOf(state: Manifest, id: string): GraphMember | undefined {
  return state.nodes[id] ?? state.sources[id] ?? state.exposures[id] ?? state.unit_tests?.[id];
}

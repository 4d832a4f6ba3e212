// The materializations' public surface: the build runner calls materialize() for models, and the
// seed and snapshot entry points for those resource types.
import { UserError } from '../../util/errors.js';
import { materializeIncremental } from './incremental.js';
import { materializeTable, materializeView } from './table.js';
import type { MaterializeInput, MaterializeResult } from './types.js';

export type { MaterializeInput, MaterializeResult } from './types.js';
export { willBeIncremental, shouldFullRefresh } from './config.js';
export { TMP_SUFFIX, BACKUP_SUFFIX } from './relation-names.js';
/**
 * Cleans up a killed run's tmp/backup relations (restoring an orphaned backup) and returns the
 * relation as it now exists: call it before willBeIncremental so is_incremental() sees the restored table.
 */
export { prepareTarget } from './leftovers.js';
export { buildSeed, type SeedInput } from '../seeds/index.js';
export { buildSnapshot, type SnapshotInput } from '../snapshots/index.js';

const MATERIALIZATIONS = ['view', 'table', 'incremental', 'ephemeral'];

/** Turns one compiled model into its relation in the warehouse. */
export async function materialize(input: MaterializeInput): Promise<MaterializeResult> {
  const kind = input.node.config.materialized;
  switch (kind) {
    case 'view':
      return materializeView(input);
    case 'table':
      return materializeTable(input);
    case 'incremental':
      return materializeIncremental(input);
    case 'ephemeral':
      // Ephemeral models are inlined as CTEs by the compiler; nothing is built.
      return { rowsAffected: null, message: 'OK' };
    default:
      throw new UserError(`unknown materialization '${kind}' for ${input.node.name}`, {
        location: input.node.location ?? { file: input.node.original_file_path },
        node: input.node.unique_id,
        hint: `Use one of: ${MATERIALIZATIONS.join(', ')} (seeds and snapshots are their own resource types).`,
      });
  }
}

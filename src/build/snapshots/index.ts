// Snapshots' public surface.
export { buildSnapshot, type SnapshotInput } from './snapshot.js';
export { snapshotConfig, type SnapshotConfig, type SnapshotColumnNames, type HardDeletes } from './config.js';

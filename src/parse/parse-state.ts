// The parse state kept between invocations, so that a project whose files barely changed is not
// parsed again. After a parse, every manifest entry is stored serialized (target/partial_parse.nodes)
// with an index (target/partial_parse.index.json) that records the size, mtime and checksum of every
// project file and, per node, the file it came from, its refs and its resolved dependencies
// (state-format.ts; state-build.ts writes it from a parsed manifest; state-manifest.ts assembles
// manifest.json from it; manifest-patch.ts patches manifest.json in place). src/parse/reparse.ts
// decides from it what must be parsed again; everything else is reused byte for byte, so a re-parse
// never has to hold 20,000 node objects.
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { forgetStoredParse, readStoredParse, STATE_DATA_FILE, STATE_INDEX_FILE } from './prefetch.js';
import { overwriteFile, writeInPieces, type FileByteWriter } from '../util/overwrite-file.js';
import type { Manifest, ManifestNode } from '../project/manifest-types.js';
import type { NodePatch } from '../project/loaded-project.js';
import { sortIds } from '../graph/parent-child-maps.js';
import { hideLocation, parseIndex, type Range, type Section, type StateIndex } from './state-format.js';
import { compactData, MemorySink, serializeManifest, type StateInputs } from './state-build.js';
import { StoredFiles } from './state-files.js';
import { appendNodeRow, dropNodeRows } from './state-columns.js';
import { ENTRY_SLACK, patchManifestFile, recordWrittenManifest, STATE_MANIFEST_FILE, writtenManifest, type EntryChange, type WrittenManifest } from './manifest-patch.js';
import { manifestPieces, materializeManifest, type PiecesOptions } from './state-manifest.js';

export { BUILD_MACROS, projectFiles, stateHash } from './state-format.js';
export type { NodeColumns, FileColumns, StateIndex, Range } from './state-format.js';
export { STATE_INDEX_FILE, STATE_DATA_FILE, STATE_MANIFEST_FILE };

export class ParseState {
  private constructor(
    readonly dir: string,
    readonly index: StateIndex,
    /** The data file (the header line, then the fragments); null until something needs all of it. */
    private data: Buffer | null,
    /** Starts (or joins) reading the data file in the background, when `data` is null. */
    private readonly dataRead?: () => Promise<Buffer | null>,
  ) {
    this.base = data ? data.length : index.dataLength;
  }

  /** Nodes replaced by this invocation, with the length their entry had (for patching manifest.json). */
  private readonly replaced: { i: number; oldEntryLength: number }[] = [];
  /** Whether a replaced node's dependencies changed (then parent_map and child_map change too). */
  private mapsChanged = false;

  /** Length of the data file as loaded: offsets at or past it are in `tail` (this invocation's). */
  private base: number;
  /** An open descriptor of the data file, for reading a few ranges without loading it all. */
  private fd: number | null = null;

  /** unique_id → index into nodes then members (built on first use). */
  private positions: Map<string, number> | null = null;

  /** Fragments added by this invocation, after the end of `data` (appended to the file on save). */
  private tail = Buffer.alloc(0);
  /** Whether files were re-examined or nodes replaced since the state was loaded (then save writes it). */
  private changed = false;
  /** How much of the tail is already in the data file. */
  private tailSaved = 0;

  /**
   * Starts reading the stored state in the thread pool (the caller lists the project's files
   * meanwhile); the result resolves to the state when it was made under `hash()`.
   */
  static loadInBackground(targetDir: string): (hash: string) => Promise<ParseState | null> {
    const files = readStoredParse(targetDir);
    return async (hash) => {
      const indexText = await files.index;
      forgetStoredParse(targetDir);
      if (!indexText) return null;
      try {
        // The data file goes on loading in the background; a few ranges are read directly meanwhile.
        const index = parseIndex(indexText, hash);
        if (!index) return null;
        const path = join(targetDir, STATE_DATA_FILE);
        const fd = openSync(path, 'r');
        const header = Buffer.alloc(index.dataId.length);
        readSync(fd, header, 0, header.length, 0);
        if (fstatSync(fd).size !== index.dataLength || header.toString('latin1') !== index.dataId) {
          closeSync(fd);
          return null;
        }
        const state = new ParseState(targetDir, index, null, files.data);
        state.fd = fd;
        return state;
      } catch {
        return null;
      }
    };
  }

  /** All of the data file (waits for nothing: reads it now when the background read has not finished). */
  private loaded(): Buffer {
    if (!this.data) {
      const data = readFileSync(join(this.dir, STATE_DATA_FILE));
      if (data.length !== this.base) throw new Error('the stored parse changed while it was read');
      this.data = data;
    }
    return this.data;
  }

  /** Resolves once the whole data file is in memory (commands that build the manifest wait for it). */
  async dataLoaded(): Promise<void> {
    if (this.data || !this.dataRead) return;
    const b = await this.dataRead();
    if (b && !this.data && b.length === this.base) this.data = b;
  }

  /** Closes the data file (a long-running process opens many workspaces). */
  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /**
   * Writes manifest.json. When the file is still the one this stored parse wrote last (same size and
   * mtime, recorded beside it) and at most one node changed, with the same dependencies, only the
   * metadata and that node's entry are rewritten where they stand (entries are followed by spaces
   * to grow into; an entry that outgrows them moves the bytes after it); otherwise the whole file.
   */
  writeManifest(targetDir: string, metadata: Manifest['metadata'], selectors: Manifest['selectors']): string {
    mkdirSync(targetDir, { recursive: true });
    const path = join(targetDir, 'manifest.json');
    const recordPath = join(this.dir, STATE_MANIFEST_FILE);
    const metadataJson = Buffer.from(JSON.stringify(metadata), 'utf8');
    const selectorsJson = JSON.stringify(selectors);
    const patchable = !this.builtNow && !this.mapsChanged && this.replaced.length <= 1;
    const written = patchable ? writtenManifest(path, recordPath, metadataJson.length, selectorsJson) : null;
    let slack: Record<number, number> = {};
    if (written) {
      slack = written.slack;
      const change = this.entryChange(written);
      const newSlack = patchManifestFile(path, written, metadataJson, change);
      if (change) {
        if (newSlack === ENTRY_SLACK) delete slack[change.i];
        else slack[change.i] = newSlack;
      }
    } else this.writePieces(path, this.manifestPieces(metadata, selectors, { padded: true })!);
    recordWrittenManifest(path, recordPath, metadataJson.length, selectorsJson, slack);
    return path;
  }

  /** manifest.json will be written from manifest objects (compiled code and all): it can no longer be patched. */
  forgetManifest(): void {
    rmSync(join(this.dir, STATE_MANIFEST_FILE), { force: true });
  }

  /** Where the node this invocation replaced stands in manifest.json, and its new entry; null when none. */
  private entryChange(written: WrittenManifest): EntryChange | null {
    const change = this.replaced[0];
    if (!change) return null;
    const { at } = this.index.nodes;
    const slackOf = (j: number) => written.slack[j] ?? ENTRY_SLACK;
    let start = written.nodesStart;
    for (let j = 0; j < change.i; j++) start += at[3 * j + 2]! + at[3 * j + 1]! + 1 + slackOf(j);
    // The last entry of "nodes" has no comma after it, in the old file and the new one.
    const last = change.i === at.length / 3 - 1;
    const [offset, length, keyLength] = this.nodeAt(change.i);
    return {
      i: change.i,
      start,
      oldLength: change.oldEntryLength - (last ? 1 : 0),
      oldSlack: slackOf(change.i),
      entry: this.slice([offset - keyLength, keyLength + length + (last ? 0 : 1)]),
    };
  }

  /**
   * The state of a manifest the full parse just built. Its data file is written now, piece by piece
   * (the index follows in save()); a target folder that cannot be written keeps the data in memory.
   */
  static fromManifest(targetDir: string, manifest: Manifest, input: StateInputs): ParseState {
    try {
      mkdirSync(targetDir, { recursive: true });
      const index = writeInPieces(join(targetDir, STATE_DATA_FILE), (out) => serializeManifest(manifest, input, out));
      const state = new ParseState(targetDir, index, null);
      state.fresh = state.builtNow = true;
      return state;
    } catch {
      // kept in memory below
    }
    const memory = new MemorySink();
    const index = serializeManifest(manifest, input, memory);
    const state = new ParseState(targetDir, index, Buffer.concat(memory.parts));
    state.fresh = state.builtNow = true;
    state.dataOnDisk = false;
    return state;
  }

  /** Whether the data file holds this state's data (false only when it could not be written). */
  private dataOnDisk = true;

  /** Built by this invocation's whole parse: manifest.json on disk is an older one, never patched. */
  private builtNow = false;

  /** True when the data file must be written whole (a new state); else only appended to. */
  private fresh = false;

  text(range: Range): string {
    return this.slice(range).toString('utf8');
  }

  private slice(range: Range): Buffer {
    const [offset, length] = range;
    const end = offset + length;
    const base = this.base;
    if (offset >= base) return this.tail.subarray(offset - base, end - base);
    const stored = end <= base ? this.stored(offset, end) : this.stored(offset, base);
    return end <= base ? stored : Buffer.concat([stored, this.tail.subarray(0, end - base)]);
  }

  /** Bytes [start, end) of the data file: from memory when loaded, else read directly (a small range). */
  private stored(start: number, end: number): Buffer {
    if (this.data) return this.data.subarray(start, end);
    if (this.fd !== null && end - start < 1 << 20) {
      const b = Buffer.alloc(end - start);
      readSync(this.fd, b, 0, b.length, start);
      return b;
    }
    return this.loaded().subarray(start, end);
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.index.nodes.ids.length;
  }

  /** [offset of node i's JSON, its length, length of the key before it]. */
  nodeAt(i: number): [number, number, number] {
    const at = this.index.nodes.at;
    return [at[3 * i]!, at[3 * i + 1]!, at[3 * i + 2]!];
  }

  /** Writes a node's entry `"<id>":{…},` after the data: [offset of its JSON, its length, the key's length]. */
  private writeEntry(node: ManifestNode): [number, number, number] {
    const location = hideLocation(node);
    // A node built from its own file is located at its first line, as stored; a test's YAML line may have moved.
    const atFileStart = location?.file === node.original_file_path && location.line === 1 && location.col === undefined;
    if (location && !atFileStart) {
      this.index.movedLocations[node.unique_id] = location;
      this.changed = true;
    }
    const key = `${JSON.stringify(node.unique_id)}:`;
    const b = Buffer.from(`${key}${JSON.stringify(node)},`, 'utf8');
    const offset = this.base + this.tail.length;
    this.tail = Buffer.concat([this.tail, b]);
    this.index.liveBytes += b.length;
    const keyLength = Buffer.byteLength(key);
    return [offset + keyLength, b.length - keyLength - 1, keyLength];
  }

  /** depends_on.nodes as stored: positions of nodes and members, unique_ids of anything else. */
  private storedDeps(node: ManifestNode): (number | string)[] {
    if (!this.positions) {
      const nodes = this.index.nodes;
      const position = new Map<string, number>();
      nodes.ids.forEach((id, j) => position.set(id, j));
      this.index.members.forEach(([id], j) => position.set(id, nodes.ids.length + j));
      this.positions = position;
    }
    return node.depends_on.nodes.map((id) => this.positions!.get(id) ?? id);
  }

  /** Replaces node i's stored JSON (the node was parsed again), its location and its dependencies. */
  replaceNode(i: number, node: ManifestNode): void {
    const nodes = this.index.nodes;
    const entry = this.writeEntry(node);
    const [, oldLength, oldKey] = this.nodeAt(i);
    this.replaced.push({ i, oldEntryLength: oldKey + oldLength + 1 });
    this.index.liveBytes -= oldLength + oldKey + 1;
    [nodes.at[3 * i], nodes.at[3 * i + 1], nodes.at[3 * i + 2]] = entry;
    const deps = this.storedDeps(node);
    if (JSON.stringify(deps) !== JSON.stringify(nodes.deps[i])) {
      nodes.deps[i] = deps;
      this.index.maps = null;
      this.mapsChanged = true;
    }
  }

  /** Adds a test a schema file now defines (nothing depends on tests); returns its position. */
  appendTest(node: ManifestNode): number {
    const entry = this.writeEntry(node);
    const i = appendNodeRow(this.index, { id: node.unique_id, at: entry, type: node.resource_type, deps: this.storedDeps(node), name: null, packageName: null, file: null });
    this.nodesMoved();
    return i;
  }

  /** Drops tests a schema file no longer defines; the nodes after them move up. */
  dropTests(remove: ReadonlySet<number>): void {
    if (remove.size === 0) return;
    for (const i of remove) {
      const [, length, keyLength] = this.nodeAt(i);
      this.index.liveBytes -= keyLength + length + 1;
      delete this.index.movedLocations[this.index.nodes.ids[i]!];
    }
    dropNodeRows(this.index, remove);
    this.nodesMoved();
  }

  /** Positions changed: manifest.json is written whole, the maps are made again. */
  private nodesMoved(): void {
    this.positions = null;
    this.replaced.length = 0;
    this.index.maps = null;
    this.mapsChanged = true;
    this.changed = true;
  }

  /** Replaces node i's stored schema YAML entry (its schema file changed). */
  setPatch(i: number, patch: NodePatch | undefined): void {
    const patches = this.index.nodes.patches;
    const oldLength = patches[2 * i]! >= 0 ? patches[2 * i + 1]! : 0;
    if (patch) {
      const b = Buffer.from(JSON.stringify(patch), 'utf8');
      patches[2 * i] = this.base + this.tail.length;
      patches[2 * i + 1] = b.length;
      this.tail = Buffer.concat([this.tail, b]);
      this.index.liveBytes += b.length - oldLength;
    } else {
      patches[2 * i] = -1;
      patches[2 * i + 1] = 0;
      this.index.liveBytes -= oldLength;
    }
    this.changed = true;
  }

  /** The nodes a root-project schema YAML file patches or defines tests of. */
  yamlNodes(path: string): readonly number[] {
    return this.index.nodes.yaml[path] ?? [];
  }

  setYamlNodes(path: string, indexes: number[]): void {
    this.changed = true;
    if (indexes.length > 0) this.index.nodes.yaml[path] = indexes;
    else delete this.index.nodes.yaml[path];
  }

  /** Records the environment variables node i's render read (none: undefined). */
  setEnvVars(i: number, vars: Record<string, string | null> | undefined): void {
    this.changed = true;
    if (vars) this.index.nodes.envVars[i] = vars;
    else delete this.index.nodes.envVars[i];
  }

  private storedFiles: StoredFiles | null = null;
  private readonly markChanged = () => void (this.changed = true);

  /** The recorded project files. */
  get files(): StoredFiles {
    return (this.storedFiles ??= new StoredFiles(this.index, this.markChanged));
  }

  /** The stored schema YAML entry of node i. */
  patch(i: number): NodePatch | undefined {
    const [offset, length] = [this.index.nodes.patches[2 * i]!, this.index.nodes.patches[2 * i + 1]!];
    return offset >= 0 ? (JSON.parse(this.text([offset, length])) as NodePatch) : undefined;
  }

  /** Node i as stored. */
  node(i: number): ManifestNode {
    const [offset, length] = this.nodeAt(i);
    return JSON.parse(this.text([offset, length])) as ManifestNode;
  }

  /** How many nodes of each resource type. */
  typeCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const t of this.index.nodes.types) counts[t] = (counts[t] ?? 0) + 1;
    return counts;
  }

  section<T>(name: Section): T {
    return JSON.parse(this.text(this.index.sections[name])) as T;
  }

  /** Where `"parent_map":{…},"child_map":{…}` stands, made from the recorded dependencies (as buildParentChildMaps makes them) when missing. */
  private mapsRange(): Range {
    if (this.index.maps) return this.index.maps;
    const ids = [...this.index.nodes.ids, ...this.index.members.map(([id]) => id)];
    const depLists = [...this.index.nodes.deps, ...this.index.members.map(([, deps]) => deps)];
    const child: Record<string, string[]> = {};
    const parent: Record<string, string[]> = {};
    for (const id of ids) child[id] = [];
    ids.forEach((id, i) => {
      const deps = depLists[i]!.map((d) => (typeof d === 'number' ? ids[d]! : d));
      parent[id] = sortIds([...deps]);
      for (const dep of deps) child[dep]?.push(id);
    });
    for (const list of Object.values(child)) sortIds(list);
    const b = Buffer.from(`"parent_map":${JSON.stringify(parent)},"child_map":${JSON.stringify(child)}`, 'utf8');
    this.index.maps = [this.base + this.tail.length, b.length];
    this.tail = Buffer.concat([this.tail, b]);
    return this.index.maps;
  }

  /** manifest.json as pieces of text and ranges of the stored data (see manifestPieces). */
  private manifestPieces(metadata: Manifest['metadata'], selectors: Manifest['selectors'], how: PiecesOptions = {}): (string | Range)[] | null {
    return manifestPieces(this.index, this.mapsRange(), metadata, selectors, how);
  }

  /**
   * Writes manifest.json for the manifest this state was built from or materialized into, after its
   * nodes were compiled, without serializing every node again: a compiled node is its stored entry
   * with compiled_path filled in and the compiled fields appended, every other entry and section is
   * copied. False when a node does not fit that (the caller writes the manifest from the objects).
   */
  writeCompiledManifest(targetDir: string, manifest: Manifest): boolean {
    const pieces = this.manifestPieces(manifest.metadata, manifest.selectors, { compiled: manifest.nodes });
    if (!pieces) return false;
    mkdirSync(targetDir, { recursive: true });
    this.writePieces(join(targetDir, 'manifest.json'), pieces);
    return true;
  }

  /** Writes the pieces to `path`, copying ranges of the stored data from memory or from the data file. */
  private writePieces(path: string, pieces: (string | Range)[]): void {
    writeInPieces(path, (out) => {
      for (const piece of pieces) {
        if (typeof piece === 'string') out.write(piece);
        else this.copyRange(out, piece);
      }
    });
  }

  private copyRange(out: FileByteWriter, [offset, length]: Range): void {
    const end = offset + length;
    const base = this.base;
    if (offset < base) {
      const storedEnd = Math.min(end, base);
      if (this.data) out.writeBytes(this.data.subarray(offset, storedEnd));
      else this.copyFromFile(out, offset, storedEnd);
    }
    if (end > base) out.writeBytes(this.tail.subarray(Math.max(offset, base) - base, end - base));
  }

  /** A window of the data file read ahead: a compiled manifest copies thousands of small ranges in file order. */
  private window: { buffer: Buffer; start: number; length: number } | null = null;

  private copyFromFile(out: FileByteWriter, start: number, end: number): void {
    this.fd ??= openSync(join(this.dir, STATE_DATA_FILE), 'r');
    if (end - start >= WINDOW) {
      out.copyFrom(this.fd, start, end - start);
      return;
    }
    const w = (this.window ??= { buffer: Buffer.allocUnsafeSlow(WINDOW), start: 0, length: 0 });
    if (start < w.start || end > w.start + w.length) {
      w.start = start;
      w.length = readSync(this.fd, w.buffer, 0, Math.min(WINDOW, this.base - start), start);
      if (end > w.start + w.length) throw new Error('the stored parse ended early');
    }
    out.writeBytes(w.buffer.subarray(start - w.start, end - w.start));
  }

  /** The manifest as objects (for commands that compile, run or read it), martflow's locations restored. */
  materialize(metadata: Manifest['metadata'], selectors: Manifest['selectors']): Manifest {
    this.loaded();
    return materializeManifest(this.index, (range) => this.text(range), this.mapsRange(), metadata, selectors);
  }

  /**
   * Writes the data file (whole when mostly garbage, else appends; a new one is already written)
   * and then the index.
   */
  async save(): Promise<void> {
    // Nothing looked at or replaced: what is on disk is still exact.
    if (!this.fresh && !this.changed && this.tail.length === 0) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const dataPath = join(this.dir, STATE_DATA_FILE);
      this.mapsRange(); // stored with the state, so the next invocation need not rebuild them
      // A state just built has its data file written by fromManifest (or kept in memory when it could not be).
      const asBuilt = this.fresh && this.tail.length === 0;
      if (asBuilt) {
        if (!this.dataOnDisk) overwriteFile(dataPath, [this.loaded()]);
      } else if (this.fresh || this.base + this.tail.length > 2 * this.index.liveBytes + (1 << 20)) this.compact(dataPath);
      else if (this.tail.length > this.tailSaved) {
        appendFileSync(dataPath, this.tail.subarray(this.tailSaved));
        this.tailSaved = this.tail.length;
      }
      this.fresh = false;
      this.index.dataLength = this.base + this.tail.length;
      this.index.writtenAt = Date.now();
      overwriteFile(join(this.dir, STATE_INDEX_FILE), [Buffer.from(JSON.stringify(this.index), 'utf8')]);
    } catch {
      // a state that cannot be written only costs time next run
    }
  }

  /** Rewrites the data file with only the live fragments, under a new id. */
  private compact(dataPath: string): void {
    this.loaded();
    const chunks = compactData(this.index, (range) => this.slice(range));
    this.data = Buffer.concat(chunks);
    this.base = this.data.length;
    this.tail = Buffer.alloc(0);
    this.tailSaved = 0;
    overwriteFile(dataPath, chunks);
  }
}

/** How much of the data file copyFromFile reads ahead. */
const WINDOW = 1 << 20;

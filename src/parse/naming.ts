// Where a node lands: database, schema and alias through generate_database_name /
// generate_schema_name / generate_alias_name. A project (or package) macro of that name overrides
// martflow's default, as in dbt; without one a fast path computes dbt's default without rendering.
import type { RenderEnvironment } from '../context/dbt-context.js';
import type { NodeConfig } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';

export interface NamingInput {
  packageName: string;
  name: string;
  uniqueId: string;
  resourceType: string;
  config: NodeConfig;
  version?: string | number | null;
  /** The node as a dict, passed to the naming macros as `node`. */
  nodeDict: Record<string, unknown>;
}

export interface NodeNames {
  database: string | null;
  schema: string;
  alias: string;
}

function customValue(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

export class Naming {
  private readonly overridden: { schema: boolean; alias: boolean; database: boolean };

  constructor(
    /** The render environment, asked for only when a naming macro is overridden. */
    private readonly env: () => RenderEnvironment,
    isOverridden: (name: string) => boolean,
    private readonly targetSchema: string,
    private readonly targetDatabase: string | null,
  ) {
    this.overridden = {
      schema: isOverridden('generate_schema_name'),
      alias: isOverridden('generate_alias_name'),
      database: isOverridden('generate_database_name'),
    };
  }

  async names(input: NamingInput): Promise<NodeNames> {
    const { config } = input;
    const customSchema = customValue(config.schema);
    const customAlias = customValue(config.alias);
    const customDatabase = customValue(config.database);
    // Legacy snapshots: target_schema / target_database are used as they are.
    if (input.resourceType === 'snapshot' && (config.target_schema || config.target_database)) {
      return {
        database: customValue(config.target_database) ?? this.targetDatabase,
        schema: customValue(config.target_schema) ?? this.targetSchema,
        alias: customAlias ?? input.name,
      };
    }
    const schema = this.overridden.schema
      ? await this.callMacro('generate_schema_name', [customSchema, input.nodeDict], input)
      : customSchema === null
        ? this.targetSchema
        : `${this.targetSchema}_${customSchema}`;
    const defaultAlias = input.version !== null && input.version !== undefined ? `${input.name}_v${input.version}` : input.name;
    const alias = this.overridden.alias ? await this.callMacro('generate_alias_name', [customAlias, input.nodeDict], input) : customAlias ?? defaultAlias;
    const database = this.overridden.database ? await this.callMacro('generate_database_name', [customDatabase, input.nodeDict], input) : customDatabase ?? this.targetDatabase;
    return { database: database === '' ? null : database, schema, alias };
  }

  private async callMacro(name: string, args: unknown[], input: NamingInput): Promise<string> {
    const { createRenderContext } = await import('../context/dbt-context.js');
    const ctx = createRenderContext(this.env(), {
      packageName: input.packageName,
      nodeName: input.uniqueId,
      execute: false,
      thisRelation: null,
      model: input.nodeDict,
      isIncremental: false,
      ref: () => {
        throw new UserError(`${name} cannot call ref()`);
      },
      source: () => {
        throw new UserError(`${name} cannot call source()`);
      },
      config: { set: () => undefined, get: (k) => input.config[k] },
    });
    const fn = ctx[name] as ((args: unknown[], kw: Record<string, unknown>) => unknown) | undefined;
    if (typeof fn !== 'function') throw new Error(`internal: macro ${name} not found`);
    const out = await fn(args, {});
    return String(out ?? '').trim();
  }
}

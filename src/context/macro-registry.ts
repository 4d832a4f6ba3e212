// Every macro of the project, its packages and martflow's internal packages, compiled once, and the
// name resolution dbt uses when a template calls a macro:
//   the package the caller belongs to → the root project → internal packages (dbt) → context members,
// with `package.macro` reaching any package and adapter.dispatch searching `<engine>__` then `default__`.
import type { CompiledTemplate, JinjaCallable } from '../jinja/api.js';

export interface RegisteredMacro {
  name: string;
  packageName: string;
  template: CompiledTemplate;
  /** unique_id: macro.<package>.<name> */
  uniqueId: string;
}

export class MacroRegistry {
  /** package → macro name → macro */
  readonly byPackage = new Map<string, Map<string, RegisteredMacro>>();

  constructor(
    readonly rootPackage: string,
    /** Packages whose macros form dbt's global project (searched after the root project). */
    readonly internalPackages: string[],
  ) {}

  add(macro: RegisteredMacro): void {
    let pkg = this.byPackage.get(macro.packageName);
    if (!pkg) {
      pkg = new Map();
      this.byPackage.set(macro.packageName, pkg);
    }
    pkg.set(macro.name, macro);
  }

  /** Finds a macro by unqualified name for code running in `packageName`, in dbt's search order. */
  resolve(name: string, packageName: string): RegisteredMacro | undefined {
    return (
      this.byPackage.get(packageName)?.get(name) ??
      this.byPackage.get(this.rootPackage)?.get(name) ??
      this.findInternal(name)
    );
  }

  findInternal(name: string): RegisteredMacro | undefined {
    for (const p of this.internalPackages) {
      const m = this.byPackage.get(p)?.get(name);
      if (m) return m;
    }
    return undefined;
  }

  /** The macro in exactly this package (package.macro, dispatch search). Internal packages answer for 'dbt'. */
  inPackage(packageName: string, name: string): RegisteredMacro | undefined {
    if (packageName === 'dbt') return this.findInternal(name);
    return this.byPackage.get(packageName)?.get(name);
  }

  isPackage(name: string): boolean {
    return this.byPackage.has(name) || name === 'dbt';
  }

  get all(): RegisteredMacro[] {
    return [...this.byPackage.values()].flatMap((m) => [...m.values()]);
  }

  /** Whether the root project (or a non-internal package) overrides a macro the engine has a fast path for. */
  isOverridden(name: string): boolean {
    for (const [pkg, macros] of this.byPackage) {
      if (!this.internalPackages.includes(pkg) && macros.has(name)) return true;
    }
    return false;
  }
}

/**
 * Binds macros to one render: each macro, when first used, is instantiated with a context whose free
 * names resolve from the macro's own package. Callables are cached per render.
 */
export class MacroBinder {
  private readonly bound = new Map<CompiledTemplate, Record<string, JinjaCallable>>();
  /** Templates being instantiated right now: binding may read names of the same file's macros. */
  private readonly binding = new Set<CompiledTemplate>();
  constructor(private readonly contextForPackage: (packageName: string) => Record<string, unknown>) {}

  bind(macro: RegisteredMacro): JinjaCallable | undefined {
    let fns = this.bound.get(macro.template);
    if (!fns) {
      if (this.binding.has(macro.template)) return undefined;
      this.binding.add(macro.template);
      try {
        fns = macro.template.bindMacros(this.contextForPackage(macro.packageName));
      } finally {
        this.binding.delete(macro.template);
      }
      this.bound.set(macro.template, fns);
    }
    const fn = fns[macro.name];
    if (!fn) throw new Error(`internal: macro ${macro.uniqueId} not found in its compiled template`);
    return fn;
  }
}

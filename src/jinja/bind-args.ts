// bindArgs: Python argument binding for JS functions marked with pyfunction().
import type { BindArgs, Kwargs } from './api.js';
import { renderFault } from './errors.js';

export const bindArgs: BindArgs = (params: string[], args: unknown[], kwargs: Kwargs, fnName: string) => {
  if (args.length > params.length) {
    throw renderFault(`${fnName}() takes at most ${params.length} argument${params.length === 1 ? '' : 's'} (${args.length} given)`, `Its parameters are: ${params.join(', ')}.`);
  }
  const out: Record<string, unknown> = {};
  params.forEach((p, i) => {
    if (i < args.length) out[p] = args[i];
  });
  for (const k in kwargs) {
    if (!params.includes(k)) throw renderFault(`${fnName}() got an unexpected keyword argument '${k}'`, `Its parameters are: ${params.join(', ')}.`);
    if (k in out) throw renderFault(`${fnName}() got multiple values for argument '${k}'`);
    out[k] = kwargs[k];
  }
  return out;
};

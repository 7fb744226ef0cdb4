/**
 * Parameter storage shared by distributions and bijectors: parameters are kept as given
 * (tensors, or variables read at use), batch shapes come from their shapes and declared
 * event ndims, trainable variables are collected in parameter order, and `validateArgs`
 * checks run over the current values.
 */
import { Tensor } from '../np/tensor.js';
import { asTensor } from '../np/asarray.js';
import { broadcastShapes } from '../np/shape.js';
import { isDeferred, uniqueVariables, type ParamInput, type Variable } from './variable.js';

/** Keeps variables, converts everything else to tensors; skips undefined entries. */
export function storeParams(params: Record<string, ParamInput | undefined>): Record<string, ParamInput> {
  const kept: Record<string, ParamInput> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) kept[k] = isDeferred(v) ? v : asTensor(v, undefined, k);
  return kept;
}

/** The broadcast of the parameters' batch shapes (their shapes minus their event ndims). */
export function paramsBatchShape(params: Record<string, ParamInput>, eventNdims: Record<string, { readonly eventNdims: number }>, owner: string): number[] {
  let shape: number[] = [];
  for (const [name, pp] of Object.entries(eventNdims)) {
    const p = params[name];
    if (p === undefined) continue;
    const ps = isDeferred(p) ? p.value.shape : (p as Tensor).shape;
    if (ps.length < pp.eventNdims) throw new RangeError(`${owner}: ${name} must have at least ${pp.eventNdims} dimension(s); got shape [${ps.join(', ')}]`);
    shape = broadcastShapes(shape, ps.slice(0, ps.length - pp.eventNdims), `${owner}: parameters`);
  }
  return shape;
}

/**
 * The trainable variables reachable from `values`: variables' own, those of anything with
 * a `trainableVariables` list (distributions, bijectors), and inside arrays and plain
 * objects; first-seen order, each once.
 */
export function collectVariables(values: Iterable<unknown>): Variable[] {
  const out: Variable[] = [];
  const visit = (v: unknown): void => {
    if (v === null || v === undefined || v instanceof Tensor || ArrayBuffer.isView(v)) return;
    if (isDeferred(v)) out.push(...v.trainableVariables);
    else if (Array.isArray(v)) v.forEach(visit);
    else if ((typeof v === 'object' || typeof v === 'function') && 'trainableVariables' in (v as object)) {
      out.push(...(v as { trainableVariables: Variable[] }).trainableVariables);
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) Object.values(v as object).forEach(visit);
  };
  for (const v of values) visit(v);
  return uniqueVariables(out);
}

/** Throws a RangeError `${owner}: ${name} must be ${expectation}; got ...` at the first element failing `ok` (NaN fails). */
export function checkElements(t: Tensor, ok: (v: number) => boolean, owner: string, name: string, expectation: string): void {
  const d = t.data();
  for (let i = 0; i < d.length; i++) {
    if (!ok(Number(d[i]))) throw new RangeError(`${owner}: ${name} must be ${expectation}; got ${d[i]}${d.length > 1 ? ` at index ${i}` : ''}`);
  }
}

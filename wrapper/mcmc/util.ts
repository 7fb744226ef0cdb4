/**
 * Shared MCMC helpers: the target's log-prob and gradients (TFP's
 * `mcmc.internal.util.maybe_call_fn_and_grads`), the flat per-chain layout of a state's
 * parts that the leapfrog integrator keeps in wasm linear memory, per-chain selection of
 * kernel results (TFP's `mcmc_util.choose`), and option checks shared by the kernels.
 *
 * Chains: the target returns one log-prob per chain (its shape is the "batch shape",
 * `[]` for one chain); every part has that shape as a prefix. Chains are independent,
 * so the gradient of the sum over chains is, chain by chain, each chain's own gradient.
 */
import { Tensor } from '../np/tensor.js';
import { asTensor, isFloat } from '../np/asarray.js';
import { allocFor } from '../np/dtypes.js';
import * as np from '../np/index.js';
import { valueAndGrad } from '../autodiff/grad.js';
import type { TargetLogProbFn } from './kernel.js';
import type { TypedArray } from '../types/dtype.js';

/** A float dtype the samplers run in. */
export type FloatType = 'float32' | 'float64';

/** A step size or per-part coefficient: one value for every part, or one per part. */
export type PerPart = number | Tensor | readonly (number | Tensor)[];

/** Value and gradients of the target at a state (see {@link targetAndGrads}). */
export interface TargetAndGrads {
  /** The target log-prob, one value per chain (shape = the batch shape). */
  readonly logProb: Tensor;
  /** d(sum over chains of logProb) / d part, one tensor per part (each part's shape). */
  readonly grads: Tensor[];
}

const cache = new WeakMap<TargetLogProbFn, Map<number, (...parts: Tensor[]) => [[Tensor, Tensor], Tensor[]]>>();

function gradFn(fn: TargetLogProbFn, k: number): (...parts: Tensor[]) => [[Tensor, Tensor], Tensor[]] {
  let m = cache.get(fn);
  if (!m) cache.set(fn, (m = new Map()));
  let vg = m.get(k);
  if (!vg) {
    const argnums = Array.from({ length: k }, (_, i) => i);
    vg = valueAndGrad((...parts: Tensor[]) => {
      const lp = asTensor(fn(...parts) as Tensor);
      return [np.sum(lp), lp];
    }, { argnums, hasAux: true }) as unknown as (...parts: Tensor[]) => [[Tensor, Tensor], Tensor[]];
    m.set(k, vg);
  }
  return vg;
}

/**
 * The target log-prob at `parts` and its gradient with respect to each part: the gradient
 * of the sum over chains (chains are independent, so each chain gets its own gradient),
 * as TFP's `maybe_call_fn_and_grads`. The target is called as `fn(...parts)`.
 * @example
 * ```ts
 * const { logProb, grads } = targetAndGrads((x) => np.multiply(-0.5, np.sum(np.square(x), -1)), [x]);
 * ```
 */
export function targetAndGrads(fn: TargetLogProbFn, parts: readonly Tensor[]): TargetAndGrads {
  if (typeof fn !== 'function') throw new TypeError('targetAndGrads: fn must be a function of the state parts');
  if (parts.length === 0) throw new TypeError('targetAndGrads: the state has no parts');
  const [[, logProb], grads] = gradFn(fn, parts.length)(...parts);
  if (!isFloat(logProb.dtype)) {
    throw new TypeError(`targetLogProbFn must return a float tensor; it returned dtype ${logProb.dtype}`);
  }
  return { logProb, grads };
}

/** Whether `shape` starts with `prefix`. */
export function hasPrefix(shape: readonly number[], prefix: readonly number[]): boolean {
  if (shape.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (shape[i] !== prefix[i]) return false;
  return true;
}

/**
 * The flat layout of a state in linear memory: `nChains` rows of `d` elements, a row being
 * one chain's parts concatenated (part k at column `offsets[k]`, `sizes[k]` elements).
 * With one part, the flat vector is the part's own row-major data.
 */
export class PartsLayout {
  readonly nChains: number;
  readonly d: number;
  readonly n: number;
  readonly offsets: number[];
  readonly sizes: number[];

  constructor(readonly batchShape: readonly number[], readonly shapes: readonly (readonly number[])[], readonly dtype: FloatType) {
    this.nChains = batchShape.reduce((a, b) => a * b, 1);
    this.offsets = [];
    this.sizes = [];
    let d = 0;
    shapes.forEach((s, k) => {
      if (!hasPrefix(s, batchShape)) {
        throw new RangeError(`state part ${k} has shape [${s.join(', ')}], which does not start with the chain (batch) shape [${batchShape.join(', ')}] of the target log-prob`);
      }
      const size = s.slice(batchShape.length).reduce((a, b) => a * b, 1);
      this.offsets.push(d);
      this.sizes.push(size);
      d += size;
    });
    this.d = d;
    this.n = d * this.nChains;
  }

  /** The layout of `parts` for a target whose log-prob has shape `batchShape`. */
  static of(parts: readonly Tensor[], batchShape: readonly number[]): PartsLayout {
    const dtype = parts[0].dtype;
    parts.forEach((p, k) => {
      if (p.dtype !== 'float32' && p.dtype !== 'float64') throw new TypeError(`state part ${k} must be float32 or float64; got ${p.dtype}`);
      if (p.dtype !== dtype) throw new TypeError(`all state parts must share one dtype; part 0 is ${dtype}, part ${k} is ${p.dtype}`);
    });
    return new PartsLayout(batchShape, parts.map((p) => p.shape), dtype as FloatType);
  }

  /** Whether `parts` have this layout's shapes and dtype. */
  matches(parts: readonly Tensor[]): boolean {
    return parts.length === this.shapes.length && parts.every((p, k) =>
      p.dtype === this.dtype && p.shape.length === this.shapes[k].length && p.shape.every((v, i) => v === this.shapes[k][i]));
  }

  /** Copies per-part data (each in its part's row-major order) into the flat vector `dst` at `at`. */
  gather(datas: readonly ArrayLike<number>[], dst: TypedArray, at: number): void {
    const { nChains, d } = this;
    datas.forEach((src, k) => {
      const size = this.sizes[k], off = this.offsets[k];
      if (this.shapes.length === 1) { dst.set(src as ArrayLike<number>, at); return; }
      for (let c = 0; c < nChains; c++) {
        const s = (src as TypedArray).subarray ? (src as TypedArray).subarray(c * size, (c + 1) * size) : Array.prototype.slice.call(src, c * size, (c + 1) * size);
        dst.set(s as ArrayLike<number>, at + c * d + off);
      }
    });
  }

  /** Copies the flat vector at `src[at..]` out into new tensors, one per part. */
  scatter(src: TypedArray, at: number): Tensor[] {
    const { nChains, d } = this;
    return this.shapes.map((shape, k) => {
      const size = this.sizes[k], off = this.offsets[k];
      const out = allocFor(this.dtype, size * nChains);
      if (this.shapes.length === 1) out.set(src.subarray(at, at + this.n));
      else for (let c = 0; c < nChains; c++) out.set(src.subarray(at + c * d + off, at + c * d + off + size), c * size);
      return new Tensor(out, shape);
    });
  }

  /**
   * A per-part coefficient (step size, inverse mass) materialized in the flat layout:
   * each part's value is broadcast (NumPy rules) to the part's full shape.
   */
  expand(values: readonly Tensor[], what: string): Float64Array {
    const out = new Float64Array(this.n);
    const datas = values.map((v, k) => {
      try {
        return np.broadcastTo(v, this.shapes[k])._data;
      } catch {
        throw new RangeError(`${what} for part ${k} has shape [${v.shape.join(', ')}], which does not broadcast to the part's shape [${this.shapes[k].join(', ')}]`);
      }
    });
    this.gather(datas, out, 0);
    return out;
  }
}

/**
 * Normalizes a per-part option (a number or tensor for every part, or an array with one
 * entry per part) to one tensor per part, checking every element with `ok`.
 */
export function perPart(value: PerPart, nParts: number, dtype: FloatType, what: string, ok: (v: number) => boolean, rule: string): Tensor[] {
  const list = Array.isArray(value) ? value as readonly (number | Tensor)[] : [value as number | Tensor];
  if (list.length !== 1 && list.length !== nParts) {
    throw new RangeError(`${what} must be one value or one per state part (${nParts}); got ${list.length}`);
  }
  const ts = list.map((v) => np.astype(asTensor(v as number), dtype));
  ts.forEach((t, k) => {
    for (const x of t._data) if (!ok(x)) throw new RangeError(`${what}${list.length > 1 ? ` of part ${k}` : ''} must be ${rule}; got ${x}`);
  });
  return list.length === 1 ? Array.from({ length: nParts }, () => ts[0]) : ts;
}

/** Checks a per-part option's values at construction (numbers only; tensors are checked at use). */
export function checkPerPartOption(value: unknown, what: string, ok: (v: number) => boolean, rule: string): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new RangeError(`${what} must not be an empty array`);
  for (const v of list) {
    if (typeof v === 'number') {
      if (!ok(v)) throw new RangeError(`${what} must be ${rule}; got ${v}`);
    } else if (!(v instanceof Tensor) && !ArrayBuffer.isView(v) && !Array.isArray(v)) {
      throw new TypeError(`${what} must be a number, a tensor, or an array of them (one per state part); got ${typeof v}`);
    }
  }
}

/** Per-chain values of a tensor of the batch shape as a Float64Array (a scalar broadcasts). */
export function perChain(t: Tensor, nChains: number): Float64Array {
  const out = new Float64Array(nChains);
  if (t.size === 1) out.fill(Number(t._data[0]));
  else out.set(t._data as ArrayLike<number>);
  return out;
}

/** A tensor of the batch shape from per-chain numbers. */
export function chainTensor(values: ArrayLike<number>, batchShape: readonly number[], dtype: FloatType | 'int32' | 'bool'): Tensor {
  const a = dtype === 'bool' ? new Uint8Array(values.length) : allocFor(dtype, values.length);
  for (let i = 0; i < values.length; i++) a[i] = Number(values[i]);
  return new Tensor(a, batchShape);
}

/**
 * Chooses, chain by chain, between two structures of the same shape (TFP's
 * `mcmc_util.choose`): where `accept[c]` is set, chain c's slice of `a`, else of `b`.
 * Tensors whose shape starts with the batch shape are selected per chain; identical values
 * are kept; other leaves (shared scalars) come from `a`.
 */
export function choose<T>(accept: ArrayLike<number | boolean>, batchShape: readonly number[], a: T, b: T): T {
  const nChains = accept.length;
  let all = true, none = true;
  for (let c = 0; c < nChains; c++) { if (accept[c]) none = false; else all = false; }
  const pick = (x: unknown, y: unknown): unknown => {
    if (x === y) return x;
    if (x instanceof Tensor && y instanceof Tensor) {
      if (all) return x;
      if (none) return y;
      if (x.dtype !== y.dtype || !hasPrefix(x.shape, batchShape) || x.size !== y.size) return x;
      const per = x.size / nChains;
      const out = allocFor(x.dtype, x.size);
      for (let c = 0; c < nChains; c++) {
        out.set((accept[c] ? x : y)._data.subarray(c * per, (c + 1) * per), c * per);
      }
      return new Tensor(out, x.shape);
    }
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) return x.map((e, i) => pick(e, y[i]));
    if (x && y && typeof x === 'object' && typeof y === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x)) out[k] = pick((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]);
      return out;
    }
    return x;
  };
  return pick(a, b) as T;
}

/** `log(exp(a) + exp(b))` for numbers, exact at infinities. */
export function logAddExp(a: number, b: number): number {
  const m = Math.max(a, b);
  if (m === -Infinity) return -Infinity;
  if (m === Infinity) return Infinity;
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Rounds to the dtype (float32 values are kept as float32 would hold them). */
export function roundTo(dtype: FloatType): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x: number) => x;
}

/** Structural ops: pad, tril, triu, diag, diagonal, flip. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor } from '../asarray.js';
import { describe } from '../dtypes.js';
import { normalizeAxes } from '../shape.js';
import { axisArg, padPrim, revPrim, scatterAddPrim } from '../prims/indexing.js';
import { where } from './elementwise.js';
import { reshape, transpose } from './shape.js';
import { take } from './indexing.js';
import { zeros } from './creation.js';

const fmt = (s: readonly number[]): string => `[${s.join(', ')}]`;

/**
 * Broadcasts a pad-like argument (a number, `[v]`, `[before, after]`, `[[before, after]]`
 * or one `[before, after]` per axis) to `ndim` pairs, as NumPy's `np.broadcast_to(x, (ndim, 2))`.
 */
function pairs(x: unknown, ndim: number, arg: string, int: boolean): [number, number][] {
  const bad = (): never => {
    throw new RangeError(`pad: ${arg} must be a number, [before, after], or one [before, after] pair per axis (${ndim} axes); got ${describe(x)}`);
  };
  const num = (v: unknown): number => {
    if (typeof v !== 'number' || (int && (!Number.isInteger(v) || v < 0))) {
      if (int) throw new RangeError(`pad: ${arg} must hold non-negative integers; got ${describe(v)} in ${describe(x)}`);
      throw new TypeError(`pad: ${arg} must hold numbers; got ${describe(v)} in ${describe(x)}`);
    }
    return v;
  };
  const row = (r: unknown): [number, number] => {
    if (typeof r === 'number') return [num(r), num(r)];
    if (!Array.isArray(r) || r.length < 1 || r.length > 2) return bad();
    return r.length === 1 ? [num(r[0]), num(r[0])] : [num(r[0]), num(r[1])];
  };
  if (typeof x === 'number') return Array.from({ length: ndim }, () => row(x));
  if (!Array.isArray(x)) return bad();
  if (x.every((v) => typeof v === 'number')) {
    const r = row(x);
    return Array.from({ length: ndim }, () => r);
  }
  if (!x.every(Array.isArray)) return bad();
  if (x.length === 1) { const r = row(x[0]); return Array.from({ length: ndim }, () => r); }
  if (x.length !== ndim) {
    throw new RangeError(`pad: ${arg} has ${x.length} [before, after] pairs but the array has ${ndim} dimensions; got ${describe(x)}`);
  }
  return x.map(row);
}

/** Options of {@link pad}. */
export interface PadOptions {
  /**
   * 'constant' (default): fill with `constantValues`; 'edge': repeat the edge values;
   * 'reflect': mirror without repeating the edge; 'symmetric': mirror repeating the edge;
   * 'wrap': repeat the array periodically. Padding wider than the axis repeats the pattern,
   * as NumPy does.
   */
  mode?: 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';
  /**
   * Constant mode's values: one number, `[before, after]`, or a pair per axis (axes are
   * padded in order, so later axes' values fill the corners, as in NumPy). Default 0.
   * Plain numbers only: they are not differentiated.
   */
  constantValues?: number | readonly number[] | readonly (readonly number[])[];
}

/**
 * Pads an array (jnp.pad). `padWidth` is a number, `[before, after]`, or one
 * `[before, after]` pair per axis (NumPy broadcasting of `(ndim, 2)`). Differentiable in
 * `a` for every mode.
 * @example
 * ```ts
 * np.pad([1, 2], 1).toArray();                              // [0, 1, 2, 0]
 * np.pad([1, 2], [2, 1], { mode: 'edge' }).toArray();       // [1, 1, 1, 2, 2]
 * np.pad(np.ones([2, 2]), [[1, 0], [0, 2]], { constantValues: 9 }).shape; // [3, 4]
 * ```
 */
export function pad(a: ArrayLike, padWidth: number | readonly number[] | readonly (readonly number[])[], options: PadOptions = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  const nd = t.ndim;
  const widths = pairs(padWidth, nd, 'padWidth', true);
  const mode = options.mode ?? 'constant';
  if (mode === 'constant') {
    const values = pairs(options.constantValues ?? 0, nd, 'constantValues', false);
    if (widths.every(([b, e]) => b === 0 && e === 0)) return t;
    const v0 = values[0]?.[0] ?? 0;
    if (values.every(([b, e]) => Object.is(b, v0) && Object.is(e, v0))) {
      return bind(padPrim, [t], { low: widths.map((w) => w[0]), high: widths.map((w) => w[1]), interior: widths.map(() => 0), value: v0 });
    }
    for (let d = 0; d < nd; d++) {
      for (const side of [0, 1] as const) {
        if (widths[d][side] === 0) continue;
        const low = t.shape.map((_, k) => (k === d && side === 0 ? widths[d][0] : 0));
        const high = t.shape.map((_, k) => (k === d && side === 1 ? widths[d][1] : 0));
        t = bind(padPrim, [t], { low, high, interior: low.map(() => 0), value: values[d][side] });
      }
    }
    return t;
  }
  if (mode !== 'edge' && mode !== 'reflect' && mode !== 'symmetric' && mode !== 'wrap') {
    throw new RangeError(`pad: mode must be 'constant', 'edge', 'reflect', 'symmetric' or 'wrap'; got ${describe(mode)}`);
  }
  if (options.constantValues !== undefined) throw new TypeError(`pad: constantValues only applies to mode 'constant' (mode is '${mode}')`);
  for (let d = 0; d < nd; d++) {
    const [b, e] = widths[d], n = t.shape[d];
    if (b === 0 && e === 0) continue;
    if (n === 0) throw new RangeError(`pad: cannot extend empty axis ${d} (array of shape ${fmt(t.shape)}) with mode '${mode}'`);
    const idx = new Int32Array(b + n + e);
    for (let i = 0; i < idx.length; i++) {
      const j = i - b;
      let s: number;
      if (mode === 'edge') s = j < 0 ? 0 : j >= n ? n - 1 : j;
      else if (mode === 'wrap') s = ((j % n) + n) % n;
      else if (mode === 'symmetric') { const m = ((j % (2 * n)) + 2 * n) % (2 * n); s = m < n ? m : 2 * n - 1 - m; }
      else if (n === 1) s = 0;
      else { const p = 2 * (n - 1), m = ((j % p) + p) % p; s = m < n ? m : p - m; }
      idx[i] = s;
    }
    t = take(t, new Tensor(idx, [idx.length]), { axis: d, mode: 'clip' });
  }
  return t;
}

function triangle(m: ArrayLike, k: number, what: 'tril' | 'triu'): Tensor {
  const t = asTensor(m, undefined, 'm');
  if (t.ndim < 2) throw new RangeError(`${what}: m must have at least 2 dimensions; got shape ${fmt(t.shape)}`);
  if (typeof k !== 'number' || !Number.isInteger(k)) throw new TypeError(`${what}: k must be an integer; got ${describe(k)}`);
  const rows = t.shape[t.ndim - 2], cols = t.shape[t.ndim - 1];
  const mask = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) mask[i * cols + j] = (what === 'tril' ? j - i <= k : j - i >= k) ? 1 : 0;
  }
  return where(new Tensor(mask, [rows, cols]), t, zeros([], t.dtype));
}

/**
 * Lower triangle: zeros above diagonal `k` of the last two axes (batched over the leading
 * ones), like jnp.tril; `k > 0` keeps that many superdiagonals.
 * @example `np.tril([[1, 2], [3, 4]]).toArray() // [[1, 0], [3, 4]]`
 */
export const tril = (m: ArrayLike, k = 0): Tensor => triangle(m, k, 'tril');

/**
 * Upper triangle: zeros below diagonal `k` of the last two axes (batched), like jnp.triu.
 * @example `np.triu([[1, 2], [3, 4]]).toArray() // [[1, 2], [0, 4]]`
 */
export const triu = (m: ArrayLike, k = 0): Tensor => triangle(m, k, 'triu');

/**
 * Diagonal `offset` of the 2-D planes spanned by `axis1` and `axis2` (jnp.diagonal): those
 * two axes are removed and the diagonal becomes the last axis. `offset > 0` is above the
 * main diagonal.
 * @example `np.diagonal([[1, 2], [3, 4]]).toArray() // [1, 4]`
 */
export function diagonal(a: ArrayLike, options: { offset?: number; axis1?: number; axis2?: number } = {}): Tensor {
  const t = asTensor(a, undefined, 'a');
  if (t.ndim < 2) throw new RangeError(`diagonal: a must have at least 2 dimensions; got shape ${fmt(t.shape)}`);
  const offset = options.offset ?? 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset)) throw new TypeError(`diagonal: offset must be an integer; got ${describe(offset)}`);
  const a1 = axisArg(options.axis1 ?? 0, t.ndim, 'diagonal'), a2 = axisArg(options.axis2 ?? 1, t.ndim, 'diagonal');
  if (a1 === a2) throw new RangeError(`diagonal: axis1 and axis2 must differ; both are axis ${a1} (array of shape ${fmt(t.shape)})`);
  const keep = t.shape.map((_, i) => i).filter((i) => i !== a1 && i !== a2);
  const n = t.shape[a1], m = t.shape[a2];
  const moved = reshape(transpose(t, [...keep, a1, a2]), [...keep.map((i) => t.shape[i]), n * m]);
  const len = Math.max(0, offset >= 0 ? Math.min(n, m - offset) : Math.min(n + offset, m));
  const pos = new Int32Array(len);
  for (let i = 0; i < len; i++) pos[i] = offset >= 0 ? i * m + i + offset : (i - offset) * m + i;
  return take(moved, new Tensor(pos, [len]), { axis: keep.length });
}

/**
 * jnp.diag: a 1-D `v` becomes a square matrix with `v` on diagonal `k`; a 2-D `v` gives
 * its diagonal `k`.
 * @example
 * ```ts
 * np.diag([1, 2]).toArray();         // [[1, 0], [0, 2]]
 * np.diag([1, 2], 1).shape;          // [3, 3]
 * np.diag([[1, 2], [3, 4]]).toArray(); // [1, 4]
 * ```
 */
export function diag(v: ArrayLike, k = 0): Tensor {
  const t = asTensor(v, undefined, 'v');
  if (typeof k !== 'number' || !Number.isInteger(k)) throw new TypeError(`diag: k must be an integer; got ${describe(k)}`);
  if (t.ndim === 2) return diagonal(t, { offset: k });
  if (t.ndim !== 1) throw new RangeError(`diag: v must be 1-D or 2-D; got shape ${fmt(t.shape)}`);
  const len = t.shape[0], n = len + Math.abs(k);
  const pos = new Int32Array(len);
  for (let i = 0; i < len; i++) pos[i] = (i + Math.max(-k, 0)) * n + i + Math.max(k, 0);
  const flat = bind(scatterAddPrim, [zeros([n * n], t.dtype), new Tensor(pos, [len]), t], { axis: 0, mode: 'fill' });
  return reshape(flat, [n, n]);
}

/**
 * Reverses the order of elements along the given axes (all of them by default), like
 * jnp.flip.
 * @example `np.flip([[1, 2], [3, 4]], 1).toArray() // [[2, 1], [4, 3]]`
 */
export function flip(a: ArrayLike, axis?: number | readonly number[] | null): Tensor {
  const t = asTensor(a, undefined, 'a');
  const axes = normalizeAxes(axis, t.ndim, 'flip');
  if (axes.length === 0 || t.size === 0) return t;
  return bind(revPrim, [t], { axes });
}

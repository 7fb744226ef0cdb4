import type { KeyLike } from '../types/random.js';
import type { ArrayLike, DType, Shape, TypedArray } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { allocFor, describe } from '../np/dtypes.js';
import { sizeOf } from '../np/shape.js';
import { defaultFloat } from '../config.js';
import { core } from '../runtime/core.js';
import { keyInfo, splitWords, type KeyInfo } from './key.js';
import { readArgs } from './args.js';
import { bits32At, shapeArg } from './engine.js';
import { drawArray, keyAt } from './scalar.js';
import { randint } from './discrete.js';
import { boolArg, checkValues, isFloat, normAxis, readParam, takeAlong, type Param, type Nums } from './params.js';

/** Options of {@link permutation}. */
export interface PermutationOptions { x?: number | ArrayLike; axis?: number; independent?: boolean }
/** Options of {@link choice}. */
export interface ChoiceOptions { a?: number | ArrayLike; shape?: Shape | number; replace?: boolean; p?: ArrayLike; axis?: number }

/** The dtype JAX gives an array argument: its own, else int32 for integer lists, else the default float. */
function arrayDType(p: Param): DType {
  if (p.dtype !== undefined) return p.dtype;
  for (let i = 0; i < p.values.length; i++) if (!Number.isInteger(p.values[i])) return defaultFloat();
  return 'int32';
}

function toTyped(p: Param, dtype: DType): TypedArray {
  const a = allocFor(dtype, p.values.length);
  for (let i = 0; i < a.length; i++) a[i] = p.values[i];
  return a;
}

/** Stable argsort of uint32 keys (LSD radix sort, two 16-bit passes). */
function argsortU32(keys: Nums, n: number): Uint32Array {
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 64) return Uint32Array.from(Array.from(idx).sort((a, b) => keys[a] - keys[b] || a - b));
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((keys[idx[i]] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) tmp[count[(keys[idx[i]] >>> shift) & 0xffff]++] = idx[i];
    [idx, tmp] = [tmp, idx];
  }
  return idx;
}

/**
 * JAX's `_shuffle(key, x, axis)`: `ceil(3 ln(max(1, x.size)) / ln(2^32 - 1))` rounds of
 * `key, subkey = split(key)` then a stable sort of x along `axis` by `bits(subkey, x.shape)`.
 */
function shuffle(k: KeyInfo, values: TypedArray, shape: readonly number[], axis: number): TypedArray {
  const size = values.length;
  const rounds = Math.ceil(3 * Math.log(Math.max(1, size)) / Math.log(4294967295));
  const c = core();
  const outer = sizeOf(shape.slice(0, axis)), n = shape[axis], inner = sizeOf(shape.slice(axis + 1));
  let x = values;
  let key = k;
  const sk = new Uint32Array(n);
  for (let r = 0; r < rounds; r++) {
    const w = splitWords(key, 2);
    key = keyAt(w, 0, k);
    const sub = keyAt(w, 1, k);
    const sortKeys = c.ws.scoped(() => c.ws.u32(bits32At(c, sub, size), size).slice());
    const next = x.slice();
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        for (let j = 0; j < n; j++) sk[j] = sortKeys[base + j * inner];
        const ord = argsortU32(sk, n);
        for (let j = 0; j < n; j++) next[base + j * inner] = x[base + ord[j] * inner];
      }
    }
    x = next;
  }
  return x;
}

/** A shuffled arange(n) (JAX's `_shuffle(key, arange(n), 0)`), as int32. */
function shuffledRange(k: KeyInfo, n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return shuffle(k, r, [n], 0) as Int32Array;
}

function countArg(x: number, fn: string, arg: string): number {
  if (!Number.isInteger(x) || x < 0 || x > 2 ** 29) {
    throw new RangeError(`${fn}: ${arg} must be a non-negative integer (at most 2^29) or an array; got ${describe(x)}`);
  }
  return x;
}

/**
 * A random permutation, as `jax.random.permutation(key, x, axis, independent)`: for an
 * integer `x`, a shuffled `arange(x)` (int32); for an array, `x` permuted along `axis`
 * (with `independent`, each slice along `axis` is shuffled on its own). Bit-exact with
 * JAX: the same rounds of split + 32-bit sort keys + stable sort.
 *
 * @example
 * ```ts
 * random.permutation(random.key(0), 5);                    // a shuffle of [0, 1, 2, 3, 4]
 * random.permutation(random.key(0), [[1, 2], [3, 4], [5, 6]]); // rows permuted
 * random.permutation(random.key(0), [[1, 2, 3], [4, 5, 6]], { axis: 1, independent: true });
 * ```
 */
export function permutation(key: KeyLike, x: number | ArrayLike | PermutationOptions, axis?: number | PermutationOptions, independent?: boolean | PermutationOptions): Tensor;
export function permutation(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'permutation';
  const o = readArgs<{ x: unknown; axis: unknown; independent: unknown }>(fn, ['x', 'axis', 'independent'], rest);
  const k = keyInfo(key);
  if (o.x === undefined) throw new TypeError(`${fn}: x is required (an integer or an array)`);
  const indep = boolArg(o.independent, false, fn, 'independent');
  const p = readParam(o.x, fn, 'x');
  if (p.shape.length === 0) {
    if (p.dtype !== undefined && p.dtype !== 'int32' && p.dtype !== 'uint32') {
      throw new TypeError(`${fn}: x must be an integer or at least 1-dimensional; got a 0-d ${p.dtype} array`);
    }
    normAxis(o.axis ?? 0, 1, fn);
    const n = countArg(p.values[0], fn, 'x');
    return new Tensor(shuffledRange(k, n), [n]);
  }
  const ax = normAxis(o.axis ?? 0, p.shape.length, fn);
  const dtype = arrayDType(p);
  const values = toTyped(p, dtype);
  if (indep || p.shape.length === 1) return new Tensor(shuffle(k, values, p.shape, ax), p.shape);
  const ind = shuffledRange(k, p.shape[ax]);
  return takeAlong(values, p.shape, ax, ind, [ind.length], dtype);
}

/**
 * Random samples from an array or range, as `jax.random.choice(key, a, shape, replace,
 * p, axis)`, with JAX's algorithms: without `p`, `randint` (with replacement) or a
 * `permutation` prefix (without); with `p`, inverse-CDF search on `cumsum(p)` (with
 * replacement) or the Gumbel top-k trick (without). `a` is an integer n (sampling
 * `arange(n)`, int32) or an array sampled along `axis`; the result has shape `shape`
 * (integer `a`) or `a.shape[:axis] + shape + a.shape[axis+1:]`. `p` must be non-negative
 * with a positive sum (it need not sum to 1, as in JAX).
 *
 * Exactness: bit-exact with JAX without `p` and with `p` without replacement; with `p`
 * and replacement, `cumsum(p)` is summed sequentially in p's precision, which can differ
 * from XLA's cumsum in the last bit and so, rarely, change a sample at a boundary.
 *
 * @example
 * ```ts
 * random.choice(random.key(0), 10, [3]);                          // int32 draws from 0..9
 * random.choice(random.key(0), 5, [5], false);                    // a permutation of 0..4
 * random.choice(random.key(0), [10, 20, 30], [4], true, [0.2, 0.3, 0.5]);
 * random.choice(random.key(0), 4, { shape: [2], replace: false, p: [0.1, 0.2, 0.3, 0.4] });
 * ```
 */
export function choice(key: KeyLike, a: number | ArrayLike | ChoiceOptions, shape?: Shape | number | ChoiceOptions, replace?: boolean | ChoiceOptions, p?: ArrayLike | ChoiceOptions, axis?: number | ChoiceOptions): Tensor;
export function choice(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'choice';
  const o = readArgs<{ a: unknown; shape: unknown; replace: unknown; p: unknown; axis: unknown }>(fn, ['a', 'shape', 'replace', 'p', 'axis'], rest);
  const k = keyInfo(key);
  if (o.a === undefined) throw new TypeError(`${fn}: a is required (an integer or an array)`);
  const shape = shapeArg(o.shape, fn);
  const replace = boolArg(o.replace, true, fn, 'replace');
  const ap = readParam(o.a, fn, 'a');
  const scalar = ap.shape.length === 0;
  let n: number, ax = 0, dtype: DType = 'int32';
  if (scalar) {
    if (ap.dtype !== undefined && ap.dtype !== 'int32' && ap.dtype !== 'uint32') {
      throw new TypeError(`${fn}: a must be an integer or at least 1-dimensional; got a 0-d ${ap.dtype} array`);
    }
    if (!Number.isInteger(ap.values[0])) throw new TypeError(`${fn}: a must be an integer or an array; got ${ap.values[0]}`);
    n = ap.values[0];
  } else {
    ax = normAxis(o.axis ?? 0, ap.shape.length, fn);
    n = ap.shape[ax];
    dtype = arrayDType(ap);
  }
  const nDraws = sizeOf(shape);
  const outShape = scalar ? shape : [...ap.shape.slice(0, ax), ...shape, ...ap.shape.slice(ax + 1)];
  const finish = (ind: Nums): Tensor => {
    if (scalar) {
      const r = new Int32Array(nDraws);
      for (let i = 0; i < nDraws; i++) r[i] = ind[i];
      return new Tensor(r, shape);
    }
    return takeAlong(toTyped(ap, dtype), ap.shape, ax, ind, shape, dtype);
  };
  if (nDraws === 0) return new Tensor(allocFor(dtype, 0), outShape);
  if (n <= 0) throw new RangeError(`${fn}: a must be greater than 0 unless no samples are taken; got ${scalar ? `a=${n}` : `a.shape[${ax}] = ${n}`}`);
  if (!replace && nDraws > n) {
    throw new RangeError(`${fn}: cannot take a larger sample (size ${nDraws}) than the population (size ${n}) when replace=false`);
  }
  if (o.p === undefined) {
    if (replace) {
      if (n > 2 ** 31) throw new RangeError(`${fn}: a population of ${n} is too large for int32 indices (at most 2^31)`);
      return finish(randint(key, shape, 0, n)._data);
    }
    if (n > 2 ** 29) throw new RangeError(`${fn}: a=${n} is too large for sampling without replacement (at most 2^29)`);
    return finish(shuffledRange(k, n).subarray(0, nDraws));
  }
  const pp = readParam(o.p, fn, 'p');
  if (pp.shape.length !== 1 || pp.shape[0] !== n) {
    throw new RangeError(`${fn}: p must be a 1-D array of the same size as ${scalar ? 'a' : `a.shape[${ax}]`} (${n}); got shape [${pp.shape.join(', ')}]`);
  }
  if (pp.dtype !== undefined && !isFloat(pp.dtype) && pp.dtype !== 'int32' && pp.dtype !== 'uint32') {
    throw new TypeError(`${fn}: p must be numeric; got a ${pp.dtype} array`);
  }
  checkValues(pp, fn, 'p', 'must be non-negative and finite', (v) => v >= 0 && v < Infinity);
  const pdt = isFloat(pp.dtype) ? pp.dtype : defaultFloat(); // promote_dtypes_inexact
  const cast = pdt === 'float32' ? Math.fround : (x: number) => x;
  let total = 0;
  for (let i = 0; i < n; i++) total += pp.values[i];
  if (!(total > 0)) throw new RangeError(`${fn}: p must have a positive sum; got all zeros`);
  if (replace) {
    const cum = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) { s = cast(s + cast(pp.values[i])); cum[i] = s; }
    const last = cum[n - 1];
    const u = drawArray(k, shape, pdt, 'uniform');
    const ind = new Int32Array(nDraws);
    for (let i = 0; i < nDraws; i++) {
      const r = cast(last * cast(1 - u[i]));
      // searchsorted(cum, r, side='left'): first index with cum[j] >= r
      let lo = 0, hi = n;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (cum[mid] < r) lo = mid + 1; else hi = mid; }
      ind[i] = lo;
    }
    return finish(ind);
  }
  // Gumbel top-k: argsort(-gumbel(key, (n,)) - log(p))[:n_draws]
  const g = drawArray(k, [n], pdt, 'gumbel');
  const { ex } = core();
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pv = cast(pp.values[i]);
    const lg = pdt === 'float32' ? ex.log32(pv) : Math.log(pv);
    score[i] = cast(-g[i] - lg);
  }
  const ord = Array.from({ length: n }, (_, i) => i).sort((x, y) => (score[x] - score[y]) || x - y);
  return finish(ord.slice(0, nDraws));
}

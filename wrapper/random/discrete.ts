import type { KeyLike } from '../types/random.js';
import type { ArrayLike, FloatDType, IntDType, Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { checkDType } from '../np/dtypes.js';
import { defaultFloat } from '../config.js';
import { broadcastIndex, checkShape, sizeOf } from '../np/shape.js';
import { core } from '../runtime/core.js';
import { keyInfo, splitWords, type KeyInfo } from './key.js';
import { readArgs } from './args.js';
import { bits32At, bits64At, shapeArg } from './engine.js';
import { drawArray, keyAt } from './scalar.js';
import { checkParamShapes, checkValues, isFloat, normAxis, optShape, readParam, type Param } from './params.js';

/** Options of {@link bernoulli}. */
export interface BernoulliOptions { p?: ArrayLike; shape?: Shape | number }
/** Options of {@link categorical}. */
export interface CategoricalOptions { logits?: ArrayLike; axis?: number; shape?: Shape | number }
/** Options of {@link randint}. */
export interface RandintOptions { shape?: Shape | number; minval?: ArrayLike; maxval?: ArrayLike; dtype?: IntDType }
/** Options of {@link rademacher}. */
export interface RademacherOptions { shape?: Shape | number; dtype?: 'int32' | 'float32' | 'float64' }

const DEFAULT_P: Param = { values: [0.5], shape: [], dtype: 'float32' }; // JAX: np.float32(0.5)

/**
 * Bernoulli samples, as `jax.random.bernoulli(key, p, shape)`: `uniform(key, shape) < p`,
 * a bool tensor. The uniforms have p's dtype (plain numbers: the default float; the
 * default p = 0.5 is float32, as JAX's `np.float32(0.5)`), so the output is bit-exact
 * with JAX. `p` is a number or an array broadcasting to `shape` (default: p's shape);
 * values outside [0, 1] are an error (JAX would return meaningless samples).
 *
 * @example
 * ```ts
 * random.bernoulli(random.key(0), 0.3, [5]);         // Array([...], dtype=bool)
 * random.bernoulli(random.key(1), [0.1, 0.9]);       // shape [2]
 * random.bernoulli(random.key(2), { p: 0.5, shape: [2, 3] });
 * ```
 */
export function bernoulli(key: KeyLike, p?: ArrayLike | BernoulliOptions, shape?: Shape | number | BernoulliOptions): Tensor;
export function bernoulli(key: KeyLike, ...rest: unknown[]): Tensor {
  const o = readArgs<{ p: unknown; shape: unknown }>('bernoulli', ['p', 'shape'], rest);
  const k = keyInfo(key);
  const pp = o.p === undefined ? DEFAULT_P : readParam(o.p, 'bernoulli', 'p');
  return bernoulliImpl(k, pp, o.shape, 'bernoulli');
}

function bernoulliImpl(k: KeyInfo, pp: Param, shapeIn: unknown, fn: string): Tensor {
  if (pp.dtype !== undefined && !isFloat(pp.dtype)) {
    throw new TypeError(`${fn}: p must have a floating dtype (like JAX); got a ${pp.dtype} array`);
  }
  checkValues(pp, fn, 'p', 'must be a probability in [0, 1]', (v) => v >= 0 && v <= 1);
  const dtype: FloatDType = pp.dtype ?? defaultFloat();
  const shape = optShape(shapeIn, fn, () => pp.shape.slice());
  checkParamShapes(fn, shape, [['p', pp.shape]]);
  const u = drawArray(k, shape, dtype, 'uniform');
  const n = u.length;
  const out = new Uint8Array(n);
  const cast = dtype === 'float32' ? Math.fround : (x: number) => x;
  if (pp.values.length === 1) {
    const pv = cast(pp.values[0]);
    for (let i = 0; i < n; i++) out[i] = u[i] < pv ? 1 : 0;
  } else {
    const idx = broadcastIndex(pp.shape, shape);
    const pv = pp.values;
    for (let i = 0; i < n; i++) out[i] = u[i] < cast(pv[idx[i]]) ? 1 : 0;
  }
  return new Tensor(out, shape);
}

/**
 * Samples from categorical distributions, as `jax.random.categorical(key, logits, axis,
 * shape)`: JAX's Gumbel-max trick, `argmax(gumbel(key, ...) + logits, axis)` (the first
 * maximum; NaN counts as the maximum), giving int32 category indices. `logits` holds
 * unnormalized log-probabilities along `axis`; the result shape is `shape` (default: the
 * logits' shape without `axis`; a given shape must end with a shape that broadcasts
 * from it, leading extra dimensions draw independent samples). Bit-exact with JAX for
 * float32 logits (the Gumbel noise is, and the add and argmax are exact).
 *
 * @example
 * ```ts
 * random.categorical(random.key(0), [0, 1, 2]);           // an int32 scalar in {0, 1, 2}
 * random.categorical(random.key(0), [[0, 5], [5, 0]]);   // one draw per row: shape [2]
 * random.categorical(random.key(0), [0, 0, 0, 0], { shape: [1000] });
 * ```
 */
export function categorical(key: KeyLike, logits: ArrayLike | CategoricalOptions, axis?: number | CategoricalOptions, shape?: Shape | number | CategoricalOptions): Tensor;
export function categorical(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'categorical';
  const o = readArgs<{ logits: unknown; axis: unknown; shape: unknown }>(fn, ['logits', 'axis', 'shape'], rest);
  const k = keyInfo(key);
  if (o.logits === undefined) throw new TypeError(`${fn}: logits is required`);
  const lp = readParam(o.logits, fn, 'logits');
  if (lp.dtype !== undefined && !isFloat(lp.dtype)) {
    throw new TypeError(`${fn}: logits must have a floating dtype (like JAX); got a ${lp.dtype} array`);
  }
  const nd = lp.shape.length;
  if (nd === 0) throw new RangeError(`${fn}: logits must have at least 1 dimension (the categories); got a scalar`);
  const ax = normAxis(o.axis ?? -1, nd, fn);
  const ncat = lp.shape[ax];
  if (ncat === 0) throw new RangeError(`${fn}: logits has no categories (axis ${ax} has size 0)`);
  const dtype: FloatDType = lp.dtype ?? defaultFloat();
  const batch = lp.shape.filter((_, i) => i !== ax);
  const shape = optShape(o.shape, fn, () => batch.slice());
  if (shape.length < batch.length) {
    throw new RangeError(`${fn}: shape [${shape.join(', ')}] has fewer dimensions than the logits' batch shape [${batch.join(', ')}]`);
  }
  checkParamShapes(fn, shape, [['logits (without axis)', batch]]);
  const nPrefix = shape.length - batch.length;
  const tail = shape.slice(nPrefix);
  // gumbel shape: prefix + batch-part with the category axis inserted at `ax`
  const gshape = [...shape.slice(0, nPrefix), ...tail.slice(0, ax), ncat, ...tail.slice(ax)];
  // argmax over the category axis (position nPrefix + ax of gshape), fused with the Gumbel
  // draw in one wasm pass (assembly/kernels/categorical.ts: same bits as gumbel + argmax)
  const cax = nPrefix + ax;
  const outer = sizeOf(gshape.slice(0, cax)), inner = sizeOf(gshape.slice(cax + 1));
  const lstr = broadcastStrides(lp.shape, gshape);
  const offO = dimOffsets(gshape, lstr, 0, cax), offI = dimOffsets(gshape, lstr, cax + 1, gshape.length);
  const n = outer * ncat * inner;
  const c = core();
  const out = c.ws.scoped(() => {
    const f32 = dtype === 'float32';
    const bits = f32 ? bits32At(c, k, n) : bits64At(c, k, n);
    const nl = lp.values.length;
    const pl = c.ws.alloc(8 * Math.max(1, nl));
    const lv = c.ws.f64(pl, nl); // filled before any further allocation
    for (let i = 0; i < nl; i++) lv[i] = f32 ? Math.fround(lp.values[i]) : lp.values[i];
    const po = c.ws.alloc(4 * Math.max(1, offO.length)), pi = c.ws.alloc(4 * Math.max(1, offI.length));
    const pout = c.ws.alloc(4 * Math.max(1, outer * inner));
    const scratch = c.ws.alloc(16 * ncat);
    new Int32Array(c.ex.memory.buffer, po, offO.length).set(offO);
    new Int32Array(c.ex.memory.buffer, pi, offI.length).set(offI);
    if (n > 0) (f32 ? c.ex.categoricalGumbelArgmaxF32 : c.ex.categoricalGumbelArgmaxF64)(bits, pl, po, pi, lstr[cax], pout, outer, ncat, inner, scratch);
    return new Int32Array(c.ex.memory.buffer, pout, outer * inner).slice();
  });
  return new Tensor(out, shape);
}

/** Element strides of a row-major array of `shape` read as broadcast to `target` (0 on broadcast axes). */
function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const pad = target.length - shape.length;
  const st = new Array<number>(target.length).fill(0);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    st[pad + d] = shape[d] === 1 ? 0 : s;
    s *= shape[d];
  }
  return st;
}

/** Offsets sum_d idx_d * strides_d over the row-major multi-indices of axes [from, to) of `shape`. */
function dimOffsets(shape: readonly number[], strides: readonly number[], from: number, to: number): Int32Array {
  const out = new Int32Array(sizeOf(shape.slice(from, to)));
  out[0] = 0;
  let len = 1;
  for (let d = from; d < to; d++) { // expand axis d: each existing offset times shape[d]
    const m = shape[d], st = strides[d];
    for (let i = len - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) out[i * m + j] = out[i] + j * st;
    len *= m;
  }
  return out;
}

const TWO31 = 2 ** 31, TWO32 = 2 ** 32;

function powLabel(v: number): string {
  for (const [x, name] of [[TWO31, '2^31'], [TWO32, '2^32'], [-TWO31, '-2^31']] as const) {
    if (v === x) return name;
    if (v === x - 1) return `${name} - 1`;
    if (v === x + 1) return `${name} + 1`;
  }
  return String(v);
}

function intBound(p: Param, fn: string, arg: string, lo: number, hi: number, dtype: IntDType): void {
  if (p.dtype !== undefined && p.dtype !== 'int32' && p.dtype !== 'uint32' && !isFloat(p.dtype)) {
    throw new TypeError(`${fn}: ${arg} must be integers; got a ${p.dtype} array`);
  }
  checkValues(p, fn, arg, `must be an integer in [${powLabel(lo)}, ${powLabel(hi)}] for dtype ${dtype}`,
    (v) => Number.isInteger(v) && v >= lo && v <= hi);
}

/**
 * Uniform random integers in [minval, maxval), as `jax.random.randint(key, shape, minval,
 * maxval, dtype)`: bit-exact with JAX (same split, bits and modular arithmetic, which is
 * slightly biased when the span is not a power of two, as in JAX). `minval`/`maxval` are
 * integers or integer arrays broadcasting to `shape`; `maxval` may be 2^31 (int32) or
 * 2^32 (uint32) to reach the top of the range. `minval >= maxval` is an error (JAX would
 * return minval).
 *
 * @example
 * ```ts
 * random.randint(random.key(0), [4], 0, 10);                 // int32 in [0, 10)
 * random.randint(random.key(0), [2], -5, 5, 'int32');
 * random.randint(random.key(0), { shape: [3], minval: 0, maxval: 2 ** 32, dtype: 'uint32' });
 * ```
 */
export function randint(key: KeyLike, shape: Shape | number | RandintOptions, minval?: ArrayLike | RandintOptions, maxval?: ArrayLike | RandintOptions, dtype?: IntDType | RandintOptions): Tensor;
export function randint(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'randint';
  const o = readArgs<{ shape: unknown; minval: unknown; maxval: unknown; dtype: unknown }>(fn, ['shape', 'minval', 'maxval', 'dtype'], rest);
  const k = keyInfo(key);
  const shape = shapeArg(o.shape, fn);
  const dtype = (o.dtype === undefined ? 'int32' : checkDType(o.dtype, `${fn}: dtype`, ['int32', 'uint32'])) as IntDType;
  if (o.minval === undefined) throw new TypeError(`${fn}: minval is required`);
  if (o.maxval === undefined) throw new TypeError(`${fn}: maxval is required`);
  const lo = readParam(o.minval, fn, 'minval'), hi = readParam(o.maxval, fn, 'maxval');
  const [minLo, maxHi] = dtype === 'int32' ? [-TWO31, TWO31] : [0, TWO32];
  intBound(lo, fn, 'minval', minLo, maxHi - 1, dtype);
  intBound(hi, fn, 'maxval', minLo + 1, maxHi, dtype);
  checkParamShapes(fn, shape, [['minval', lo.shape], ['maxval', hi.shape]]);
  const n = sizeOf(shape);
  const li = broadcastIndex(lo.shape, shape), hj = broadcastIndex(hi.shape, shape);
  for (let i = 0; i < n; i++) {
    const a = lo.values[li[i]], b = hi.values[hj[i]];
    if (!(a < b)) throw new RangeError(`${fn}: minval must be less than maxval; got minval=${a}, maxval=${b}`);
  }
  const keys = splitWords(k, 2);
  const c = core();
  const [hiBits, loBits] = c.ws.scoped(() => {
    const p1 = bits32At(c, keyAt(keys, 0, k), n);
    const p2 = bits32At(c, keyAt(keys, 1, k), n);
    return [c.ws.u32(p1, n).slice(), c.ws.u32(p2, n).slice()];
  });
  const out = dtype === 'int32' ? new Int32Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const a = lo.values[li[i]], b = hi.values[hj[i]];
    const diff = b - a; // exact, <= 2^32
    const span = diff === TWO32 ? 0 : diff; // uint32; 0 means "all 2^32 values" (XLA: x % 0 = x)
    out[i] = a + randOffset(hiBits[i], loBits[i], span);
  }
  return new Tensor(out, shape);
}

/** XLA's unsigned remainder (x % 0 = x). */
function urem(x: number, s: number): number {
  return s === 0 ? x : x % s;
}

/** JAX's double-word modular offset in [0, span) with uint32 wraparound. */
export function randOffset(hi: number, lo: number, span: number): number {
  let mult = urem(65536, span);
  mult = urem(Math.imul(mult, mult) >>> 0, span);
  const sum = ((Math.imul(urem(hi, span), mult) >>> 0) + urem(lo, span)) >>> 0;
  return urem(sum, span);
}

/**
 * Rademacher samples (-1 or +1 with equal probability), as `jax.random.rademacher(key,
 * shape, dtype)`: `2 * bernoulli(key, 0.5, shape) - 1`, bit-exact with JAX. dtype
 * 'int32' (default), 'float32' or 'float64'.
 *
 * @example
 * ```ts
 * random.rademacher(random.key(0), [4]);               // Array([...], dtype=int32)
 * random.rademacher(random.key(0), [2], 'float32');
 * ```
 */
export function rademacher(key: KeyLike, shape?: Shape | number | RademacherOptions, dtype?: 'int32' | 'float32' | 'float64' | RademacherOptions): Tensor;
export function rademacher(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'rademacher';
  const o = readArgs<{ shape: unknown; dtype: unknown }>(fn, ['shape', 'dtype'], rest);
  const k = keyInfo(key);
  const shape = o.shape === undefined ? [] : checkShape(o.shape, `${fn}: shape`);
  const dtype = o.dtype === undefined ? 'int32' : checkDType(o.dtype, `${fn}: dtype`, ['int32', 'float32', 'float64']);
  const b = bernoulliImpl(k, DEFAULT_P, shape, fn)._data as Uint8Array;
  const out = dtype === 'int32' ? new Int32Array(b.length) : dtype === 'float32' ? new Float32Array(b.length) : new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = 2 * b[i] - 1;
  return new Tensor(out, shape);
}

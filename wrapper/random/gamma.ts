import type { KeyLike } from '../types/random.js';
import type { ArrayLike, FloatDType, Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { broadcastIndex, sizeOf } from '../np/shape.js';
import { core } from '../runtime/core.js';
import { keyInfo, splitWords, type KeyInfo } from './key.js';
import { readArgs } from './args.js';
import { floatDType } from './engine.js';
import { KeyOps, keyAt } from './scalar.js';
import { broadcastAll, caster, checkParamShapes, checkValues, optShape, readParam, type Param, type Nums } from './params.js';

/** Options of {@link gamma} and {@link loggamma}. */
export interface GammaOptions { a?: ArrayLike; shape?: Shape | number; dtype?: FloatDType }
/** Options of {@link beta}. */
export interface BetaOptions { a?: ArrayLike; b?: ArrayLike; shape?: Shape | number; dtype?: FloatDType }
/** Options of {@link dirichlet}. */
export interface DirichletOptions { alpha?: ArrayLike; shape?: Shape | number; dtype?: FloatDType }

/**
 * JAX's `_gamma_impl` + `_gamma_one` (Marsaglia-Tsang) over flat `alpha` (values already
 * in the dtype): one key per element from `split(key, n)`, then per element
 * `key, subkey = split(key)`; loop { `key, x_key, U_key = split(key, 3)`; repeat
 * { `x_key, sub = split(x_key)`; x = normal(sub); v = 1 + x c } while v <= 0;
 * X = x^2, V = v^3, U = uniform(U_key) } while U >= 1 - 0.0331 X^2 and
 * log U >= X/2 + d (1 - V + log V); boost for alpha < 1 from `subkey`. The rejection loop
 * runs in one wasm call over all elements (assembly/kernels/gamma_sample.ts; float32 bits
 * as the former TypeScript loop; float64 takes the log in the acceptance test from musl
 * instead of V8, both < 1 ulp); the boost and the final products stay here.
 */
export function gammaCore(k: KeyInfo, alpha: Nums, dtype: FloatDType, logSpace: boolean): Float64Array {
  const N = alpha.length;
  const out = new Float64Array(N);
  if (N === 0) return out;
  const cast = caster(dtype);
  const f32 = dtype === 'float32';
  const c = core();
  const log = f32 ? c.ex.log32 : Math.log;
  const third = cast(1 / 3);
  return c.ws.scoped(() => {
    const ops = new KeyOps(c, k.layout);
    const keys = splitWords(k, N);
    const d = new Float64Array(N), cc = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const a = alpha[i] >= 1 ? alpha[i] : cast(alpha[i] + 1);
      d[i] = cast(a - third);
      cc[i] = cast(third / cast(Math.sqrt(d[i])));
    }
    // the rejection loop, element by element in the core (assembly/kernels/gamma_sample.ts:
    // the same splits, draws and f32 roundings as JAX's _gamma_one)
    const pk = c.ws.alloc(8 * N), pd = c.ws.alloc(8 * N), pc = c.ws.alloc(8 * N);
    const pv = c.ws.alloc(8 * N), ps = c.ws.alloc(8 * N);
    c.ws.u32(pk, 2 * N).set(keys);
    c.ws.f64(pd, N).set(d);
    c.ws.f64(pc, N).set(cc);
    (f32 ? c.ex.gammaMarsagliaF32 : c.ex.gammaMarsagliaF64)(pk, pd, pc, pv, ps, N, k.layout === 'classic' ? 1 : 0);
    const V = c.ws.f64(pv, N).slice();
    const sub = c.ws.u32(ps, 2 * N).slice();
    const drawKeys = new Uint32Array(2 * N), pend = new Int32Array(N);
    // the boost draw (only alpha < 1 uses it)
    let nb = 0;
    for (let i = 0; i < N; i++) {
      if (alpha[i] < 1) { drawKeys[2 * nb] = sub[2 * i]; drawKeys[2 * nb + 1] = sub[2 * i + 1]; pend[nb++] = i; }
    }
    const bd = ops.draw(logSpace ? 'exponential' : 'uniform', dtype, drawKeys, nb);
    const boost = new Float64Array(N);
    for (let j = 0; j < nb; j++) {
      const i = pend[j], inv = cast(1 / alpha[i]);
      if (logSpace) {
        const ls = -bd[j];
        boost[i] = ls === 0 ? 0 : cast(ls * inv);
      } else {
        boost[i] = cast(Math.pow(cast(1 - bd[j]), inv));
      }
    }
    for (let i = 0; i < N; i++) {
      const lowA = alpha[i] < 1;
      out[i] = logSpace
        ? cast(cast(log(d[i]) + log(V[i])) + (lowA ? boost[i] : 0))
        : cast(cast(d[i] * V[i]) * (lowA ? boost[i] : 1));
    }
    return out;
  });
}

function positiveParam(p: Param, fn: string, arg: string): void {
  if (p.dtype === 'bool') throw new TypeError(`${fn}: ${arg} must be numeric; got a bool array`);
  checkValues(p, fn, arg, 'must be positive and finite', (v) => v > 0 && v < Infinity);
}

/** Broadcasts a parameter to `shape`, rounded to the dtype (JAX's convert_element_type + broadcast_to). */
function spread(p: Param, shape: number[], dtype: FloatDType, fn: string, arg: string): Float64Array {
  const cast = caster(dtype);
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const idx = broadcastIndex(p.shape, shape);
  for (let i = 0; i < n; i++) {
    const v = cast(p.values[idx[i]]);
    if (!(v > 0 && v < Infinity)) throw new RangeError(`${fn}: ${arg} must be positive and finite in ${dtype}; got ${p.values[idx[i]]}, which rounds to ${v}`);
    out[i] = v;
  }
  return out;
}

function finish(values: Float64Array, shape: number[], dtype: FloatDType): Tensor {
  return new Tensor(dtype === 'float32' ? Float32Array.from(values) : values, shape);
}

function gammaLike(fn: string, logSpace: boolean, key: KeyLike, rest: unknown[]): Tensor {
  const o = readArgs<{ a: unknown; shape: unknown; dtype: unknown }>(fn, ['a', 'shape', 'dtype'], rest);
  const k = keyInfo(key);
  if (o.a === undefined) throw new TypeError(`${fn}: a is required`);
  const ap = readParam(o.a, fn, 'a');
  positiveParam(ap, fn, 'a');
  const dtype = floatDType(o.dtype, fn);
  const shape = optShape(o.shape, fn, () => ap.shape.slice());
  checkParamShapes(fn, shape, [['a', ap.shape]]);
  return finish(gammaCore(k, spread(ap, shape, dtype, fn, 'a'), dtype, logSpace), shape, dtype);
}

/**
 * Gamma(a, 1) samples, as `jax.random.gamma(key, a, shape, dtype)`. `a` (> 0) is a number
 * or an array broadcasting to `shape` (default: a's shape).
 *
 * Exactness: follows JAX's algorithm and key usage exactly (one key per element from
 * `split(key, size)`, Marsaglia-Tsang with the same splits and draws, every operation
 * rounded to the dtype, the `(1 - u)^(1/a)` boost for a < 1), and the keys, normal and
 * uniform draws and float32 log are bit-exact with JAX; but XLA may fuse multiply-adds
 * and its pow/exp are not JavaScript's, so the bits of JAX's samples are not guaranteed
 * (last-ulp differences, and rarely a flipped accept/reject decision).
 *
 * @example
 * ```ts
 * random.gamma(random.key(0), 2.5, [3]);
 * random.gamma(random.key(0), [0.5, 1, 4]);               // one sample per shape parameter
 * random.gamma(random.key(0), { a: 1, shape: [1000], dtype: 'float64' });
 * ```
 */
export function gamma(key: KeyLike, a: ArrayLike | GammaOptions, shape?: Shape | number | GammaOptions, dtype?: FloatDType | GammaOptions): Tensor;
export function gamma(key: KeyLike, ...rest: unknown[]): Tensor {
  return gammaLike('gamma', false, key, rest);
}

/**
 * Logarithms of Gamma(a, 1) samples, as `jax.random.loggamma(key, a, shape, dtype)`:
 * computed in log space (`log d + log V - exponential/a` for a < 1), so tiny shape
 * parameters do not underflow. Same structure and exactness statement as {@link gamma}.
 *
 * @example
 * ```ts
 * random.loggamma(random.key(0), 0.01, [3]);   // finite even where gamma() underflows to 0
 * ```
 */
export function loggamma(key: KeyLike, a: ArrayLike | GammaOptions, shape?: Shape | number | GammaOptions, dtype?: FloatDType | GammaOptions): Tensor;
export function loggamma(key: KeyLike, ...rest: unknown[]): Tensor {
  return gammaLike('loggamma', true, key, rest);
}

/**
 * Beta(a, b) samples, as `jax.random.beta(key, a, b, shape, dtype)`: with
 * `key_a, key_b = split(key)`, two log-gamma draws combined as
 * `exp(la - m) / (exp(la - m) + exp(lb - m))` with `m = max(la, lb)` (no underflow for
 * small a, b). `a`, `b` (> 0) broadcast to `shape` (default: their broadcast shape).
 * Same exactness statement as {@link gamma}.
 *
 * @example
 * ```ts
 * random.beta(random.key(0), 2, 5, [3]);
 * random.beta(random.key(0), [0.5, 1], 1);
 * ```
 */
export function beta(key: KeyLike, a: ArrayLike | BetaOptions, b?: ArrayLike | BetaOptions, shape?: Shape | number | BetaOptions, dtype?: FloatDType | BetaOptions): Tensor;
export function beta(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'beta';
  const o = readArgs<{ a: unknown; b: unknown; shape: unknown; dtype: unknown }>(fn, ['a', 'b', 'shape', 'dtype'], rest);
  const k = keyInfo(key);
  if (o.a === undefined) throw new TypeError(`${fn}: a is required`);
  if (o.b === undefined) throw new TypeError(`${fn}: b is required`);
  const ap = readParam(o.a, fn, 'a'), bp = readParam(o.b, fn, 'b');
  positiveParam(ap, fn, 'a');
  positiveParam(bp, fn, 'b');
  const dtype = floatDType(o.dtype, fn);
  const ps = [['a', ap.shape], ['b', bp.shape]] as const;
  const shape = optShape(o.shape, fn, () => broadcastAll(fn, ps));
  checkParamShapes(fn, shape, ps);
  const w = splitWords(k, 2);
  const la = gammaCore(keyAt(w, 0, k), spread(ap, shape, dtype, fn, 'a'), dtype, true);
  const lb = gammaCore(keyAt(w, 1, k), spread(bp, shape, dtype, fn, 'b'), dtype, true);
  const cast = caster(dtype);
  const out = new Float64Array(la.length);
  for (let i = 0; i < out.length; i++) {
    const m = Math.max(la[i], lb[i]);
    const ga = cast(Math.exp(cast(la[i] - m))), gb = cast(Math.exp(cast(lb[i] - m)));
    out[i] = cast(ga / cast(ga + gb));
  }
  return finish(out, shape, dtype);
}

/**
 * Dirichlet(alpha) samples, as `jax.random.dirichlet(key, alpha, shape, dtype)`: the
 * softmax over the last axis of `loggamma(key, alpha, shape + [k])`. `alpha` has shape
 * `[..., k]` with positive entries; `shape` is the batch shape (default
 * `alpha.shape[:-1]`); the result has shape `shape + [k]` and rows summing to 1.
 * Same exactness statement as {@link gamma}.
 *
 * @example
 * ```ts
 * random.dirichlet(random.key(0), [1, 2, 3]);          // one point on the simplex
 * random.dirichlet(random.key(0), [0.5, 0.5], [100]);  // shape [100, 2]
 * ```
 */
export function dirichlet(key: KeyLike, alpha: ArrayLike | DirichletOptions, shape?: Shape | number | DirichletOptions, dtype?: FloatDType | DirichletOptions): Tensor;
export function dirichlet(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'dirichlet';
  const o = readArgs<{ alpha: unknown; shape: unknown; dtype: unknown }>(fn, ['alpha', 'shape', 'dtype'], rest);
  const k = keyInfo(key);
  if (o.alpha === undefined) throw new TypeError(`${fn}: alpha is required`);
  const ap = readParam(o.alpha, fn, 'alpha');
  if (ap.shape.length === 0) throw new RangeError(`${fn}: alpha must have at least 1 dimension (the categories); got a scalar`);
  positiveParam(ap, fn, 'alpha');
  const dtype = floatDType(o.dtype, fn);
  const K = ap.shape[ap.shape.length - 1];
  const batch = ap.shape.slice(0, -1);
  const shape = optShape(o.shape, fn, () => batch.slice());
  checkParamShapes(fn, shape, [['alpha (without its last axis)', batch]]);
  const full = [...shape, K];
  const lg = gammaCore(k, spread(ap, full, dtype, fn, 'alpha'), dtype, true);
  const cast = caster(dtype);
  const out = new Float64Array(lg.length);
  for (let r = 0; r < lg.length; r += K) {
    let m = -Infinity;
    for (let j = 0; j < K; j++) m = Math.max(m, lg[r + j]);
    let s = 0;
    for (let j = 0; j < K; j++) { out[r + j] = cast(Math.exp(cast(lg[r + j] - m))); s = cast(s + out[r + j]); }
    for (let j = 0; j < K; j++) out[r + j] = cast(out[r + j] / s);
  }
  return finish(out, full, dtype);
}

import type { KeyLike } from '../types/random.js';
import type { ArrayLike, FloatDType, Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { broadcastIndex, sizeOf } from '../np/shape.js';
import { core } from '../runtime/core.js';
import { keyInfo } from './key.js';
import { readArgs } from './args.js';
import { bits32At, bits64At, floatDType } from './engine.js';
import { drawArray } from './scalar.js';
import { broadcastAll, caster, checkParamShapes, checkValues, nextafter32, nextafter64, optShape, readParam } from './params.js';

/** Options of {@link truncatedNormal}. */
export interface TruncatedNormalOptions { lower?: ArrayLike; upper?: ArrayLike; shape?: Shape | number; dtype?: FloatDType }

const TWO_OVER_SQRTPI = 1.1283791670955126;
const ONE_OVER_SQRTPI = 0.5641895835477563;

/**
 * The error function in float64 (relative error a few ulp): for |x| < 2.5 the series
 * erf(x) = 2/sqrt(pi) e^{-x^2} sum_n (2x^2)^n x / (1*3*...*(2n+1)) (all terms positive, so
 * no cancellation); beyond, 1 - erfc(x) with erfc from its continued fraction
 * e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated backwards.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    const t = 2 * x * x;
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
      term *= t / (2 * n + 1);
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
    }
    return TWO_OVER_SQRTPI * Math.exp(-x * x) * sum;
  }
  if (ax >= 6) return x > 0 ? 1 : -1; // erfc(6) = 2e-17 < ulp(1)/2
  let f = ax;
  for (let n = 120; n >= 1; n--) f = ax + (n / 2) / f;
  const erfc = ONE_OVER_SQRTPI * Math.exp(-ax * ax) / f;
  return x > 0 ? 1 - erfc : erfc - 1;
}

/**
 * Truncated standard normal samples on the open interval (lower, upper), as
 * `jax.random.truncated_normal(key, lower, upper, shape, dtype)`: JAX's inverse-CDF
 * method, `u = uniform(key, shape, dtype, erf(lower/sqrt2), erf(upper/sqrt2))`,
 * `sqrt2 * erf_inv(u)`, clipped to `(nextafter(lower, +inf), nextafter(upper, -inf))`.
 * `lower`/`upper` are numbers (infinite allowed) or arrays broadcasting to `shape`
 * (default: their broadcast shape); `lower >= upper` is an error.
 *
 * Exactness: the uniform bits, the uniform-to-range FMA and XLA's float32 erf_inv are
 * JAX's, but the bounds go through probasm's own erf (accurate float64, rounded to the
 * dtype) rather than XLA's float32 erf polynomial, so samples are NOT bit-exact with JAX
 * (they typically agree to a few ulp). Like JAX, far tails (|bounds| beyond ~5 in float32)
 * lose resolution because erf rounds to +-1.
 *
 * @example
 * ```ts
 * random.truncatedNormal(random.key(0), -1, 2, [3]);
 * random.truncatedNormal(random.key(0), 0, Infinity, [1000]);   // half-normal
 * random.truncatedNormal(random.key(0), { lower: [-1, 0], upper: 1, dtype: 'float64' });
 * ```
 */
export function truncatedNormal(key: KeyLike, lower: ArrayLike | TruncatedNormalOptions, upper?: ArrayLike | TruncatedNormalOptions,
  shape?: Shape | number | TruncatedNormalOptions, dtype?: FloatDType | TruncatedNormalOptions): Tensor;
export function truncatedNormal(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'truncatedNormal';
  const o = readArgs<{ lower: unknown; upper: unknown; shape: unknown; dtype: unknown }>(fn, ['lower', 'upper', 'shape', 'dtype'], rest);
  const k = keyInfo(key);
  if (o.lower === undefined) throw new TypeError(`${fn}: lower is required`);
  if (o.upper === undefined) throw new TypeError(`${fn}: upper is required`);
  const lp = readParam(o.lower, fn, 'lower'), up = readParam(o.upper, fn, 'upper');
  for (const [name, p] of [['lower', lp], ['upper', up]] as const) {
    if (p.dtype === 'bool') throw new TypeError(`${fn}: ${name} must be numeric; got a bool array`);
    checkValues(p, fn, name, 'must not be NaN', (v) => !Number.isNaN(v));
  }
  const dtype = floatDType(o.dtype, fn);
  const pshapes = [['lower', lp.shape], ['upper', up.shape]] as const;
  const shape = optShape(o.shape, fn, () => broadcastAll(fn, pshapes));
  checkParamShapes(fn, shape, pshapes);
  const n = sizeOf(shape);
  const cast = caster(dtype);
  const f32 = dtype === 'float32';
  const sqrt2 = cast(Math.SQRT2);
  const c = core();
  const { ex } = c;
  const scalar = lp.values.length === 1 && up.values.length === 1;
  const li = scalar ? undefined : broadcastIndex(lp.shape, shape);
  const ui = scalar ? undefined : broadcastIndex(up.shape, shape);
  const m = scalar ? Math.min(1, n) : n;
  // bounds in dtype, their erf images, and the clip limits, per element (or once)
  const lo = new Float64Array(m), hi = new Float64Array(m), ea = new Float64Array(m), eb = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const l = cast(lp.values[li ? li[i] : 0]), h = cast(up.values[ui ? ui[i] : 0]);
    if (!(l < h)) throw new RangeError(`${fn}: lower must be less than upper; got lower=${l}, upper=${h}`);
    lo[i] = l; hi[i] = h;
    ea[i] = cast(erf(cast(l / sqrt2)));
    eb[i] = cast(erf(cast(h / sqrt2)));
  }
  let u: Float32Array | Float64Array;
  if (scalar) {
    u = c.ws.scoped(() => {
      if (n === 0) return new Float32Array(0);
      if (f32) {
        const p = bits32At(c, k, n);
        ex.uniformF32(p, p, n, ea[0], eb[0]);
        return c.ws.f32(p, n).slice();
      }
      const p = bits64At(c, k, n);
      ex.uniformF64(p, p, n, ea[0], eb[0]);
      return c.ws.f64(p, n).slice();
    });
  } else {
    // uniform(key, shape, dtype, a, b) with per-element bounds: max(a, fma(u01, b - a, a))
    const u01 = drawArray(k, shape, dtype, 'uniform');
    if (f32) {
      u = c.ws.scoped(() => {
        const pa = c.ws.alloc(4 * n), ps = c.ws.alloc(4 * n), pc = c.ws.alloc(4 * n);
        c.ws.f32(pa, n).set(u01);
        const span = c.ws.f32(ps, n), base = c.ws.f32(pc, n);
        for (let i = 0; i < n; i++) { span[i] = eb[i] - ea[i]; base[i] = ea[i]; }
        if (n > 0) ex.fma32Batch(pa, ps, pc, pa, n);
        return c.ws.f32(pa, n).slice();
      });
      for (let i = 0; i < n; i++) if (!(u[i] > ea[i])) u[i] = ea[i];
    } else {
      u = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = ex.fma64(u01[i], eb[i] - ea[i], ea[i]);
        u[i] = v > ea[i] ? v : ea[i];
      }
    }
  }
  const out = f32 ? new Float32Array(n) : new Float64Array(n);
  const next = f32 ? nextafter32 : nextafter64;
  let cl = -Infinity, ch = Infinity;
  for (let i = 0; i < n; i++) {
    const j = scalar ? 0 : i;
    if (!scalar || i === 0) { cl = next(lo[j], 1); ch = next(hi[j], -1); }
    const z = cast(sqrt2 * (f32 ? ex.erfinv32(u[i]) : ex.erfinv64(u[i])));
    out[i] = Math.min(Math.max(z, cl), ch);
  }
  return new Tensor(out, shape);
}

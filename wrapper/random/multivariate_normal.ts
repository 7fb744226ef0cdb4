import type { KeyLike } from '../types/random.js';
import type { ArrayLike, FloatDType, Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { describe } from '../np/dtypes.js';
import { broadcastIndex, sizeOf } from '../np/shape.js';
import { defaultFloat } from '../config.js';
import { keyInfo } from './key.js';
import { readArgs } from './args.js';
import { floatDType } from './engine.js';
import { drawArray } from './scalar.js';
import { broadcastAll, caster, checkParamShapes, checkValues, optShape, readParam, type Nums } from './params.js';

/** Options of {@link multivariateNormal}. */
export interface MultivariateNormalOptions {
  mean?: ArrayLike; cov?: ArrayLike; shape?: Shape | number; dtype?: FloatDType; method?: 'cholesky' | 'eigh' | 'svd';
}

/**
 * Lower Cholesky factor of the symmetric part of the d x d matrix at `a[off..]`, in
 * float64; returns false if it is not positive definite.
 */
function cholesky(a: Nums, off: number, d: number, L: Float64Array): boolean {
  L.fill(0);
  for (let j = 0; j < d; j++) {
    let s = a[off + j * d + j];
    for (let k = 0; k < j; k++) s -= L[j * d + k] * L[j * d + k];
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = 0.5 * (a[off + i * d + j] + a[off + j * d + i]);
      for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = t / ljj;
    }
  }
  return true;
}

/**
 * Symmetric eigendecomposition (cyclic Jacobi, float64) of the symmetric part of the matrix
 * at `a[off..]`: eigenvalues ascending in `w`, eigenvectors as the columns of `V`.
 */
function eighJacobi(a: Nums, off: number, d: number, w: Float64Array, V: Float64Array): void {
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = 0.5 * (a[off + i * d + j] + a[off + j * d + i]);
  V.fill(0);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let offNorm = 0, diag = 0;
    for (let i = 0; i < d; i++) {
      diag += A[i * d + i] * A[i * d + i];
      for (let j = i + 1; j < d; j++) offNorm += A[i * d + j] * A[i * d + j];
    }
    if (offNorm <= 1e-30 * diag || offNorm === 0) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (apq === 0) continue;
        const theta = (A[q * d + q] - A[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1), sn = t * cs;
        for (let k = 0; k < d; k++) { // A = J^T A J
          const akp = A[k * d + p], akq = A[k * d + q];
          A[k * d + p] = cs * akp - sn * akq;
          A[k * d + q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p * d + k], aqk = A[q * d + k];
          A[p * d + k] = cs * apk - sn * aqk;
          A[q * d + k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p], vkq = V[k * d + q];
          V[k * d + p] = cs * vkp - sn * vkq;
          V[k * d + q] = sn * vkp + cs * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => A[i * d + i] - A[j * d + j]);
  const V0 = V.slice();
  for (let c = 0; c < d; c++) {
    w[c] = A[order[c] * d + order[c]];
    for (let r = 0; r < d; r++) V[r * d + c] = V0[r * d + order[c]];
  }
}

/**
 * Multivariate normal samples, as `jax.random.multivariate_normal(key, mean, cov, shape,
 * dtype, method)`: `mean + factor @ z` with `z = normal(key, shape + [d], dtype)` and
 * `factor` a square root of `cov`: its lower Cholesky factor ('cholesky', default; `cov`
 * must be positive definite), or `V sqrt(w)` from its eigendecomposition ('eigh',
 * eigenvalues ascending, or 'svd', descending; these accept positive semi-definite,
 * singular `cov`). As in JAX, only the symmetric part of `cov` is used. `mean` has shape
 * `[..., d]`, `cov` `[..., d, d]`; `shape` is the batch shape (default: the broadcast of
 * the batch shapes of mean and cov); the result has shape `shape + [d]`. dtype defaults
 * to the parameters' float dtype (float64 if either is a float64 tensor), else the
 * default float.
 *
 * Exactness: `z` is bit-exact with JAX; the factorization and product are computed in
 * float64 and rounded to the dtype, so results agree with JAX to rounding, not bit for
 * bit ('eigh'/'svd' may also pick eigenvector signs differently: same distribution,
 * different samples).
 *
 * @example
 * ```ts
 * random.multivariateNormal(random.key(0), [0, 0], [[1, 0.5], [0.5, 2]], [1000]);
 * random.multivariateNormal(random.key(0), { mean: [1, 2], cov: [[1, 1], [1, 1]], method: 'eigh' });
 * ```
 */
export function multivariateNormal(key: KeyLike, mean: ArrayLike | MultivariateNormalOptions, cov?: ArrayLike | MultivariateNormalOptions,
  shape?: Shape | number | MultivariateNormalOptions, dtype?: FloatDType | MultivariateNormalOptions,
  method?: 'cholesky' | 'eigh' | 'svd' | MultivariateNormalOptions): Tensor;
export function multivariateNormal(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'multivariateNormal';
  const o = readArgs<{ mean: unknown; cov: unknown; shape: unknown; dtype: unknown; method: unknown }>(
    fn, ['mean', 'cov', 'shape', 'dtype', 'method'], rest);
  const k = keyInfo(key);
  if (o.mean === undefined) throw new TypeError(`${fn}: mean is required`);
  if (o.cov === undefined) throw new TypeError(`${fn}: cov is required`);
  const method = o.method ?? 'cholesky';
  if (method !== 'cholesky' && method !== 'eigh' && method !== 'svd') {
    throw new TypeError(`${fn}: method must be one of 'cholesky', 'eigh', 'svd'; got ${describe(method)}`);
  }
  const mp = readParam(o.mean, fn, 'mean'), cp = readParam(o.cov, fn, 'cov');
  for (const [name, p] of [['mean', mp], ['cov', cp]] as const) {
    if (p.dtype === 'bool') throw new TypeError(`${fn}: ${name} must be numeric; got a bool array`);
    checkValues(p, fn, name, 'must be finite', (v) => Number.isFinite(v));
  }
  if (mp.shape.length < 1) throw new RangeError(`${fn}: mean must have at least 1 dimension ([..., d]); got a scalar`);
  if (cp.shape.length < 2) throw new RangeError(`${fn}: cov must have at least 2 dimensions ([..., d, d]); got shape [${cp.shape.join(', ')}]`);
  const d = mp.shape[mp.shape.length - 1];
  const cd = cp.shape.slice(-2);
  if (cd[0] !== d || cd[1] !== d) {
    throw new RangeError(`${fn}: cov must have shape [..., ${d}, ${d}] to match mean's last dimension ${d}; got shape [${cp.shape.join(', ')}]`);
  }
  const dtype: FloatDType = o.dtype !== undefined ? floatDType(o.dtype, fn)
    : mp.dtype === 'float64' || cp.dtype === 'float64' ? 'float64'
      : mp.dtype === 'float32' || cp.dtype === 'float32' ? 'float32' : defaultFloat();
  const mb = mp.shape.slice(0, -1), cb = cp.shape.slice(0, -2);
  const ps = [['mean (batch part)', mb], ['cov (batch part)', cb]] as const;
  const shape = optShape(o.shape, fn, () => broadcastAll(fn, ps));
  checkParamShapes(fn, shape, ps);
  const cast = caster(dtype);
  // factors, one per cov batch element, from cov rounded to the dtype
  const nCov = sizeOf(cb), dd = d * d;
  const covv = new Float64Array(cp.values.length);
  for (let i = 0; i < covv.length; i++) covv[i] = cast(cp.values[i]);
  const factors = new Float64Array(nCov * dd);
  const L = new Float64Array(dd), w = new Float64Array(d), V = new Float64Array(dd);
  for (let b = 0; b < nCov; b++) {
    const where = nCov > 1 ? ` (batch element ${b})` : '';
    if (method === 'cholesky') {
      if (!cholesky(covv, b * dd, d, L)) {
        throw new RangeError(`${fn}: cov must be positive definite for method 'cholesky'${where}; use method 'eigh' or 'svd' for a singular covariance`);
      }
      factors.set(L, b * dd);
    } else {
      eighJacobi(covv, b * dd, d, w, V);
      let wmax = 0;
      for (let i = 0; i < d; i++) wmax = Math.max(wmax, Math.abs(w[i]));
      const tol = 10 * d * (dtype === 'float32' ? 1.2e-7 : 2.3e-16) * wmax;
      const cols = Array.from({ length: d }, (_, i) => (method === 'svd' ? d - 1 - i : i));
      for (let c = 0; c < d; c++) {
        const ev = w[cols[c]];
        if (ev < -tol) throw new RangeError(`${fn}: cov must be positive semi-definite${where}; it has eigenvalue ${ev}`);
        const s = Math.sqrt(Math.max(ev, 0));
        for (let r = 0; r < d; r++) factors[b * dd + r * d + c] = V[r * d + cols[c]] * s;
      }
    }
  }
  const nb = sizeOf(shape);
  const z = drawArray(k, [...shape, d], dtype, 'normal');
  const mi = broadcastIndex(mb, shape), ci = broadcastIndex(cb, shape);
  const out = dtype === 'float32' ? new Float32Array(nb * d) : new Float64Array(nb * d);
  for (let b = 0; b < nb; b++) {
    const fo = ci[b] * dd, mo = mi[b] * d, zo = b * d;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += cast(factors[fo + i * d + j]) * z[zo + j];
      out[zo + i] = cast(cast(mp.values[mo + i]) + cast(s));
    }
  }
  return new Tensor(out, [...shape, d]);
}

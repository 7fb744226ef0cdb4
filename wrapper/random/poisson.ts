import type { KeyLike } from '../types/random.js';
import type { ArrayLike, IntDType, Shape } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import { checkDType } from '../np/dtypes.js';
import { broadcastIndex, sizeOf } from '../np/shape.js';
import { core } from '../runtime/core.js';
import { keyInfo, splitWords } from './key.js';
import { readArgs } from './args.js';
import { drawArray, keyAt } from './scalar.js';
import { checkParamShapes, checkValues, optShape, readParam } from './params.js';

/** Options of {@link poisson}. */
export interface PoissonOptions { lam?: ArrayLike; shape?: Shape | number; dtype?: IntDType }

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.9189385332046728;

/** log|Gamma(x)| in float64 (Lanczos, g = 7, n = 9; reflection below 1/2); +inf at poles. */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  if (x === Infinity) return Infinity;
  const y = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

const f = Math.fround;

/**
 * Poisson(lam) samples, as `jax.random.poisson(key, lam, shape, dtype)`, with JAX's two
 * algorithms run over the whole array from the same key and selected per element:
 * Knuth's product of uniforms for lam < 10 (`rng, subkey = split(rng)` per round,
 * float32 uniforms, XLA's float32 log) and Hörmann's transformed rejection (PTRS) for
 * lam >= 10 (`key, k0, k1 = split(key, 3)` per round; like JAX, a later accepted round
 * overwrites an earlier one until every element has been accepted once); lam = 0 gives 0.
 * `lam` (>= 0, finite; computed in float32 as in JAX) is a number or an array
 * broadcasting to `shape` (default: lam's shape). dtype 'int32' (default) or 'uint32'.
 *
 * Exactness: the keys, uniform draws and float32 operation order are JAX's; the Knuth
 * branch uses XLA's exact float32 log, but the rejection branch's lgamma is probasm's
 * (float64, rounded), so bits are not guaranteed to match JAX.
 *
 * @example
 * ```ts
 * random.poisson(random.key(0), 3, [5]);
 * random.poisson(random.key(0), [0.5, 25, 1000]);
 * random.poisson(random.key(0), { lam: 4, shape: [2, 2], dtype: 'uint32' });
 * ```
 */
export function poisson(key: KeyLike, lam: ArrayLike | PoissonOptions, shape?: Shape | number | PoissonOptions, dtype?: IntDType | PoissonOptions): Tensor;
export function poisson(key: KeyLike, ...rest: unknown[]): Tensor {
  const fn = 'poisson';
  const o = readArgs<{ lam: unknown; shape: unknown; dtype: unknown }>(fn, ['lam', 'shape', 'dtype'], rest);
  const k = keyInfo(key);
  if (o.lam === undefined) throw new TypeError(`${fn}: lam is required`);
  const lp = readParam(o.lam, fn, 'lam');
  if (lp.dtype === 'bool') throw new TypeError(`${fn}: lam must be numeric; got a bool array`);
  checkValues(lp, fn, 'lam', 'must be non-negative and finite', (v) => v >= 0 && v < Infinity);
  checkValues(lp, fn, 'lam', 'must be at most 1e9 (samples must fit in int32)', (v) => v <= 1e9);
  const dtype = (o.dtype === undefined ? 'int32' : checkDType(o.dtype, `${fn}: dtype`, ['int32', 'uint32'])) as IntDType;
  const shape = optShape(o.shape, fn, () => lp.shape.slice());
  checkParamShapes(fn, shape, [['lam', lp.shape]]);
  const n = sizeOf(shape);
  const lam = new Float64Array(n);
  const idx = broadcastIndex(lp.shape, shape);
  let anyKnuth = false, anyRej = false;
  for (let i = 0; i < n; i++) {
    lam[i] = f(lp.values[idx[i]]);
    if (lam[i] < 10) anyKnuth = anyKnuth || lam[i] > 0; else anyRej = true;
  }
  const knuth = anyKnuth ? poissonKnuth(k, lam, shape) : undefined;
  const rej = anyRej ? poissonRejection(k, lam, shape) : undefined;
  const out = dtype === 'int32' ? new Int32Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = lam[i] === 0 ? 0 : lam[i] < 10 ? knuth![i] : rej![i];
  }
  return new Tensor(out, shape);
}

/** JAX's `_poisson_knuth` (elements with lam >= 10 run with lam 0 and are discarded). */
function poissonKnuth(key: ReturnType<typeof keyInfo>, lamAll: Float64Array, shape: number[]): Int32Array {
  const n = lamAll.length;
  const { ex } = core();
  const kcount = new Int32Array(n);
  const logProd = new Float64Array(n);
  const negLam = new Float64Array(n);
  let active = new Int32Array(n), nA = 0;
  for (let i = 0; i < n; i++) {
    negLam[i] = lamAll[i] < 10 ? -lamAll[i] : -0;
    if (logProd[i] > negLam[i]) active[nA++] = i;
  }
  let rng = key;
  while (nA > 0) {
    const w = splitWords(rng, 2);
    rng = keyAt(w, 0, key);
    const u = drawArray(keyAt(w, 1, key), shape, 'float32', 'uniform');
    let nA2 = 0;
    for (let j = 0; j < nA; j++) {
      const i = active[j];
      kcount[i]++;
      logProd[i] = f(logProd[i] + ex.log32(u[i]));
      if (logProd[i] > negLam[i]) active[nA2++] = i;
    }
    nA = nA2;
  }
  for (let i = 0; i < n; i++) kcount[i] -= 1;
  return kcount;
}

/** JAX's `_poisson_rejection` (elements with lam < 10 run with lam 1e5 and are discarded). */
function poissonRejection(key: ReturnType<typeof keyInfo>, lamAll: Float64Array, shape: number[]): Float64Array {
  const n = lamAll.length;
  const { ex } = core();
  const lam = new Float64Array(n), logLam = new Float64Array(n), b = new Float64Array(n), a = new Float64Array(n);
  const invAlpha = new Float64Array(n), vR = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = lamAll[i] < 10 ? 1e5 : lamAll[i];
    lam[i] = l;
    logLam[i] = ex.log32(l);
    b[i] = f(f(0.931) + f(f(2.53) * f(Math.sqrt(l))));
    a[i] = f(f(-0.059) + f(f(0.02483) * b[i]));
    invAlpha[i] = f(f(1.1239) + f(f(1.1328) / f(b[i] - f(3.4))));
    vR[i] = f(f(0.9277) - f(f(3.6224) / f(b[i] - 2)));
  }
  const kOut = new Float64Array(n).fill(-1);
  const accepted = new Uint8Array(n);
  let remaining = n;
  const c07 = f(0.07), c013 = f(0.013), c043 = f(0.43);
  let cur = key;
  while (remaining > 0) {
    const w = splitWords(cur, 3);
    cur = keyAt(w, 0, key);
    const uu = drawArray(keyAt(w, 1, key), shape, 'float32', 'uniform');
    const vv = drawArray(keyAt(w, 2, key), shape, 'float32', 'uniform');
    for (let i = 0; i < n; i++) {
      // placeholders (lam < 10) only matter until accepted: they set the round count
      if (accepted[i] && lamAll[i] < 10) continue;
      const u = f(uu[i] - 0.5), v = vv[i];
      const us = f(0.5 - Math.abs(u));
      const kk = Math.floor(f(f(f(f(f(f(2 * a[i]) / us) + b[i]) * u) + lam[i]) + c043));
      let accept = us >= c07 && v <= vR[i];
      if (!accept) {
        const reject = kk < 0 || (us < c013 && v > us);
        if (!reject) {
          const s = ex.log32(f(f(v * invAlpha[i]) / f(f(a[i] / f(us * us)) + b[i])));
          const t = f(f(-lam[i] + f(kk * logLam[i])) - f(lgamma(f(kk + 1))));
          accept = s <= t;
        }
      }
      if (accept) {
        kOut[i] = kk;
        if (!accepted[i]) { accepted[i] = 1; remaining--; }
      }
    }
  }
  return kOut;
}

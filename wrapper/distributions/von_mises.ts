/**
 * The von Mises distribution on the circle, as `tfd.VonMises` on JAX: location `loc`,
 * concentration k >= 0 (k = 0 is uniform on the circle).
 *
 *   log p(x) = k (cos(x - loc) - 1) - log(2π i0e(k))      (periodic in x, as TFP; cos t - 1
 *     is evaluated as -2 sin²(t/2), which keeps float32 accuracy for large k)
 *   cdf(x) = F(x - loc): 1/2 + t/(2π) + (1/π) Σ_n (I_n(k)/I_0(k)) sin(n t)/n for k < 10.5
 *     (20 terms, Bessel ratios by backward recurrence), and for k >= 10.5 Hill's corrected
 *     normal approximation Φ(ξ), ξ = z - z³/((24k - 2z² - 16)/3 - (z⁴ + 7z²/4 + 167/2)/
 *     (24k - 56 - z² + 3))², z = sqrt(2/π) sin(t/2)/i0e(k)  (Hill 1977, ACM Algorithm 518,
 *     TFP's `von_mises_cdf`). Outside [-π, π] the cdf adds one per whole period, as TFP.
 *     Accuracy: ~1e-14 for k < 10 and ~1e-8 absolute just above k = 10.5 (the approximation's
 *     error, shrinking fast with k); TFP uses the same switch.
 *   mean loc, mode loc, variance 1 - i1e(k)/i0e(k) (the circular variance, as TFP),
 *   entropy k (1 - i1e(k)/i0e(k)) + log(2π i0e(k)).
 * Like TFP, a negative concentration is not detected without validateArgs (the formulas
 * stay finite since i0e is even); validateArgs requires k >= 0.
 *
 * Sampling: Best & Fisher's (1979) rejection sampler, as TFP's `random_von_mises`, written
 * over typed arrays in float64: with r = 1 + sqrt(1 + 4k²), ρ = (r - sqrt(2r))/(2k),
 * s = (1 + ρ²)/(2ρ) (s = 1/k for k < 1.2e-4), each round splits the round key into
 * (uKey, vKey, next) = `random.split(key, 3)`, draws u = `random.uniform(uKey, shape, -1, 1)`
 * and v = `random.uniform(vKey, shape)` for the whole shape (as TFP's loop), and for every
 * not-yet-accepted element sets w = (1 + s z)/(s + z), z = cos(π u), y = k (s - w),
 * accepting when y (2 - y) >= v or log(y/v) + 1 >= y; at most 100 rounds (TFP's cap).
 * The sample is sign(u) acos(w) + loc, wrapped into [-π, π]. k = 0 accepts w = z at once
 * (exactly uniform). Not bit-identical with TFP (its seed salting and float32 arithmetic);
 * tested statistically. FULLY_REPARAMETERIZED as TFP: the gradient with respect to loc is
 * 1 and with respect to k the implicit reparameterization gradient -∂F/∂k / p
 * (implicit_reparam.ts), F differentiated through the series / approximation above.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import { uniform as randomUniform } from '../random/uniform.js';
import { split as randomSplit } from '../random/key.js';
import { implicitReparam } from './implicit_reparam.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link VonMises}. */
export interface VonMisesOptions extends DistributionOptions {
  /** Location (the mean direction). */
  loc: ParamInput;
  /** Concentration k (>= 0). */
  concentration: ParamInput;
}

const TWO_PI = 2 * Math.PI;
const LOG_TWO_PI = Math.log(TWO_PI);
const SERIES_CUTOFF = 10.5;
const SERIES_TERMS = 20;

/**
 * The cdf of VonMises(0, k) at t (any real; whole periods add 1), differentiable in t and k.
 * @example `vonMisesCdf(0, 2) // 0.5`
 */
export function vonMisesCdf(t: Tensor, k: Tensor): Tensor {
  const periods = np.round(np.divide(t, TWO_PI));
  const x = np.subtract(t, np.multiply(TWO_PI, periods));
  const useSeries = np.less(k, SERIES_CUTOFF);
  // series branch (k clamped away from 0 so 2n/k stays finite, and to the cutoff above it)
  const ks = np.where(useSeries, np.maximum(k, 1e-20), 1);
  let r: Tensor | number = 0, v: Tensor | number = 0;
  for (let n = SERIES_TERMS; n >= 1; n--) {
    r = np.reciprocal(np.add(np.divide(2 * n, ks), r));
    v = np.multiply(r, np.add(np.divide(np.sin(np.multiply(n, x)), n), v));
  }
  const series = np.add(np.add(0.5, np.divide(x, TWO_PI)), np.divide(v as Tensor, Math.PI));
  // normal-approximation branch
  const kn = np.where(useSeries, SERIES_CUTOFF, k);
  const z = np.multiply(np.divide(Math.sqrt(2 / Math.PI), np.i0e(kn)), np.sin(np.multiply(0.5, x)));
  const z2 = np.square(z);
  const c = np.multiply(24, kn);
  const inner = np.subtract(np.divide(np.subtract(np.subtract(c, np.multiply(2, z2)), 16), 3),
    np.divide(np.add(np.add(np.square(z2), np.multiply(1.75, z2)), 83.5), np.add(np.subtract(np.subtract(c, 56), z2), 3)));
  const xi = np.subtract(z, np.divide(np.multiply(z2, z), np.square(inner)));
  const cdf = np.where(useSeries, series, np.ndtr(xi));
  return np.add(np.clip(cdf, 0, 1), periods);
}

/** Best-Fisher draws of VonMises(0, k) for flat k (float64 arithmetic); see the file comment. */
function bestFisher(seed: KeyLike, k: ArrayLike<number>, shape: number[], dtype: 'float32' | 'float64'): Float64Array {
  const N = sizeOf(shape);
  const out = new Float64Array(N);
  const s = new Float64Array(N), w = new Float64Array(N), u = new Float64Array(N);
  const done = new Uint8Array(N);
  let remaining = 0;
  for (let i = 0; i < N; i++) {
    const ki = k[i];
    if (!(ki >= 0 && ki < Infinity)) { done[i] = 1; out[i] = NaN; continue; }
    if (ki < 1.2e-4) s[i] = ki === 0 ? Infinity : 1 / ki;
    else {
      const r = 1 + Math.sqrt(1 + 4 * ki * ki);
      const rho = (r - Math.sqrt(2 * r)) / (2 * ki);
      s[i] = (1 + rho * rho) / (2 * rho);
    }
    remaining++;
  }
  let key = seed;
  for (let round = 0; round < 100 && remaining > 0; round++) {
    const [uKey, vKey, next] = randomSplit(key, 3) as unknown as Tensor[];
    key = next;
    const U = randomUniform(uKey, { shape, dtype, minval: -1, maxval: 1 }).data();
    const V = randomUniform(vKey, shape, dtype).data();
    for (let i = 0; i < N; i++) {
      if (done[i]) continue;
      u[i] = Number(U[i]);
      const zz = Math.cos(Math.PI * u[i]);
      if (k[i] === 0) { w[i] = zz; done[i] = 1; remaining--; continue; }
      w[i] = (1 + s[i] * zz) / (s[i] + zz);
      const y = k[i] * (s[i] - w[i]), vv = Number(V[i]);
      if (y * (2 - y) >= vv || Math.log(y / vv) + 1 >= y) { done[i] = 1; remaining--; }
    }
  }
  for (let i = 0; i < N; i++) {
    if (Number.isNaN(out[i])) continue;
    out[i] = Math.sign(u[i]) * Math.acos(Math.min(1, Math.max(-1, w[i])));
  }
  return out;
}
type ArrayLike<T> = { readonly length: number; readonly [i: number]: T };

/**
 * Von Mises distribution.
 * @example
 * ```ts
 * const d = new tfd.VonMises({ loc: 0, concentration: 2 });
 * d.cdf(0);                                  // 0.5
 * d.variance();                              // 1 - I1(2)/I0(2) = 0.3022...
 * d.sample([3], { seed: random.key(0) });    // shape [3], in [-π, π]
 * ```
 */
export class VonMises extends Distribution {
  private readonly _dtype: DType;

  constructor(options: VonMisesOptions) {
    super(options ?? {}, 'VonMises');
    if (options === undefined || options.loc === undefined || options.concentration === undefined) {
      throw new TypeError('VonMises: loc and concentration are required, e.g. new VonMises({ loc: 0, concentration: 2 })');
    }
    this._dtype = this.initParams({ loc: options.loc, concentration: options.concentration });
    this.assertParam('concentration', (v) => v >= 0, 'non-negative');
  }

  /** Location (current value). */
  get loc(): Tensor { return this.param('loc'); }
  /** Concentration k (current value). */
  get concentration(): Tensor { return this.param('concentration'); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return { loc: { eventNdims: 0 }, concentration: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const k = np.broadcastTo(this.concentration, shape);
    const dt = this._dtype as 'float32' | 'float64';
    const raw = bestFisher(seed, k.data() as ArrayLike<number>, shape, dt);
    const x0 = new Tensor(dt === 'float32' ? Float32Array.from(raw) : raw, shape);
    const std = implicitReparam(x0, (x) => vonMisesCdf(x, k), (x) => logProbCentered(x, k));
    const x = np.add(std, this.loc);
    return np.subtract(x, np.multiply(TWO_PI, np.round(np.divide(x, TWO_PI))));
  }

  protected _logProb(x: Tensor): Tensor {
    return logProbCentered(np.subtract(np.astype(x, this._dtype), this.loc), this.concentration);
  }
  protected _cdf(x: Tensor): Tensor {
    const t = np.subtract(np.astype(x, this._dtype), this.loc);
    return vonMisesCdf(t, np.broadcastTo(this.concentration, broadcastShapes(t.shape, this.concentration.shape, 'VonMises.cdf')));
  }

  protected _mean(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }
  protected _mode(): Tensor { return this._mean(); }
  private ratio(): Tensor { const k = this.concentration; return np.divide(np.i1e(k), np.i0e(k)); }
  protected _variance(): Tensor { return np.broadcastTo(np.subtract(1, this.ratio()), this.batchShape); }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _entropy(): Tensor {
    const k = this.concentration;
    const h = np.add(np.multiply(k, np.subtract(1, this.ratio())), np.add(np.log(np.i0e(k)), LOG_TWO_PI));
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector {
    return new Sigmoid({ low: np.array(-Math.PI, this._dtype), high: np.array(Math.PI, this._dtype), validateArgs: this.validateArgs });
  }
}

function logProbCentered(t: Tensor, k: Tensor): Tensor {
  // cos t - 1 = -2 sin²(t/2), without the cancellation that costs float32 digits for large k
  const cm1 = np.multiply(-2, np.square(np.sin(np.multiply(0.5, t))));
  return np.subtract(np.multiply(k, cm1), np.add(np.log(np.i0e(k)), LOG_TWO_PI));
}

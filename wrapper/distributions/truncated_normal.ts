/**
 * The truncated normal distribution, as `tfd.TruncatedNormal(loc, scale, low, high)` on JAX:
 * a Normal(loc, scale) restricted to [low, high] and renormalized.
 *
 * Math (TFP's formulas in log space): a = (low - loc)/scale, b = (high - loc)/scale,
 * Z = ndtr(b) - ndtr(a); log p = -z^2/2 - log(2 pi)/2 - log(scale) - log Z inside [low, high],
 * -inf outside; mean = loc + scale (phi(a) - phi(b))/Z; variance = scale^2 (1 + (a phi(a) -
 * b phi(b))/Z - ((phi(a) - phi(b))/Z)^2); entropy = (1 + log 2 pi)/2 + log(scale) + log Z +
 * (a phi(a) - b phi(b))/(2 Z); mode = clip(loc, low, high). Differences of ndtr are taken
 * as log-sub-exp of logNdtr values, and of the upper-tail values logNdtr(-a), logNdtr(-b)
 * when a > 0 (both bounds in the upper tail), so the far tails keep full relative accuracy
 * (TFP uses the lower-tail form only). cdf, sf and their logs use the same differences
 * (cdf = exp(log cdf)); quantile = loc + scale ndtri(ndtr(a) (1 - p) + ndtr(b) p) (mirrored
 * for a > 0), clipped to [low, high]. Infinite bounds work in every method except
 * `experimentalDefaultEventSpaceBijector` (TFP requires finite bounds).
 *
 * Sampling: z = random.truncatedNormal(seed, a, b, [n, ...batch]) (JAX's inverse-cdf
 * sampler, which TFP's stateless_parameterized_truncated_normal calls on JAX), x = z scale
 * + loc. The key is consumed as that sampler does; not bit-identical with TFP (the sampler
 * itself is not bit-exact with JAX; see random.truncatedNormal). Pathwise gradients are
 * TFP's implicit reparameterization: dz/dtheta = -(dF/dtheta)/p(z) with F the truncated
 * cdf, for loc, scale, low and high.
 *
 * Invalid parameters: scale <= 0 gives NaN; low >= high gives -inf log prob (TFP). With
 * `validateArgs`, a RangeError names `scale`, or `low` and `high`.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Sigmoid } from '../bijectors/sigmoid.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { truncatedNormal as randomTruncatedNormal } from '../random/truncated_normal.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link TruncatedNormal}. */
export interface TruncatedNormalOptions extends DistributionOptions {
  /** Mean of the untruncated normal. */
  loc: ParamInput;
  /** Standard deviation of the untruncated normal (> 0). */
  scale: ParamInput;
  /** Lower bound. */
  low: ParamInput;
  /** Upper bound (> low). */
  high: ParamInput;
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log(1 - exp(-d)) for d >= 0 (Maechler's switch at log 2). */
function log1mexp(d: Tensor): Tensor {
  const big = np.greater(d, Math.LN2);
  const db = np.where(big, d, 1), ds = np.where(big, 0.5, d);
  return np.where(big, np.log1p(np.negative(np.exp(np.negative(db)))), np.log(np.negative(np.expm1(np.negative(ds)))));
}

/** log(exp(x) - exp(y)) for x >= y. */
function logSubExp(x: Tensor, y: Tensor): Tensor {
  return np.add(x, log1mexp(np.subtract(x, y)));
}

/** log(ndtr(hi) - ndtr(lo)) for lo <= hi, in whichever tail keeps the digits. */
function logDiffNdtr(lo: Tensor, hi: Tensor): Tensor {
  const upper = np.greater(lo, 0);
  const lo1 = np.where(upper, lo, 1), hi1 = np.where(upper, hi, 2);
  const lo2 = np.where(upper, -2, lo), hi2 = np.where(upper, -1, hi);
  const up = logSubExp(np.logNdtr(np.negative(lo1)), np.logNdtr(np.negative(hi1)));
  const down = logSubExp(np.logNdtr(hi2), np.logNdtr(lo2));
  return np.where(upper, up, down);
}

/** log of the standard normal density. */
function logPhi(z: Tensor): Tensor { return np.subtract(np.multiply(-0.5, np.square(z)), HALF_LOG_TWO_PI); }

/** A constant copy of t (no gradient flows into it). */
function detached(t: Tensor): Tensor { return new Tensor(t.data().slice(), t.shape.slice()); }

/**
 * Normal(loc, scale) truncated to [low, high].
 * @example
 * ```ts
 * const d = new tfd.TruncatedNormal({ loc: 0, scale: 1, low: -1, high: 2 });
 * d.logProb(0);                                 // -0.7187722
 * d.mean();                                     // 0.2296372
 * d.sample([3], { seed: random.key(0) });       // three draws in [-1, 2]
 * ```
 */
export class TruncatedNormal extends Distribution {
  private readonly _dtype: DType;

  constructor(options: TruncatedNormalOptions) {
    super(options ?? {}, 'TruncatedNormal');
    if (options === undefined || [options.loc, options.scale, options.low, options.high].some((v) => v === undefined)) {
      throw new TypeError('TruncatedNormal: loc, scale, low and high are required, e.g. new TruncatedNormal({ loc: 0, scale: 1, low: -1, high: 1 })');
    }
    this._dtype = this.initParams({ loc: options.loc, scale: options.scale, low: options.low, high: options.high });
    this.assertParam('scale', (v) => v > 0, 'positive');
    if (this.validateArgs) {
      const lo = np.broadcastTo(this.low, this.batchShape).data(), hi = np.broadcastTo(this.high, this.batchShape).data();
      for (let i = 0; i < lo.length; i++) {
        if (!(Number(lo[i]) < Number(hi[i]))) {
          throw new RangeError(`TruncatedNormal: low must be less than high; got low=${lo[i]}, high=${hi[i]}${lo.length > 1 ? ` at index ${i}` : ''}`);
        }
      }
    }
  }

  /** Mean of the untruncated normal (current value). */
  get loc(): Tensor { return this.param('loc'); }
  /** Standard deviation of the untruncated normal (current value). */
  get scale(): Tensor { return this.param('scale'); }
  /** Lower bound (current value). */
  get low(): Tensor { return this.param('low'); }
  /** Upper bound (current value). */
  get high(): Tensor { return this.param('high'); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      loc: { eventNdims: 0 },
      scale: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      low: { eventNdims: 0 },
      high: { eventNdims: 0 },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const [a, b] = this.ab();
    const valid = np.less(a, b);
    const a0 = detached(np.where(valid, a, 0)), b0 = detached(np.where(valid, b, 1));
    const z0 = randomTruncatedNormal(seed, a0, b0, shape, this._dtype as 'float32' | 'float64');
    // implicit reparameterization: value z0, gradient -(dF/dtheta) / p(z0)
    const logZ = logDiffNdtr(a, b);
    const zc = np.minimum(np.maximum(z0, a), b);
    const F = np.exp(np.subtract(logDiffNdtr(a, zc), logZ));
    const invPdf = detached(np.exp(np.subtract(logZ, logPhi(z0))));
    const w = np.where(np.isfinite(invPdf), invPdf, 0);
    const z = np.subtract(z0, np.multiply(np.subtract(F, detached(F)), w));
    const x = np.add(np.multiply(z, this.scale), this.loc);
    return np.where(valid, x, NaN);
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const [a, b] = this.ab();
    const z = np.divide(np.subtract(xx, this.loc), this.scale);
    const lp = np.subtract(logPhi(z), np.add(np.log(this.scale), logDiffNdtr(a, b)));
    return np.where(np.less(xx, this.low), -Infinity, np.where(np.greater(xx, this.high), -Infinity, lp));
  }

  protected _logCdf(x: Tensor): Tensor {
    const [a, b, zc] = this.abz(x);
    return np.subtract(logDiffNdtr(a, zc), logDiffNdtr(a, b));
  }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    const [a, b, zc] = this.abz(x);
    return np.subtract(logDiffNdtr(zc, b), logDiffNdtr(a, b));
  }
  protected _cdf(x: Tensor): Tensor { return np.exp(this._logCdf(x)); }
  protected _survivalFunction(x: Tensor): Tensor { return np.exp(this._logSurvivalFunction(x)); }

  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype);
    const [a, b] = this.ab();
    const upper = np.greater(a, 0);
    const mix = (lo: Tensor, hi: Tensor): Tensor => np.add(np.multiply(np.ndtr(lo), np.subtract(1, pp)), np.multiply(np.ndtr(hi), pp));
    const qDown = np.ndtri(mix(np.where(upper, 0, a), np.where(upper, 1, b)));
    const qUp = np.negative(np.ndtri(mix(np.negative(np.where(upper, a, 0)), np.negative(np.where(upper, b, 1)))));
    const x = np.add(this.loc, np.multiply(this.scale, np.where(upper, qUp, qDown)));
    return np.minimum(np.maximum(x, this.low), this.high);
  }

  protected _mean(): Tensor {
    const [a, b] = this.ab();
    const logZ = logDiffNdtr(a, b);
    const d = np.subtract(np.exp(np.subtract(logPhi(a), logZ)), np.exp(np.subtract(logPhi(b), logZ)));
    return np.broadcastTo(np.add(this.loc, np.multiply(this.scale, d)), this.batchShape);
  }

  protected _variance(): Tensor {
    const [a, b] = this.ab();
    const logZ = logDiffNdtr(a, b);
    const pa = np.exp(np.subtract(logPhi(a), logZ)), pb = np.exp(np.subtract(logPhi(b), logZ));
    const m = np.subtract(pa, pb);
    const v = np.subtract(np.add(1, np.subtract(this.xPhi(a, pa), this.xPhi(b, pb))), np.square(m));
    return np.broadcastTo(np.multiply(np.square(this.scale), v), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }

  protected _entropy(): Tensor {
    const [a, b] = this.ab();
    const logZ = logDiffNdtr(a, b);
    const pa = np.exp(np.subtract(logPhi(a), logZ)), pb = np.exp(np.subtract(logPhi(b), logZ));
    const h = np.add(np.add(np.log(this.scale), logZ), np.multiply(0.5, np.subtract(this.xPhi(a, pa), this.xPhi(b, pb))));
    return np.broadcastTo(np.add(h, 0.5 + HALF_LOG_TWO_PI), this.batchShape);
  }

  protected _mode(): Tensor {
    return np.minimum(np.maximum(np.broadcastTo(this.loc, this.batchShape), this.low), this.high);
  }

  protected _defaultEventSpaceBijector(): Bijector {
    return new Sigmoid({ low: this.low, high: this.high, validateArgs: this.validateArgs });
  }

  /** Standardized bounds [a, b]. */
  private ab(): [Tensor, Tensor] {
    const loc = this.loc, scale = this.scale;
    return [np.divide(np.subtract(this.low, loc), scale), np.divide(np.subtract(this.high, loc), scale)];
  }

  /** [a, b, z clipped to [a, b]]. */
  private abz(x: Tensor): [Tensor, Tensor, Tensor] {
    const [a, b] = this.ab();
    const z = np.divide(np.subtract(np.astype(x, this._dtype), this.loc), this.scale);
    return [a, b, np.minimum(np.maximum(z, a), b)];
  }

  /** t * (phi(t)/Z) with 0 for infinite t (where phi(t)/Z = 0). */
  private xPhi(t: Tensor, phiOverZ: Tensor): Tensor {
    const fin = np.isfinite(t);
    return np.where(fin, np.multiply(np.where(fin, t, 0), phiOverZ), 0);
  }
}

/**
 * The Beta distribution on [0, 1], as `tfd.Beta` on JAX: concentration1 = a > 0 (mass
 * towards 1) and concentration0 = b > 0 (mass towards 0).
 *
 *   log p(x) = xlogy(a - 1, x) + xlog1py(b - 1, -x) - betaln(a, b)
 *   cdf(x) = I_x(a, b) (regularized incomplete beta), survival I_{1-x}(b, a)
 *   mean a/(a+b), variance mean (1 - mean)/(1 + a + b), mode (a - 1)/(a + b - 2) when
 *   a > 1 and b > 1 (NaN otherwise, or an Error without allowNanStats), entropy
 *   betaln(a, b) - (a-1) ψ(a) - (b-1) ψ(b) + (a+b-2) ψ(a+b).
 *
 * Provenance: TFP's beta.py (formulas, mode, KL); the survival function uses the
 * reflected incomplete beta I_{1-x}(b, a) where that is the accurate choice (x >= 0.5, or
 * cdf > 0.5 with density < 1) and 1 - cdf elsewhere (TFP: always 1 - cdf), for tail accuracy. x outside [0, 1] is
 * outside the formulas' domain (NaN), as in TFP; x = 0 or 1 gives the density's limit.
 *
 * Sampling: `random.beta(seed, a, b, [n, ...batchShape])` (JAX: two log-gamma draws from
 * `split(seed)`, combined without underflow); TFP-on-JAX draws its own log-gamma samples,
 * so samples are not bit-identical with TFP; tested statistically. Invalid parameters give
 * NaN samples. FULLY_REPARAMETERIZED as in TFP: gradients with respect to a and b are the
 * implicit reparameterization gradients -∂I_x(a, b)/∂θ / p(x) (implicit_reparam.ts).
 * Samples may round to exactly 0 or 1 for tiny concentrations (as in TFP).
 *
 * KL(Beta || Beta) is registered at the bottom (TFP's closed form).
 *
 * log_prob runs as one fused wasm pass (./fused/beta.ts) when x and the concentrations are
 * single values or full-shape; invalid concentrations (<= 0) give NaN there.
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
import { beta as randomBeta } from '../random/gamma.js';
import { registerKL } from './kl.js';
import { betaLogProb } from './fused/beta.js';
import { implicitReparam } from './implicit_reparam.js';
import { undefinedStat } from './undefined_stat.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link Beta}. */
export interface BetaOptions extends DistributionOptions {
  /** a > 0: concentration of the outcome 1 ("alpha"). */
  concentration1: ParamInput;
  /** b > 0: concentration of the outcome 0 ("beta"). */
  concentration0: ParamInput;
}

/**
 * Beta distribution.
 * @example
 * ```ts
 * const d = new tfd.Beta({ concentration1: 2, concentration0: 5 });
 * d.mean();                                 // 0.2857143
 * d.logProb(0.25);                          // log(30 * 0.25 * 0.75^4) = 0.8641747
 * d.sample([3], { seed: random.key(0) });   // shape [3], in [0, 1]
 * ```
 */
export class Beta extends Distribution {
  private readonly _dtype: DType;

  constructor(options: BetaOptions) {
    super(options ?? {}, 'Beta');
    if (options === undefined || options.concentration1 === undefined || options.concentration0 === undefined) {
      throw new TypeError('Beta: concentration1 and concentration0 are required, e.g. new Beta({ concentration1: 2, concentration0: 5 })');
    }
    this._dtype = this.initParams({ concentration1: options.concentration1, concentration0: options.concentration0 });
    this.assertParam('concentration1', (v) => v > 0, 'positive');
    this.assertParam('concentration0', (v) => v > 0, 'positive');
  }

  /** a (current value). */
  get concentration1(): Tensor { return this.param('concentration1'); }
  /** b (current value). */
  get concentration0(): Tensor { return this.param('concentration0'); }
  /** a + b. */
  get totalConcentration(): Tensor { return np.add(this.concentration1, this.concentration0); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      concentration1: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      concentration0: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  /** betaln(a, b), the log normalizer. */
  logNormalization(): Tensor { return np.betaln(this.concentration1, this.concentration0); }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape];
    const a = np.broadcastTo(this.concentration1, shape), b = np.broadcastTo(this.concentration0, shape);
    const ad = a.data(), bd = b.data();
    const N = sizeOf(shape);
    const sa = new Float64Array(N), sb = new Float64Array(N), bad = new Uint8Array(N);
    const ok = (v: number): boolean => v > 0 && v < Infinity;
    for (let i = 0; i < N; i++) {
      bad[i] = ok(Number(ad[i])) && ok(Number(bd[i])) ? 0 : 1;
      sa[i] = bad[i] ? 1 : Number(ad[i]);
      sb[i] = bad[i] ? 1 : Number(bd[i]);
    }
    const dt = this._dtype as 'float32' | 'float64';
    const raw = N === 0 ? new Float64Array(0) : randomBeta(seed, new Tensor(sa, shape), new Tensor(sb, shape), shape, dt).data();
    const vals = dt === 'float32' ? new Float32Array(N) : new Float64Array(N);
    for (let i = 0; i < N; i++) vals[i] = bad[i] ? NaN : Number(raw[i]);
    return implicitReparam(new Tensor(vals, shape), (x) => np.betainc(a, b, x), (x) => this._logProb(x));
  }

  protected _logProb(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const a = this.concentration1, b = this.concentration0;
    // one pass in the wasm core on the fast path (single-value or full-shape inputs)
    const fused = betaLogProb(xx, a, b);
    if (fused) return fused;
    const unnorm = np.add(np.xlogy(np.subtract(a, 1), xx), np.xlog1py(np.subtract(b, 1), np.negative(xx)));
    return np.subtract(unnorm, this.logNormalization());
  }

  protected _cdf(x: Tensor): Tensor { return np.betainc(this.concentration1, this.concentration0, np.astype(x, this._dtype)); }
  protected _survivalFunction(x: Tensor): Tensor {
    const xx = np.astype(x, this._dtype);
    const cdf = this._cdf(xx);
    const reflected = np.betainc(this.concentration0, this.concentration1, np.subtract(1, xx));
    // I_{1-x}(b, a) is exact in 1 - x for x >= 0.5 and keeps tiny right tails; below 0.5,
    // 1 - x rounds, which matters where the density is large, so 1 - cdf is used there
    // unless the survival is small (cdf > 0.5) and the density below 1.
    const f = (b: Tensor): Tensor => np.astype(b, this._dtype);
    const useReflected = np.greater(np.add(f(np.greaterEqual(xx, 0.5)), np.multiply(f(np.greater(cdf, 0.5)), f(np.less(this._logProb(xx), 0)))), 0);
    return np.where(useReflected, reflected, np.subtract(1, cdf));
  }
  protected _logCdf(x: Tensor): Tensor { return np.log(this._cdf(x)); }
  protected _logSurvivalFunction(x: Tensor): Tensor { return np.log(this._survivalFunction(x)); }
  /** betaincinv(concentration1, concentration0, p). */
  protected _quantile(p: Tensor): Tensor { return np.betaincinv(this.concentration1, this.concentration0, np.astype(p, this._dtype)); }

  protected _mean(): Tensor { return np.broadcastTo(np.divide(this.concentration1, this.totalConcentration), this.batchShape); }
  protected _variance(): Tensor {
    const m = this._mean();
    return np.broadcastTo(np.divide(np.multiply(m, np.subtract(1, m)), np.add(1, this.totalConcentration)), this.batchShape);
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor {
    const a = this.concentration1, b = this.concentration0;
    const mode = np.divide(np.subtract(a, 1), np.subtract(this.totalConcentration, 2));
    const defined = np.greater(np.minimum(a, b), 1);
    return undefinedStat(this, defined, mode, this.batchShape, 'mode', 'concentration1 > 1 and concentration0 > 1');
  }
  protected _entropy(): Tensor {
    const a = this.concentration1, b = this.concentration0, t = this.totalConcentration;
    const h = np.add(
      np.subtract(np.subtract(this.logNormalization(), np.multiply(np.subtract(a, 1), np.digamma(a))), np.multiply(np.subtract(b, 1), np.digamma(b))),
      np.multiply(np.subtract(t, 2), np.digamma(t)),
    );
    return np.broadcastTo(h, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Sigmoid({ validateArgs: this.validateArgs }); }
}

// KL(d1 || d2), TFP's form: [betaln(a2, b2) - betaln(a1, b1)] - ψ(a1)(a2 - a1) - ψ(b1)(b2 - b1)
// + ψ(a1 + b1)((a2 + b2) - (a1 + b1)).
registerKL(Beta, Beta, (d1, d2) => {
  const a1 = d1.concentration1, b1 = d1.concentration0, a2 = d2.concentration1, b2 = d2.concentration0;
  const t1 = np.add(a1, b1), t2 = np.add(a2, b2);
  const kl = np.add(
    np.subtract(np.subtract(np.subtract(d2.logNormalization(), d1.logNormalization()), np.multiply(np.digamma(a1), np.subtract(a2, a1))), np.multiply(np.digamma(b1), np.subtract(b2, b1))),
    np.multiply(np.digamma(t1), np.subtract(t2, t1)),
  );
  return np.broadcastTo(kl, broadcastShapes(d1.batchShape, d2.batchShape, 'klDivergence: batch shapes'));
});

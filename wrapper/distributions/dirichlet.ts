/**
 * `tfd.Dirichlet`: the Dirichlet distribution on the (k-1)-simplex with `concentration`
 * α (shape [..., k], α_i > 0); event shape [k].
 *
 * Math (TFP's forms, α0 = Σ α_i):
 *   log p(x) = Σ xlogy(α_i - 1, x_i) - lbeta(α),  lbeta(α) = Σ lgamma(α_i) - lgamma(α0);
 *   mean = α/α0; variance = m (s - m) with s = rsqrt(1 + α0), m = s α/α0;
 *   covariance = -(s m)(s m)ᵀ off the diagonal, the variance on it;
 *   mode = (α - 1)/(α0 - k) when every α_i > 1, else NaN (or an Error with allowNanStats false);
 *   entropy = lbeta(α) + (α0 - k) digamma(α0) - Σ (α_i - 1) digamma(α_i).
 * KL(a || b) = Σ (α_i - β_i)(digamma(α_i) - digamma(α0)) - lbeta(α) + lbeta(β).
 * Provenance: TFP `dirichlet.py`; reference values from `scipy.stats.dirichlet`.
 *
 * Sampling as TFP: log-space gamma draws G_i = log Gamma(α_i) (`random.loggamma(seed,
 * α, [n, ...batch, k])`, so tiny α do not underflow) normalized in log space,
 * x = exp(G - logsumexp(G)). TFP on JAX uses its own gamma sampler, so samples are not
 * bit-identical with TFP; tested statistically. Fully reparameterized as TFP: G carries
 * the implicit gradient of `implicit_reparam.ts` in log space (cdf P(α, e^G), log-density
 * αG - e^G - lgamma(α)). Invalid α gives NaN samples, never an exception.
 *
 * NaN/inf: α_i <= 0 gives NaN log-densities; with `validateArgs` a RangeError naming
 * `concentration` (also for k < 2 and, in logProb, for values off the simplex).
 * Accuracy: lgamma/digamma-limited (float32 a few ulp; lbeta loses relative accuracy when
 * it nearly cancels).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import type { ParamInput } from '../util/variable.js';
import { loggamma } from '../random/gamma.js';
import type { Bijector } from '../bijectors/bijector.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import { SoftmaxCentered } from '../bijectors/softmax_centered.js';
import { registerKL } from './kl.js';
import { implicitReparam } from './implicit_reparam.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { storedShape } from './mvn_linear_operator.js';

/** Options of {@link Dirichlet}. */
export interface DirichletOptions extends DistributionOptions {
  /** Concentration α (> 0), shape [..., k] with k >= 1 (validateArgs requires k >= 2). */
  concentration: ParamInput;
}

/** lbeta over the last axis: Σ lgamma(α_i) - lgamma(Σ α_i). */
function lbeta(a: Tensor): Tensor {
  return np.subtract(np.sum(np.lgamma(a), { axis: -1 }), np.lgamma(np.sum(a, { axis: -1 })));
}

/**
 * Dirichlet({ concentration }).
 * @example
 * ```ts
 * const d = new tfd.Dirichlet({ concentration: [1, 2, 3] });
 * d.mean();                                // [1/6, 1/3, 1/2]
 * d.logProb([0.25, 0.25, 0.5]);            // log(60 * 0.25 * 0.25) = log 3.75
 * d.sample([5], { seed: random.key(0) }); // shape [5, 3], rows on the simplex
 * ```
 */
export class Dirichlet extends Distribution {
  private readonly _dtype: DType;

  constructor(options: DirichletOptions) {
    super(options ?? {}, 'Dirichlet');
    if (options === undefined || options.concentration === undefined) {
      throw new TypeError('Dirichlet: concentration is required, e.g. new Dirichlet({ concentration: [1, 2, 3] })');
    }
    this._dtype = this.initParams({ concentration: options.concentration });
    const s = storedShape(this._params.concentration)!;
    if (this.validateArgs && s[s.length - 1] < 2) throw new RangeError(`Dirichlet: concentration must have event size >= 2; got shape [${s.join(', ')}]`);
    this.assertParam('concentration', (v) => v > 0, 'positive');
  }

  /** Concentration α (current value). */
  get concentration(): Tensor { return this.param('concentration'); }
  /** α0 = Σ α_i (batch shape). */
  get totalConcentration(): Tensor { return np.sum(this.concentration, { axis: -1 }); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    const dt = this._dtype;
    return { concentration: { eventNdims: 1, defaultConstrainingBijector: () => softplusLowerBound(dt) } };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { const s = storedShape(this._params.concentration)!; return [s[s.length - 1]]; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const shape = [n, ...this.batchShape, ...this.eventShape];
    const c = np.broadcastTo(this.concentration, shape);
    const cd = c.data(), N = sizeOf(shape);
    const safe = new Float64Array(N), bad = new Uint8Array(N);
    for (let i = 0; i < N; i++) {
      const v = Number(cd[i]);
      bad[i] = v > 0 && v < Infinity && !(this._dtype === 'float32' && Math.fround(v) === 0) ? 0 : 1;
      safe[i] = bad[i] ? 1 : v;
    }
    const raw = N === 0 ? new Float64Array(0) : loggamma(seed, new Tensor(safe, shape), shape, this._dtype as 'float32' | 'float64').data();
    const vals = this._dtype === 'float32' ? new Float32Array(N) : new Float64Array(N);
    for (let i = 0; i < N; i++) vals[i] = bad[i] ? NaN : Number(raw[i]);
    const g = implicitReparam(new Tensor(vals, shape), (y) => np.gammainc(c, np.exp(y)),
      (y) => np.subtract(np.subtract(np.multiply(c, y), np.exp(y)), np.lgamma(c)));
    return np.exp(np.subtract(g, np.logsumexp(g, { axis: -1, keepdims: true })));
  }

  protected _logProb(x: Tensor): Tensor {
    const k = this.eventShape[0];
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] !== k) {
      throw new RangeError(`Dirichlet.logProb: value must have shape [..., ${k}] (the event shape); got [${x.shape.join(', ')}]`);
    }
    const xx = np.astype(x, this._dtype);
    if (this.validateArgs) this.checkSample(xx);
    const a = this.concentration;
    const lp = np.subtract(np.sum(np.xlogy(np.subtract(a, 1), xx), { axis: -1 }), lbeta(a));
    const valid = np.greater(np.min(a, { axis: -1 }), 0);
    const r = np.where(valid, lp, NaN);
    const target = broadcastShapes(xx.shape.slice(0, -1), this.batchShape, 'Dirichlet.logProb: value and batch shapes');
    return np.broadcastTo(r, broadcastShapes(r.shape, target, 'Dirichlet.logProb'));
  }

  protected _mean(): Tensor {
    const a = this.concentration;
    return np.broadcastTo(np.divide(a, np.sum(a, { axis: -1, keepdims: true })), [...this.batchShape, ...this.eventShape]);
  }
  private scaleTerm(): Tensor { return np.rsqrt(np.add(np.sum(this.concentration, { axis: -1, keepdims: true }), 1)); }
  protected _variance(): Tensor {
    const s = this.scaleTerm(), m = np.multiply(s, this._mean());
    return np.multiply(m, np.subtract(s, m));
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _covariance(): Tensor {
    const m = np.multiply(this.scaleTerm(), this._mean());
    const k = this.eventShape[0];
    const eye = np.eye(k, undefined, 0, this._dtype);
    const outer = np.negative(np.multiply(np.expandDims(m, -1), np.expandDims(m, -2)));
    return np.add(np.multiply(outer, np.subtract(1, eye)), np.multiply(np.expandDims(this._variance(), -1), eye));
  }
  protected _mode(): Tensor {
    const a = this.concentration, k = this.eventShape[0];
    const mode = np.divide(np.subtract(a, 1), np.subtract(np.sum(a, { axis: -1, keepdims: true }), k));
    const ok = np.greater(np.min(a, { axis: -1, keepdims: true }), 1);
    if (!this.allowNanStats && !(ok.data() as Uint8Array).every((v) => !!v)) {
      throw new RangeError('Dirichlet: mode is undefined when any concentration <= 1 (allowNanStats is false)');
    }
    return np.broadcastTo(np.where(ok, mode, NaN), [...this.batchShape, k]);
  }
  protected _entropy(): Tensor {
    const a = this.concentration, k = this.eventShape[0];
    const a0 = np.sum(a, { axis: -1 });
    const e = np.subtract(np.add(lbeta(a), np.multiply(np.subtract(a0, k), np.digamma(a0))),
      np.sum(np.multiply(np.subtract(a, 1), np.digamma(a)), { axis: -1 }));
    return np.broadcastTo(e, this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new SoftmaxCentered(); }

  private checkSample(x: Tensor): void {
    const d = x.data(), k = x.shape[x.shape.length - 1];
    const tol = this._dtype === 'float64' ? 1e-10 : 1e-5;
    for (let i = 0; i < d.length; i += k) {
      let s = 0;
      for (let j = 0; j < k; j++) {
        const v = Number(d[i + j]);
        if (!(v > 0)) throw new RangeError(`Dirichlet.logProb: value must lie in the open simplex (positive entries); got ${v}`);
        s += v;
      }
      if (!(Math.abs(s - 1) <= tol * k)) throw new RangeError(`Dirichlet.logProb: value must sum to 1 over the last axis; got ${s}`);
    }
  }
}

// KL(a || b) of two Dirichlets (TFP's exponential-family form).
registerKL(Dirichlet, Dirichlet, (a, b) => {
  const ca = a.concentration, cb = b.concentration;
  const dig = np.subtract(np.digamma(ca), np.digamma(np.sum(ca, { axis: -1, keepdims: true })));
  const kl = np.add(np.subtract(np.sum(np.multiply(np.subtract(ca, cb), dig), { axis: -1 }), lbeta(ca)), lbeta(cb));
  return np.broadcastTo(kl, broadcastShapes(a.batchShape, b.batchShape, 'klDivergence: batch shapes'));
});

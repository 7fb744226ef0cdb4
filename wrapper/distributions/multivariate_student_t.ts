/**
 * `tfd.MultivariateStudentT`: TFP's `MultivariateStudentTLinearOperator` with a
 * lower-triangular scale L (`scaleTril`, only its lower triangle read), degrees of freedom
 * `df` > 0 and location `loc`; event shape [k]. X = loc + L Z / sqrt(W / df) with
 * Z ~ N(0, I_k), W ~ Chi2(df).
 *
 * Math (TFP's form): with z = L⁻¹(x - loc) (one triangular solve),
 *   log p(x) = -(df + k)/2 · log1p(||z||² / df)
 *              - [lgamma(df/2) + (k/2)(log df + log π) + Σ log|L_ii| - lgamma((df + k)/2)].
 * mean = loc for df > 1 (else NaN); mode = loc; covariance = df/(df-2) · L Lᵀ for df > 2,
 * +inf for 1 < df <= 2, NaN for df <= 1 (variance and stddev likewise, stddev with the
 * square root of the factor); entropy = Σ log|L_ii| + (k/2)(log df + log π) - lgamma(k/2)
 * + lbeta(k/2, df/2) + (df + k)/2 · (digamma((df + k)/2) - digamma(df/2)).
 * Provenance: TFP `multivariate_student_t.py`; reference values from
 * `scipy.stats.multivariate_t` (logpdf, entropy).
 *
 * Sampling: `[normalSeed, chi2Seed] = random.split(seed)` (TFP splits its seed in two,
 * salted); the normal part is drawn exactly as `MultivariateNormalTriL(0, L)` draws
 * (`mvn_linear_operator.ts`), the chi-square as `Chi2(df).sample([n], chi2Seed)` (shape
 * [n, ...batch]; `2 · random.gamma(chi2Seed, df/2)`). TFP's gamma sampler differs from
 * JAX's, so samples are not bit-identical with TFP; tested statistically. Fully
 * reparameterized, as TFP: pathwise gradients for loc and scaleTril, implicit gamma
 * gradients for df (`implicit_reparam.ts`).
 *
 * NaN/inf: df <= 0 gives NaN log-densities; a zero on L's diagonal gives NaN. With
 * `validateArgs`, df <= 0 and a singular scaleTril throw RangeErrors naming them. When
 * `allowNanStats` is false, mean/covariance/variance/stddev throw for df <= 1.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import type { ParamInput } from '../util/variable.js';
import { split } from '../random/key.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import { FillScaleTriL } from '../bijectors/fill_scale_tril.js';
import { eps } from '../bijectors/float.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { storedShape, diagPart, logAbsDetTril, solveTrilVec, matvec, stdNormalEvents } from './mvn_linear_operator.js';
import { mvnEventSize } from './mvn_tril.js';
import { Chi2 } from './chi2.js';

/** Options of {@link MultivariateStudentT}. */
export interface MultivariateStudentTOptions extends DistributionOptions {
  /** Degrees of freedom (> 0), batch shape. */
  df: ParamInput;
  /** Location, shape [..., k] (default zeros). */
  loc?: ParamInput;
  /** Lower-triangular scale, shape [..., k, k] (default identity). */
  scaleTril?: ParamInput;
}

const LOG_PI = Math.log(Math.PI);

/**
 * MultivariateStudentT({ df, loc, scaleTril }).
 * @example
 * ```ts
 * const d = new tfd.MultivariateStudentT({ df: 5, loc: [0, 0], scaleTril: [[1, 0], [0.5, 1]] });
 * d.covariance();                          // 5/3 * [[1, 0.5], [0.5, 1.25]]
 * d.sample([4], { seed: random.key(0) }); // shape [4, 2]
 * ```
 */
export class MultivariateStudentT extends Distribution {
  private readonly _dtype: DType;
  private readonly k: number;

  constructor(options: MultivariateStudentTOptions) {
    super(options ?? {}, 'MultivariateStudentT');
    if (options === undefined || options.df === undefined) {
      throw new TypeError('MultivariateStudentT: df is required, e.g. new MultivariateStudentT({ df: 5, loc: [0, 0], scaleTril: [[1, 0], [0, 1]] })');
    }
    this._dtype = this.initParams({ df: options.df, loc: options.loc, scaleTril: options.scaleTril });
    this.k = mvnEventSize('MultivariateStudentT', storedShape(this._params.loc), storedShape(this._params.scaleTril), 'scaleTril');
    this.assertParam('df', (v) => v > 0, 'positive');
    if (this.validateArgs && this.hasParam('scaleTril')) {
      const d = diagPart(this.param('scaleTril')).data();
      for (let i = 0; i < d.length; i++) {
        if (!(Number(d[i]) !== 0 && Number.isFinite(Number(d[i])))) {
          throw new RangeError(`MultivariateStudentT: scaleTril must be non-singular (a finite, nonzero diagonal); got diagonal entry ${d[i]} at index ${i}`);
        }
      }
    }
  }

  /** Degrees of freedom (current value). */
  get df(): Tensor { return this.param('df'); }
  /** Location (zeros when not given). */
  get loc(): Tensor { return this.hasParam('loc') ? this.param('loc') : np.zeros([this.k], this._dtype); }
  /** Lower-triangular scale (lower triangle of what was given; identity when absent). */
  get scaleTril(): Tensor { return this.hasParam('scaleTril') ? np.tril(this.param('scaleTril')) : np.eye(this.k, undefined, 0, this._dtype); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    const dt = this._dtype;
    return {
      df: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(dt) },
      loc: { eventNdims: 1 },
      scaleTril: { eventNdims: 2, defaultConstrainingBijector: () => new FillScaleTriL({ diagShift: eps(dt) }) },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return [this.k]; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const [normalSeed, chi2Seed] = split(seed, 2) as unknown as [KeyLike, KeyLike];
    const batch = this.batchShape;
    const z = matvec(this.scaleTril, stdNormalEvents(normalSeed, n, batch, this.k, this._dtype));
    const df = np.broadcastTo(this.df, batch);
    const chi2 = new Chi2({ df }).sample([n], { seed: chi2Seed });
    const r = np.rsqrt(np.divide(chi2, df));
    return np.add(np.multiply(z, np.expandDims(r, -1)), this.loc);
  }

  protected _logProb(x: Tensor): Tensor {
    const k = this.k;
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] !== k) {
      throw new RangeError(`MultivariateStudentT.logProb: value must have shape [..., ${k}] (the event shape); got [${x.shape.join(', ')}]`);
    }
    const xx = np.astype(x, this._dtype);
    const df = this.df, l = this.scaleTril;
    const z = solveTrilVec(l, np.subtract(xx, this.loc));
    const m2 = np.sum(np.square(z), { axis: -1 });
    const unnorm = np.multiply(np.multiply(np.add(df, k), -0.5), np.log1p(np.divide(m2, df)));
    const lognorm = np.add(
      np.add(np.lgamma(np.multiply(df, 0.5)), np.multiply(0.5 * k, np.add(np.log(df), LOG_PI))),
      np.subtract(logAbsDetTril(l), np.lgamma(np.multiply(np.add(df, k), 0.5))));
    const lp = np.where(np.greater(df, 0), np.subtract(unnorm, lognorm), NaN);
    const target = broadcastShapes(xx.shape.slice(0, -1), this.batchShape, 'MultivariateStudentT.logProb: value and batch shapes');
    return np.broadcastTo(lp, broadcastShapes(lp.shape, target, 'MultivariateStudentT.logProb'));
  }

  protected _mean(): Tensor {
    const shape = [...this.batchShape, this.k];
    this.checkDf('mean');
    return np.where(np.expandDims(np.greater(this.df, 1), -1), np.broadcastTo(this.loc, shape), NaN);
  }
  protected _mode(): Tensor { return np.broadcastTo(this.loc, [...this.batchShape, this.k]); }

  /** stat · factor(df / (df - 2)) where df > 2, +inf for 1 < df <= 2, NaN for df <= 1. */
  private scaled(stat: Tensor, statNdims: number, factor: (t: Tensor) => Tensor, what: string): Tensor {
    this.checkDf(what);
    let df = this.df;
    for (let i = 0; i < statNdims; i++) df = np.expandDims(df, -1);
    const gt2 = np.greater(df, 2);
    const denom = np.where(gt2, np.subtract(df, 2), 1); // keeps the gradient finite where the branch is unused
    const val = np.where(gt2, np.multiply(stat, factor(np.divide(df, denom))), Infinity);
    return np.where(np.greater(df, 1), val, NaN);
  }
  protected _covariance(): Tensor {
    const l = this.scaleTril;
    const nd = l.shape.length;
    const perm = Array.from({ length: nd }, (_, i) => (i < nd - 2 ? i : 2 * nd - 3 - i));
    const cov = np.broadcastTo(np.matmul(l, np.transpose(l, perm)), [...this.batchShape, this.k, this.k]);
    return this.scaled(cov, 2, (t) => t, 'covariance');
  }
  protected _variance(): Tensor {
    const v = np.broadcastTo(np.sum(np.square(this.scaleTril), { axis: -1 }), [...this.batchShape, this.k]);
    return this.scaled(v, 1, (t) => t, 'variance');
  }
  protected _stddev(): Tensor {
    const s = np.broadcastTo(np.sqrt(np.sum(np.square(this.scaleTril), { axis: -1 })), [...this.batchShape, this.k]);
    return this.scaled(s, 1, np.sqrt, 'stddev');
  }
  protected _entropy(): Tensor {
    const k = this.k, df = np.broadcastTo(this.df, this.batchShape);
    const halfK = 0.5 * k, halfDf = np.multiply(df, 0.5), halfSum = np.multiply(np.add(df, k), 0.5);
    const betaFactor = np.add(
      np.subtract(np.multiply(halfK, np.add(np.log(df), LOG_PI)), np.lgamma(np.full([], halfK, this._dtype))),
      np.betaln(np.full([], halfK, this._dtype), halfDf));
    const digammaFactor = np.multiply(halfSum, np.subtract(np.digamma(halfSum), np.digamma(halfDf)));
    return np.broadcastTo(np.add(np.add(logAbsDetTril(this.scaleTril), betaFactor), digammaFactor), this.batchShape);
  }
  protected _defaultEventSpaceBijector(): Bijector { return new Identity(); }

  private checkDf(what: string): void {
    if (this.allowNanStats) return;
    const d = this.df.data();
    for (let i = 0; i < d.length; i++) {
      if (!(Number(d[i]) > 1)) throw new RangeError(`MultivariateStudentT: ${what} is undefined for df <= 1 (allowNanStats is false); got df ${d[i]}`);
    }
  }
}

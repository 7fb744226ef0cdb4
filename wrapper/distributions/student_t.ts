/**
 * Student's t distribution, as `tfd.StudentT(df, loc, scale)` on JAX.
 *
 * Math (TFP): y = (x - loc)/scale; log p = -(df + 1)/2 log1p(y^2/df) - log(scale) -
 * log(df)/2 - log(pi)/2 - [lgamma(df/2) - lgamma((df + 1)/2)]; entropy = log|scale| +
 * log(df)/2 + betaln(df/2, 1/2) + (df + 1)/2 (digamma((df + 1)/2) - digamma(df/2)); mean =
 * loc for df > 1; variance = scale^2 df/(df - 2) for df > 2, inf for 1 < df <= 2; mode = loc.
 * Undefined moments (df <= 1) are NaN, or an Error when `allowNanStats` is false. As in TFP
 * only df is validated, and the other statistics use |scale|; log_prob, however, gives NaN
 * for scale <= 0 (probasm's invalid-parameter rule; TFP takes log|scale| there).
 *
 * The lgamma and digamma differences use Stirling/asymptotic series for df/2 >= 8 (TFP's
 * log_gamma_difference idea), so large df (1e4 and beyond) keeps its digits. log1p(u^2) is
 * computed as 2 log|u| + log1p(u^-2) for |u| > 1 (no overflow).
 *
 * cdf (TFP's stdtr, betainc branch): with t = (x - loc)/|scale|, the lower tail
 * P(T < -|t|) = betainc(df/2, 1/2, df/(df + t^2))/2, or (1 - betainc(1/2, df/2, t^2/(df +
 * t^2)))/2 when df/(df + t^2) > 0.99 (the ratios from log1p of squares); cdf and sf follow
 * by symmetry, and log cdf / log sf use log1p(-tail) on the far side (TFP: log(cdf)). TFP
 * switches to a Cornish-Fisher expansion for very large df; here betainc is used for every
 * df. The quantile inverts the same relation with np.betaincinv (see `_quantile`).
 *
 * Sampling (TFP's construction, not bit-identical): keys [kn, kg] = split(seed); z =
 * random.normal(kn, [n, ...batch]), g = 2 random.gamma(kg, df/2) (chi-square df); x = z
 * rsqrt(g/df) scale + loc. TFP splits the key with a salt and uses its own gamma sampler,
 * so draws differ from TFP's; tested statistically. Pathwise gradients flow to loc and
 * scale (not to df: the gamma draw has no implicit gradient here).
 *
 * log_prob runs as one fused wasm pass (./fused/student_t.ts) when x and the parameters are
 * single values or full-shape; invalid parameters (df <= 0 or scale <= 0) give NaN there.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Identity } from '../bijectors/identity.js';
import { softplusLowerBound } from '../bijectors/defaults.js';
import * as np from '../np/index.js';
import { normal as randomNormal } from '../random/normal.js';
import { gamma as randomGamma } from '../random/gamma.js';
import { split } from '../random/key.js';
import { studentTLogProb } from './fused/student_t.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Parameters of {@link StudentT}. */
export interface StudentTOptions extends DistributionOptions {
  /** Degrees of freedom (> 0). */
  df: ParamInput;
  /** Location (the median and mode; the mean when df > 1). */
  loc: ParamInput;
  /** Scale (|scale| is used). */
  scale: ParamInput;
}

const HALF_LOG_PI = 0.5 * Math.log(Math.PI);

/** Horner evaluation of sum_k c[k] w^k. */
function poly(w: Tensor, c: number[]): Tensor {
  let acc: Tensor = np.multiply(w, c[c.length - 1]);
  for (let k = c.length - 2; k >= 1; k--) acc = np.multiply(w, np.add(acc, c[k]));
  return np.add(acc, c[0]);
}

/** Stirling correction lgamma(z) - [(z - 1/2) log z - z + log(2 pi)/2], z >= 8. */
function lgammaCorrection(z: Tensor): Tensor {
  const w = np.reciprocal(np.square(z));
  return np.divide(poly(w, [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156]), z);
}

/** s(z) = log z - digamma(z), z >= 8 (asymptotic series). */
function digammaTail(z: Tensor): Tensor {
  const w = np.reciprocal(np.square(z));
  const series = np.multiply(w, poly(w, [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12]));
  return np.add(np.divide(0.5, z), series);
}

/** @internal lgamma(y) - lgamma(y + 1/2), accurate for large y. */
export function lgammaDiffHalf(y: Tensor): Tensor {
  const big = np.greaterEqual(y, 8);
  const yb = np.where(big, y, 8), ys = np.where(big, 1, y);
  const yh = np.add(yb, 0.5);
  const asym = np.add(np.subtract(np.subtract(0.5, np.multiply(np.subtract(yb, 0.5), np.log1p(np.divide(0.5, yb)))), np.multiply(0.5, np.log(yh))),
    np.subtract(lgammaCorrection(yb), lgammaCorrection(yh)));
  return np.where(big, asym, np.subtract(np.lgamma(ys), np.lgamma(np.add(ys, 0.5))));
}

/** digamma(y + 1/2) - digamma(y), accurate for large y. */
function digammaDiffHalf(y: Tensor): Tensor {
  const big = np.greaterEqual(y, 8);
  const yb = np.where(big, y, 8), ys = np.where(big, 1, y);
  const asym = np.add(np.log1p(np.divide(0.5, yb)), np.subtract(digammaTail(yb), digammaTail(np.add(yb, 0.5))));
  return np.where(big, asym, np.subtract(np.digamma(np.add(ys, 0.5)), np.digamma(ys)));
}

/** log1p(u^2) without overflow. */
function log1pSquare(u: Tensor): Tensor {
  const au = np.abs(u);
  const big = np.greater(au, 1);
  const ub = np.where(big, au, 2), us = np.where(big, 0, u);
  return np.where(big, np.add(np.multiply(2, np.log(ub)), np.log1p(np.reciprocal(np.square(ub)))), np.log1p(np.square(us)));
}

/**
 * Student's t distribution with `df` degrees of freedom, location `loc` and scale `scale`.
 * @example
 * ```ts
 * const d = new tfd.StudentT({ df: 3, loc: 0, scale: 1 });
 * d.logProb(0);                                 // -1.0008888
 * d.variance();                                 // 3
 * new tfd.StudentT({ df: 1, loc: 0, scale: 1 }).mean(); // NaN (undefined for df <= 1)
 * ```
 */
export class StudentT extends Distribution {
  private readonly _dtype: DType;

  constructor(options: StudentTOptions) {
    super(options ?? {}, 'StudentT');
    if (options === undefined || options.df === undefined || options.loc === undefined || options.scale === undefined) {
      throw new TypeError('StudentT: df, loc and scale are required, e.g. new StudentT({ df: 3, loc: 0, scale: 1 })');
    }
    this._dtype = this.initParams({ df: options.df, loc: options.loc, scale: options.scale });
    this.assertParam('df', (v) => v > 0, 'positive');
  }

  /** Degrees of freedom (current value). */
  get df(): Tensor { return this.param('df'); }
  /** Location (current value). */
  get loc(): Tensor { return this.param('loc'); }
  /** Scale (current value). */
  get scale(): Tensor { return this.param('scale'); }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    return {
      df: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
      loc: { eventNdims: 0 },
      scale: { eventNdims: 0, defaultConstrainingBijector: () => softplusLowerBound(this._dtype) },
    };
  }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'FULLY_REPARAMETERIZED'; }
  get eventShape(): number[] { return []; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    const dt = this._dtype as 'float32' | 'float64';
    const shape = [n, ...this.batchShape];
    const [kn, kg] = split(seed, 2);
    const z = randomNormal(kn, shape, dt);
    const df = this.df;
    const ok = np.greater(df, 0);
    const halfDf = np.broadcastTo(np.multiply(np.where(ok, df, 1), 0.5), shape);
    const g = np.multiply(randomGamma(kg, new Tensor(halfDf.data().slice(), shape), shape, dt), 2);
    const x = np.add(np.multiply(np.multiply(z, np.rsqrt(np.divide(g, df))), this.scale), this.loc);
    return np.where(ok, x, NaN);
  }

  protected _logProb(x: Tensor): Tensor {
    const df = this.df, scale = this.scale;
    // one pass in the wasm core on the fast path (single-value or full-shape inputs)
    const fused = studentTLogProb(np.astype(x, this._dtype), df, this.loc, scale);
    if (fused) return fused;
    const u = np.divide(np.divide(np.subtract(np.astype(x, this._dtype), this.loc), scale), np.sqrt(df));
    const unnorm = np.multiply(np.multiply(-0.5, np.add(df, 1)), log1pSquare(u));
    // log(scale), not log|scale|: scale <= 0 gives NaN here as on the fused path
    const norm = np.add(np.add(np.log(scale), np.multiply(0.5, np.log(df))), np.add(lgammaDiffHalf(np.multiply(0.5, df)), HALF_LOG_PI));
    return np.subtract(unnorm, norm);
  }

  protected _cdf(x: Tensor): Tensor { const [t, tail] = this.tail(x); return np.where(np.greaterEqual(t, 0), np.subtract(1, tail), tail); }
  protected _survivalFunction(x: Tensor): Tensor { const [t, tail] = this.tail(x); return np.where(np.greaterEqual(t, 0), tail, np.subtract(1, tail)); }
  protected _logCdf(x: Tensor): Tensor {
    const [t, tail] = this.tail(x);
    return np.where(np.greaterEqual(t, 0), np.log1p(np.negative(tail)), np.log(tail));
  }
  protected _logSurvivalFunction(x: Tensor): Tensor {
    const [t, tail] = this.tail(x);
    return np.where(np.greaterEqual(t, 0), np.log(tail), np.log1p(np.negative(tail)));
  }

  /**
   * TFP's inverse-beta formula: with q = min(p, 1 - p), x = betaincinv(df/2, 1/2, 2q) and
   * |t| = sqrt(df (1 - x)/x), negative for p < 1/2. For 2q > 1/2 (near the median) 1 - x is
   * solved directly as betaincinv(1/2, df/2, 1 - 2q) (1 - 2q exact there), so small
   * quantiles keep their relative accuracy. p = 0, 1 give -inf, +inf; p outside [0, 1] NaN.
   */
  protected _quantile(p: Tensor): Tensor {
    const pp = np.astype(p, this._dtype), df = this.df;
    const q = np.minimum(pp, np.subtract(1, pp)), twoQ = np.multiply(2, q);
    const far = np.lessEqual(twoQ, 0.5);
    // both branches get in-range arguments so neither produces NaN gradients under where
    const xFar = np.betaincinv(np.multiply(0.5, df), 0.5, np.where(far, twoQ, 0.25));
    const yNear = np.betaincinv(0.5, np.multiply(0.5, df), np.where(far, 0.5, np.subtract(1, twoQ)));
    const x = np.where(far, xFar, np.subtract(1, yNear)), y = np.where(far, np.subtract(1, xFar), yNear);
    const t = np.sqrt(np.divide(np.multiply(df, y), x));
    const signed = np.where(np.less(pp, 0.5), np.negative(t), t);
    return np.add(np.multiply(signed, this.scale), this.loc);
  }

  protected _mean(): Tensor {
    const df = this.df;
    this.requireDefined(df, 1, 'mean');
    return np.where(np.greater(df, 1), np.broadcastTo(this.loc, this.batchShape), NaN);
  }

  protected _variance(): Tensor {
    const df = this.df;
    this.requireDefined(df, 1, 'variance');
    const denom = np.where(np.greater(df, 2), np.subtract(df, 2), 1);
    const v = np.broadcastTo(np.divide(np.multiply(np.square(this.scale), df), denom), this.batchShape);
    return np.where(np.greater(df, 2), v, np.where(np.greater(df, 1), Infinity, NaN));
  }
  protected _stddev(): Tensor { return np.sqrt(this._variance()); }
  protected _mode(): Tensor { return np.broadcastTo(this.loc, this.batchShape); }

  protected _entropy(): Tensor {
    const df = this.df, half = np.multiply(0.5, df);
    const betaln = np.add(lgammaDiffHalf(half), HALF_LOG_PI);
    const h = np.add(np.add(np.log(np.abs(this.scale)), np.multiply(0.5, np.log(df))),
      np.add(betaln, np.multiply(np.multiply(0.5, np.add(df, 1)), digammaDiffHalf(half))));
    return np.broadcastTo(h, this.batchShape);
  }

  protected _defaultEventSpaceBijector(): Bijector { return new Identity({ validateArgs: this.validateArgs }); }

  /** [t, P(T < -|t|)] for t = (x - loc)/|scale|. */
  private tail(x: Tensor): [Tensor, Tensor] {
    const df = this.df;
    const t = np.divide(np.subtract(np.astype(x, this._dtype), this.loc), np.abs(this.scale));
    const u = np.divide(t, np.sqrt(df));
    const zero = np.equal(u, 0);
    const ratio = np.exp(np.negative(log1pSquare(u)));                       // df / (df + t^2)
    const oneMinus = np.where(zero, 0, np.exp(np.negative(log1pSquare(np.reciprocal(np.where(zero, 1, u)))))); // t^2 / (df + t^2)
    const sym = np.greater(ratio, 0.99);
    const halfDf = np.multiply(0.5, df);
    const y = np.betainc(np.where(sym, 0.5, halfDf), np.where(sym, halfDf, 0.5), np.where(sym, oneMinus, ratio));
    return [t, np.multiply(0.5, np.where(sym, np.subtract(1, y), y))];
  }

  /** With allowNanStats false, throws when some df <= bound (the statistic is undefined there). */
  private requireDefined(df: Tensor, bound: number, what: string): void {
    if (this.allowNanStats) return;
    const d = np.broadcastTo(df, this.batchShape).data();
    for (let i = 0; i < d.length; i++) {
      if (!(Number(d[i]) > bound)) throw new Error(`StudentT: ${what} is undefined for df <= ${bound} (got df=${d[i]}); pass allowNanStats: true for NaN`);
    }
  }
}

/**
 * `tfd.LKJ`: the Lewandowski-Kurowicka-Joe distribution on d×d correlation matrices,
 * density ∝ det(X)^(η-1) with concentration η (`concentration`); η = 1 is uniform over
 * correlation matrices. Event shape [d, d]; batch shape that of η.
 *
 * Math: log p(X) = (η - 1) log|det X| - log Z(η), with TFP's normalizer (Lewandowski,
 * Kurowicka, Joe 2009, p. 1999, the equivalence of eqs. 16 and 17)
 *   log Z(η) = Σ_{k=1}^{d-1} [ (k/2) log π + lgamma(η + (d-1-k)/2) - lgamma(η + (d-1)/2) ],
 * each lgamma difference computed as betaln(k/2, η + (d-1-k)/2) - lgamma(k/2) (TFP's
 * log_gamma_difference), accurate for large η. With `inputOutputCholesky`, values and
 * samples are Cholesky factors L of X and log|det X| = 2 Σ log L_ii (the density is still
 * that of X, as TFP: not a density of L; use CholeskyLKJ for that). mean = I (by symmetry).
 * Provenance: TFP `lkj.py`; reference values from the same normalizer evaluated in the
 * fixture generator (checked there against the paper's other form and the d = 2 uniform case).
 *
 * Sampling: TFP's onion method in Cholesky space. Key use (as TFP's `sample_lkj`, without
 * its salt): `keys = random.split(seed, 1 + 2 max(0, d - 2))`, taken from the end: the
 * last key draws r = 2 Beta(η + (d-2)/2, same) - 1 for the first 2×2 block; then for each
 * new row m = 2..d-1, one key for y ~ Beta(m/2, η + (d-2)/2 - (m-1)/2) and one for a
 * uniform direction u = z/|z|, z = random.normal(key, [n, ...batch, m]); the new Cholesky
 * row is [sqrt(y) u, sqrt(1 - y)]. Beta draws use `random.beta` (JAX's gamma-based
 * sampler; TFP's differs), so samples are not bit-identical with TFP; tested
 * statistically. The assembly runs in float64 and is rounded to the dtype; correlation
 * matrices get an exact unit diagonal. Not reparameterized.
 *
 * NaN/inf: η <= 0 gives NaN log-densities. With `validateArgs`, η < 1 throws a RangeError
 * naming `concentration` (TFP's current restriction), and logProb checks that values are
 * correlation matrices (entries in [-1, 1], unit diagonal, symmetric; skipped for Cholesky
 * input, as TFP).
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes, sizeOf } from '../np/shape.js';
import type { ParamInput } from '../util/variable.js';
import { split } from '../random/key.js';
import { beta as randomBeta } from '../random/gamma.js';
import { normal as randomNormal } from '../random/normal.js';
import type { Bijector } from '../bijectors/bijector.js';
import { Softplus } from '../bijectors/softplus.js';
import { eps } from '../bijectors/float.js';
import { CorrelationCholesky } from '../bijectors/correlation_cholesky.js';
import { CholeskyOuterProduct } from '../bijectors/cholesky_outer_product.js';
import { Chain } from '../bijectors/chain.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';

/** Options of {@link LKJ}. */
export interface LKJOptions extends DistributionOptions {
  /** Size d of the correlation matrices (a non-negative integer). */
  dimension: number;
  /** η > 0 (validateArgs: >= 1, as TFP); batch shape. */
  concentration: ParamInput;
  /** Values and samples are Cholesky factors of correlation matrices (default false). */
  inputOutputCholesky?: boolean;
}

/**
 * Checks `dimension` (a non-negative integer; RangeError naming it otherwise).
 * @example `checkDimension('LKJ', 3) // 3`
 */
export function checkDimension(family: string, d: unknown): number {
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
    throw new RangeError(`${family}: dimension must be a non-negative integer (the size of the correlation matrices); got ${String(d)}`);
  }
  return d;
}

/**
 * log Z(η) of LKJ / CholeskyLKJ in dimension d (same shape as η).
 * @example `lkjLogNormalization(np.array(1), 2) // log 2 (uniform on (-1, 1))`
 */
export function lkjLogNormalization(c: Tensor, d: number): Tensor {
  let ans = np.zerosLike(c);
  for (let k = 1; k < d; k++) {
    const eff = np.add(c, (d - 1 - k) / 2);
    const lgd = np.subtract(np.betaln(np.full([], k / 2, c.dtype), eff), np.lgamma(np.full([], k / 2, c.dtype)));
    ans = np.add(ans, np.add(lgd, (k / 2) * Math.log(Math.PI)));
  }
  return ans;
}

/**
 * The onion sampler (see the file comment): Cholesky factors (or, with `choleskySpace`
 * false, correlation matrices) of shape [n, ...batch, d, d].
 * @example `sampleLkj(5, 3, np.array([1, 2]), [2], true, random.key(0)).shape // [5, 2, 3, 3]`
 */
export function sampleLkj(n: number, d: number, concentration: Tensor, batch: readonly number[], choleskySpace: boolean, seed: KeyLike): Tensor {
  const dtype = concentration.dtype as 'float32' | 'float64';
  const shape = [n, ...batch];
  const N = sizeOf(shape);
  const out = new Float64Array(N * d * d);
  if (d <= 1) {
    out.fill(1);
    return new Tensor(dtype === 'float32' ? Float32Array.from(out) : out, [...shape, d, d]);
  }
  const keys = [...(split(seed, 1 + 2 * Math.max(0, d - 2)) as unknown as Iterable<Tensor>)];
  const conc = np.broadcastTo(concentration, shape);
  let betaConc = np.add(conc, (d - 2) / 2);
  const r = randomBeta(keys.pop()!, betaConc, betaConc, shape, dtype).data();
  const L = out; // [N, d, d] Cholesky factors, rows filled in order
  for (let i = 0; i < N; i++) {
    const o = i * d * d, ri = Number(r[i]) * 2 - 1;
    L[o] = 1;
    L[o + d] = ri;
    L[o + d + 1] = Math.sqrt(1 - ri * ri);
  }
  for (let m = 2; m < d; m++) {
    betaConc = np.subtract(betaConc, 0.5);
    const y = randomBeta(keys.pop()!, np.full([], m / 2, dtype), betaConc, shape, dtype).data();
    const z = randomNormal(keys.pop()!, [...shape, m], dtype).data();
    for (let i = 0; i < N; i++) {
      let nrm = 0;
      for (let j = 0; j < m; j++) nrm += Number(z[i * m + j]) ** 2;
      const scale = Math.sqrt(Number(y[i])) / Math.sqrt(nrm), row = i * d * d + m * d;
      for (let j = 0; j < m; j++) L[row + j] = Number(z[i * m + j]) * scale;
      L[row + m] = Math.sqrt(1 - Number(y[i]));
    }
  }
  let res = L;
  if (!choleskySpace) {
    res = new Float64Array(N * d * d);
    for (let i = 0; i < N; i++) {
      const o = i * d * d;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          let s = 0;
          for (let j = 0; j <= b; j++) s += L[o + a * d + j] * L[o + b * d + j];
          res[o + a * d + b] = res[o + b * d + a] = a === b ? 1 : s;
        }
      }
    }
  }
  return new Tensor(dtype === 'float32' ? Float32Array.from(res) : res, [...shape, d, d]);
}

/**
 * parameterProperties of LKJ and CholeskyLKJ: concentration, event ndims 0, constrained
 * by Softplus(low = 1 + eps) as TFP.
 * @example `lkjParameterProperties('float32').concentration.eventNdims // 0`
 */
export function lkjParameterProperties(dtype: DType): Readonly<Record<string, ParameterProperties>> {
  return { concentration: { eventNdims: 0, defaultConstrainingBijector: () => new Softplus({ low: np.full([], 1 + eps(dtype), dtype) }) } };
}

/**
 * LKJ({ dimension, concentration, inputOutputCholesky? }).
 * @example
 * ```ts
 * const d = new tfd.LKJ({ dimension: 3, concentration: 2 });
 * d.sample([4], { seed: random.key(0) }).shape; // [4, 3, 3], unit diagonals
 * d.logProb(np.eye(3));                          // -log Z(2)
 * ```
 */
export class LKJ extends Distribution {
  /** Size of the correlation matrices. */
  readonly dimension: number;
  /** Whether values and samples are Cholesky factors. */
  readonly inputOutputCholesky: boolean;
  private readonly _dtype: DType;

  constructor(options: LKJOptions) {
    super(options ?? {}, 'LKJ');
    if (options === undefined || options.concentration === undefined || options.dimension === undefined) {
      throw new TypeError('LKJ: dimension and concentration are required, e.g. new LKJ({ dimension: 3, concentration: 2 })');
    }
    this.dimension = checkDimension('LKJ', options.dimension);
    this.inputOutputCholesky = options.inputOutputCholesky ?? false;
    this._dtype = this.initParams({ concentration: options.concentration });
    this.assertParam('concentration', (v) => v >= 1, '>= 1 (TFP supports concentration >= 1 when validating)');
  }

  /** η (current value). */
  get concentration(): Tensor { return this.param('concentration'); }

  get parameters(): Readonly<Record<string, unknown>> {
    return { dimension: this.dimension, ...this._params, inputOutputCholesky: this.inputOutputCholesky, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return lkjParameterProperties(this._dtype); }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return [this.dimension, this.dimension]; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return sampleLkj(n, this.dimension, this.concentration, this.batchShape, this.inputOutputCholesky, seed);
  }

  protected _logProb(x: Tensor): Tensor {
    const d = this.dimension;
    if (x.shape.length < 2 || x.shape[x.shape.length - 1] !== d || x.shape[x.shape.length - 2] !== d) {
      throw new RangeError(`LKJ.logProb: value must have shape [..., ${d}, ${d}]; got [${x.shape.join(', ')}]`);
    }
    const xx = np.astype(x, this._dtype);
    if (this.validateArgs && !this.inputOutputCholesky) checkCorrelation(xx, d);
    const c = this.concentration;
    const logdet = this.inputOutputCholesky
      ? np.multiply(2, np.sum(np.log(np.diagonal(xx, { axis1: -2, axis2: -1 })), { axis: -1 }))
      : np.linalg.slogdet(xx)[1];
    const lp = np.subtract(np.multiply(np.subtract(c, 1), logdet), lkjLogNormalization(c, d));
    const r = np.where(np.greater(c, 0), lp, NaN);
    const target = broadcastShapes(xx.shape.slice(0, -2), this.batchShape, 'LKJ.logProb: value and batch shapes');
    return np.broadcastTo(r, broadcastShapes(r.shape, target, 'LKJ.logProb'));
  }

  protected _mean(): Tensor {
    const d = this.dimension;
    return np.broadcastTo(np.eye(d, undefined, 0, this._dtype), [...this.batchShape, d, d]);
  }

  protected _defaultEventSpaceBijector(): Bijector {
    const cc = new CorrelationCholesky({ validateArgs: this.validateArgs });
    return this.inputOutputCholesky ? cc : new Chain([new CholeskyOuterProduct({ validateArgs: this.validateArgs }), cc], { validateArgs: this.validateArgs });
  }
}

function checkCorrelation(x: Tensor, d: number): void {
  const v = x.data(), tol = x.dtype === 'float64' ? 1e-10 : 1e-5;
  for (let o = 0; o < v.length; o += d * d) {
    for (let i = 0; i < d; i++) {
      if (!(Math.abs(Number(v[o + i * d + i]) - 1) <= tol)) throw new RangeError(`LKJ.logProb: value must be a correlation matrix: self-correlations must be 1; got ${v[o + i * d + i]}`);
      for (let j = 0; j < d; j++) {
        const a = Number(v[o + i * d + j]);
        if (!(a >= -1 && a <= 1)) throw new RangeError(`LKJ.logProb: value must be a correlation matrix: correlations must lie in [-1, 1]; got ${a}`);
        if (!(Math.abs(a - Number(v[o + j * d + i])) <= tol)) throw new RangeError('LKJ.logProb: value must be a correlation matrix: it is not symmetric');
      }
    }
  }
}

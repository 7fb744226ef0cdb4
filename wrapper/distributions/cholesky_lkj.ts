/**
 * `tfd.CholeskyLKJ`: the distribution of the lower Cholesky factor L of an LKJ(η)
 * correlation matrix (L Lᵀ ~ LKJ(η)); support: lower-triangular d×d matrices with
 * positive diagonal and unit-norm rows. Event shape [d, d].
 *
 * Math (TFP's form): log p(L) = Σ_{i=0}^{d-1} (2η - 2 + d - 1 - i) log L_ii - log Z(η),
 * the LKJ density times the Jacobian Π_i L_ii^(d-1-i) of L ↦ L Lᵀ (over the strictly lower
 * entries), with LKJ's normalizer Z(η) (`lkj.ts`). Provenance: TFP `cholesky_lkj.py`;
 * reference values from the normalizer in the fixture generator (cross-checked there).
 *
 * Sampling: the onion sampler of `lkj.ts` in Cholesky space (same key use; not
 * bit-identical with TFP, tested statistically). Not reparameterized.
 *
 * NaN/inf: η <= 0 gives NaN; non-positive diagonal entries give NaN/-inf (log). With
 * `validateArgs`, η < 1 throws naming `concentration` (TFP) and logProb checks that values
 * are lower triangular.
 */
import type { DType } from '../types/dtype.js';
import type { KeyLike } from '../types/random.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { broadcastShapes } from '../np/shape.js';
import type { ParamInput } from '../util/variable.js';
import type { Bijector } from '../bijectors/bijector.js';
import { CorrelationCholesky } from '../bijectors/correlation_cholesky.js';
import { Distribution, type DistributionOptions, type ParameterProperties, type ReparameterizationType } from './distribution.js';
import { checkDimension, lkjLogNormalization, lkjParameterProperties, sampleLkj } from './lkj.js';

/** Options of {@link CholeskyLKJ}. */
export interface CholeskyLKJOptions extends DistributionOptions {
  /** Size d of the matrices (a non-negative integer). */
  dimension: number;
  /** η > 0 (validateArgs: >= 1, as TFP); batch shape. */
  concentration: ParamInput;
}

/**
 * CholeskyLKJ({ dimension, concentration }).
 * @example
 * ```ts
 * const d = new tfd.CholeskyLKJ({ dimension: 3, concentration: 1.5 });
 * const L = d.sample({ seed: random.key(0) }); // [3, 3], lower triangular, unit-norm rows
 * d.logProb(L);
 * ```
 */
export class CholeskyLKJ extends Distribution {
  /** Size of the matrices. */
  readonly dimension: number;
  private readonly _dtype: DType;

  constructor(options: CholeskyLKJOptions) {
    super(options ?? {}, 'CholeskyLKJ');
    if (options === undefined || options.concentration === undefined || options.dimension === undefined) {
      throw new TypeError('CholeskyLKJ: dimension and concentration are required, e.g. new CholeskyLKJ({ dimension: 3, concentration: 2 })');
    }
    this.dimension = checkDimension('CholeskyLKJ', options.dimension);
    this._dtype = this.initParams({ concentration: options.concentration });
    this.assertParam('concentration', (v) => v >= 1, '>= 1 (TFP supports concentration >= 1 when validating)');
  }

  /** η (current value). */
  get concentration(): Tensor { return this.param('concentration'); }

  get parameters(): Readonly<Record<string, unknown>> {
    return { dimension: this.dimension, ...this._params, validateArgs: this.validateArgs, allowNanStats: this.allowNanStats, name: this.name };
  }
  get parameterProperties(): Readonly<Record<string, ParameterProperties>> { return lkjParameterProperties(this._dtype); }
  get dtype(): DType { return this._dtype; }
  get reparameterizationType(): ReparameterizationType { return 'NOT_REPARAMETERIZED'; }
  get eventShape(): number[] { return [this.dimension, this.dimension]; }

  protected _sampleN(n: number, seed: KeyLike): Tensor {
    return sampleLkj(n, this.dimension, this.concentration, this.batchShape, true, seed);
  }

  protected _logProb(x: Tensor): Tensor {
    const d = this.dimension;
    if (x.shape.length < 2 || x.shape[x.shape.length - 1] !== d || x.shape[x.shape.length - 2] !== d) {
      throw new RangeError(`CholeskyLKJ.logProb: value must have shape [..., ${d}, ${d}]; got [${x.shape.join(', ')}]`);
    }
    const xx = np.astype(x, this._dtype);
    if (this.validateArgs) {
      const v = xx.data();
      for (let o = 0; o < v.length; o += d * d) {
        for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) {
          if (Number(v[o + i * d + j]) !== 0) throw new RangeError(`CholeskyLKJ.logProb: value must be lower triangular; entry [${i}, ${j}] is ${v[o + i * d + j]}`);
        }
      }
    }
    const c = this.concentration;
    const logdiag = np.log(np.diagonal(xx, { axis1: -2, axis2: -1 }));
    // weights 2η - 2 + (d - 1 - i), i = 0..d-1
    const range = new Tensor(this._dtype === 'float32' ? Float32Array.from({ length: d }, (_, i) => d - 1 - i) : Float64Array.from({ length: d }, (_, i) => d - 1 - i), [d]);
    const w = np.add(np.expandDims(np.subtract(np.multiply(c, 2), 2), -1), range);
    const lp = np.subtract(np.sum(np.multiply(w, logdiag), { axis: -1 }), lkjLogNormalization(c, d));
    const r = np.where(np.greater(c, 0), lp, NaN);
    const target = broadcastShapes(xx.shape.slice(0, -2), this.batchShape, 'CholeskyLKJ.logProb: value and batch shapes');
    return np.broadcastTo(r, broadcastShapes(r.shape, target, 'CholeskyLKJ.logProb'));
  }

  protected _defaultEventSpaceBijector(): Bijector { return new CorrelationCholesky({ validateArgs: this.validateArgs }); }
}

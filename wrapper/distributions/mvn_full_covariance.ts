/**
 * `tfd.MultivariateNormalFullCovariance`: the multivariate normal N(loc, Σ) given the
 * covariance matrix Σ (`covarianceMatrix`, shape [..., k, k], symmetric positive definite).
 * As TFP, it is the TriL family with scale L = cholesky(Σ) (computed at use, so a
 * `Variable` covariance is read each time; only Σ's lower triangle is read by the
 * factorization), sharing the math of `mvn_linear_operator.ts`.
 *
 * Provenance: TFP `mvn_full_covariance.py`; reference values from
 * `scipy.stats.multivariate_normal`. NaN/inf: a Σ that is not positive definite gives NaN
 * (the Cholesky factor has NaN entries, as in JAX); with `validateArgs` the constructor
 * throws a RangeError naming `covarianceMatrix` when Σ is not symmetric (TFP's assert_near,
 * tolerance 1e-6 relative) or not positive definite.
 */
import type { DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { FillScaleTriL } from '../bijectors/fill_scale_tril.js';
import { CholeskyOuterProduct } from '../bijectors/cholesky_outer_product.js';
import { Chain } from '../bijectors/chain.js';
import { eps } from '../bijectors/float.js';
import type { DistributionOptions, ParameterProperties } from './distribution.js';
import { MultivariateNormalLinearOperator, storedShape, diagPart } from './mvn_linear_operator.js';
import { mvnEventSize } from './mvn_tril.js';

/** Options of {@link MultivariateNormalFullCovariance}. */
export interface MultivariateNormalFullCovarianceOptions extends DistributionOptions {
  /** Mean vector(s), shape [..., k] (default zeros). */
  loc?: ParamInput;
  /** Covariance matrix, shape [..., k, k], symmetric positive definite (default identity). */
  covarianceMatrix?: ParamInput;
}

/**
 * MultivariateNormalFullCovariance({ loc, covarianceMatrix }).
 * @example
 * ```ts
 * const d = new tfd.MultivariateNormalFullCovariance({ loc: [0, 0], covarianceMatrix: [[2, 1], [1, 2]] });
 * d.scaleTril;                 // cholesky: [[1.4142135, 0], [0.70710677, 1.2247449]]
 * d.logProb([0, 0]);           // -log(2 pi) - 0.5 log 3
 * ```
 */
export class MultivariateNormalFullCovariance extends MultivariateNormalLinearOperator {
  protected readonly _dtype: DType;
  private readonly k: number;

  constructor(options: MultivariateNormalFullCovarianceOptions) {
    super(options ?? {}, 'MultivariateNormalFullCovariance');
    const o = options ?? ({} as MultivariateNormalFullCovarianceOptions);
    this._dtype = this.initParams({ loc: o.loc, covarianceMatrix: o.covarianceMatrix });
    this.k = mvnEventSize('MultivariateNormalFullCovariance', storedShape(this._params.loc), storedShape(this._params.covarianceMatrix), 'covarianceMatrix');
    if (this.validateArgs && this.hasParam('covarianceMatrix')) this.checkCovariance();
  }

  /** The covariance matrix as given (current value); identity when absent. */
  get covarianceMatrix(): Tensor {
    return this.hasParam('covarianceMatrix') ? this.param('covarianceMatrix') : np.eye(this.k, undefined, 0, this._dtype);
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    const dt = this._dtype;
    return {
      loc: { eventNdims: 1 },
      covarianceMatrix: {
        eventNdims: 2,
        defaultConstrainingBijector: () => new Chain([new CholeskyOuterProduct(), new FillScaleTriL({ diagShift: eps(dt) })]),
      },
    };
  }

  protected get eventSize(): number { return this.k; }
  protected locOrUndefined(): Tensor | undefined { return this.hasParam('loc') ? this.param('loc') : undefined; }
  protected scaleTrilOrUndefined(): Tensor | undefined {
    return this.hasParam('covarianceMatrix') ? np.linalg.cholesky(this.param('covarianceMatrix')) : undefined;
  }

  private checkCovariance(): void {
    const c = this.param('covarianceMatrix');
    const k = this.k, v = c.data(), n = v.length / (k * k);
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < i; j++) {
          const x = Number(v[b * k * k + i * k + j]), y = Number(v[b * k * k + j * k + i]);
          if (!(Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12)) {
            throw new RangeError(`MultivariateNormalFullCovariance: covarianceMatrix must be symmetric; entries [${i}, ${j}] = ${x} and [${j}, ${i}] = ${y} differ (matrix ${b})`);
          }
        }
      }
    }
    const d = diagPart(np.linalg.cholesky(c)).data();
    for (let i = 0; i < d.length; i++) {
      if (!(Number(d[i]) > 0)) throw new RangeError(`MultivariateNormalFullCovariance: covarianceMatrix must be positive definite (its Cholesky factorization fails at matrix ${Math.floor(i / k)}, pivot ${i % k})`);
    }
  }
}

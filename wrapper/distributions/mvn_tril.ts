/**
 * `tfd.MultivariateNormalTriL`: the multivariate normal N(loc, L Lᵀ) parameterized by a
 * lower-triangular scale L (`scaleTril`, only its lower triangle is read, as TFP), event
 * shape [k]. The math (log-density by one triangular solve, sampling with TFP-on-JAX key
 * use, entropy, covariance, KL pairs) lives in `mvn_linear_operator.ts`.
 *
 * Provenance: TFP `mvn_tril.py` / `mvn_linear_operator.py`; reference values from
 * `scipy.stats.multivariate_normal`. NaN/inf: a zero on L's diagonal (singular scale) gives
 * NaN; `validateArgs` throws a RangeError naming `scaleTril` instead. Negative diagonal
 * entries are valid (TFP: log|det| of the scale).
 */
import type { DType } from '../types/dtype.js';
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { FillScaleTriL } from '../bijectors/fill_scale_tril.js';
import { eps } from '../bijectors/float.js';
import type { DistributionOptions, ParameterProperties } from './distribution.js';
import { MultivariateNormalLinearOperator, storedShape, diagPart } from './mvn_linear_operator.js';

/** Options of {@link MultivariateNormalTriL}. */
export interface MultivariateNormalTriLOptions extends DistributionOptions {
  /** Mean vector(s), shape [..., k] (default zeros). */
  loc?: ParamInput;
  /** Lower-triangular scale, shape [..., k, k], non-singular (default identity). */
  scaleTril?: ParamInput;
}

/**
 * Checks shapes of `loc` [..., k] / square matrix parameter [..., k, k] and returns k
 * (TypeError when both are missing, RangeError naming the argument on a mismatch).
 * @example `mvnEventSize('MultivariateNormalTriL', [5, 3], [3, 3], 'scaleTril') // 3`
 */
export function mvnEventSize(family: string, loc: readonly number[] | undefined, mat: readonly number[] | undefined, matName: string): number {
  if (loc === undefined && mat === undefined) throw new TypeError(`${family}: give loc (shape [..., k]) and/or ${matName} (shape [..., k, k])`);
  if (loc !== undefined && loc.length < 1) throw new RangeError(`${family}: loc must have at least one dimension (the event); got a scalar`);
  if (mat !== undefined && (mat.length < 2 || mat[mat.length - 1] !== mat[mat.length - 2])) {
    throw new RangeError(`${family}: ${matName} must be a (batch of) square matrices [..., k, k]; got shape [${mat.join(', ')}]`);
  }
  const k = mat !== undefined ? mat[mat.length - 1] : loc![loc!.length - 1];
  if (loc !== undefined && loc[loc.length - 1] !== k) {
    throw new RangeError(`${family}: loc's last dimension (${loc[loc.length - 1]}) must equal ${matName}'s size (${k})`);
  }
  return k;
}

/**
 * MultivariateNormalTriL({ loc, scaleTril }): covariance `scaleTril @ scaleTrilᵀ`.
 * @example
 * ```ts
 * const d = new tfd.MultivariateNormalTriL({ loc: [1, -1], scaleTril: [[1, 0], [0.5, 2]] });
 * d.covariance();                          // [[1, 0.5], [0.5, 4.25]]
 * d.logProb([1, -1]);                      // -log(2 pi) - log 2
 * d.sample([3], { seed: random.key(0) }); // shape [3, 2]
 * ```
 */
export class MultivariateNormalTriL extends MultivariateNormalLinearOperator {
  protected readonly _dtype: DType;
  private readonly k: number;

  constructor(options: MultivariateNormalTriLOptions) {
    super(options ?? {}, 'MultivariateNormalTriL');
    const o = options ?? ({} as MultivariateNormalTriLOptions);
    this._dtype = this.initParams({ loc: o.loc, scaleTril: o.scaleTril });
    this.k = mvnEventSize('MultivariateNormalTriL', storedShape(this._params.loc), storedShape(this._params.scaleTril), 'scaleTril');
    if (this.validateArgs && this.hasParam('scaleTril')) {
      const d = diagPart(this.param('scaleTril')).data();
      for (let i = 0; i < d.length; i++) {
        if (!(Number(d[i]) !== 0 && Number.isFinite(Number(d[i])))) {
          throw new RangeError(`MultivariateNormalTriL: scaleTril must be non-singular (a finite, nonzero diagonal); got diagonal entry ${d[i]} at index ${i}`);
        }
      }
    }
  }

  get parameterProperties(): Readonly<Record<string, ParameterProperties>> {
    const dt = this._dtype;
    return {
      loc: { eventNdims: 1 },
      scaleTril: { eventNdims: 2, defaultConstrainingBijector: () => new FillScaleTriL({ diagShift: eps(dt) }) },
    };
  }

  protected get eventSize(): number { return this.k; }
  protected locOrUndefined(): Tensor | undefined { return this.hasParam('loc') ? this.param('loc') : undefined; }
  protected scaleTrilOrUndefined(): Tensor | undefined { return this.hasParam('scaleTril') ? np.tril(this.param('scaleTril')) : undefined; }
}

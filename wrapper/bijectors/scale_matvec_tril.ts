/**
 * `tfb.ScaleMatvecTriL`: y = L x with L lower triangular (`scaleTril`, its strict upper
 * triangle ignored, as TFP's LinearOperatorLowerTriangular), or y = Lᵀ x with `adjoint`.
 * log|det J| = sum_i log|L_ii| (constant Jacobian). The inverse solves the triangular
 * system (np.linalg.triangularSolve, forward/back substitution), backward stable; a zero
 * on the diagonal gives inf/NaN (and log|det J| = -inf) unless validateArgs, which throws
 * a RangeError naming `scaleTril`. Batch dims of `scaleTril` and `x` broadcast.
 * Provenance: TFP bijectors/scale_matvec_tril.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import type { ParamInput } from '../util/variable.js';
import { Bijector, type BijectorCommonOptions, type BijectorParameterProperties } from './bijector.js';
import { floatOf } from './float.js';
import { squareSize } from './fill_triangular.js';

/** Options of {@link ScaleMatvecTriL}. */
export interface ScaleMatvecTriLOptions extends BijectorCommonOptions {
  /** Lower-triangular scale, shape `[..., n, n]` (leading dims are the batch). Required. */
  scaleTril: ParamInput;
  /** Use Lᵀ instead of L (default false). */
  adjoint?: boolean;
}

const mT = (a: Tensor): Tensor => {
  const r = a.ndim;
  return np.transpose(a, [...Array.from({ length: r - 2 }, (_, i) => i), r - 1, r - 2]);
};

/**
 * Multiplies a vector by a lower-triangular matrix (`tfb.ScaleMatvecTriL`);
 * forwardMinEventNdims 1.
 * @example
 * ```ts
 * const b = new tfb.ScaleMatvecTriL({ scaleTril: [[2, 0], [1, 3]] });
 * b.forward([1, 1]);                // [2, 4]
 * b.inverse([2, 4]);                // [1, 1]
 * b.forwardLogDetJacobian([1, 1]);  // log 6
 * ```
 */
export class ScaleMatvecTriL extends Bijector {
  /** Whether the map is y = Lᵀ x. */
  declare readonly adjoint: boolean;

  constructor(options: ScaleMatvecTriLOptions) {
    super({ forwardMinEventNdims: 1, isConstantJacobian: true, validateArgs: options?.validateArgs, name: options?.name ?? 'scale_matvec_tril' });
    if (options?.scaleTril === undefined) throw new TypeError('ScaleMatvecTriL: scaleTril is required');
    Object.defineProperty(this, 'adjoint', { value: options.adjoint ?? false, enumerable: true });
    this.initParams({ scaleTril: options.scaleTril });
    const l = this.param('scaleTril');
    const n = squareSize(l.shape, 'ScaleMatvecTriL: scaleTril');
    if (this.validateArgs) {
      const d = np.diagonal(l, { axis1: -2, axis2: -1 }).data();
      for (let i = 0; i < d.length; i++) if (!(d[i] !== 0 && !Number.isNaN(d[i]))) throw new RangeError(`ScaleMatvecTriL: scaleTril must have a non-zero diagonal; got ${d[i]} (n = ${n})`);
    }
  }

  get parameterProperties(): Readonly<Record<string, BijectorParameterProperties>> { return { scaleTril: { eventNdims: 2 } }; }
  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, adjoint: this.adjoint }; }

  /** The lower-triangular scale (upper triangle zeroed; variables read now). */
  get scaleTril(): Tensor { return np.tril(this.param('scaleTril')); }

  protected _forward(x: Tensor): Tensor {
    const l = this.scaleTril;
    const xc = np.expandDims(floatOf(x, this._paramDtype), -1);
    return np.squeeze(np.matmul(this.adjoint ? mT(l) : l, xc), -1);
  }

  protected _inverse(y: Tensor): Tensor {
    const yc = np.expandDims(floatOf(y, this._paramDtype), -1);
    return np.squeeze(np.linalg.triangularSolve(this.scaleTril, yc, { lower: true, transposeA: this.adjoint }), -1);
  }

  protected _forwardLogDetJacobian(_x: Tensor): Tensor {
    return np.sum(np.log(np.abs(np.diagonal(this.param('scaleTril'), { axis1: -2, axis2: -1 }))), { axis: -1 });
  }
}

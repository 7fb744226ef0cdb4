/**
 * `tfb.TransformDiagonal`: applies `diagBijector` to the diagonal of a square matrix and
 * leaves the other entries unchanged. log|det J| = diagBijector's log|det J| of the
 * diagonal with event ndims 1 (the off-diagonal part is the identity). The new diagonal
 * is written with `np.where` against an identity mask, so off-diagonal entries are
 * copied exactly and NaN/inf elsewhere in the matrix do not leak into the diagonal.
 * Accuracy is the diagonal bijector's. Provenance: TFP bijectors/transform_diagonal.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { squareSize } from './fill_triangular.js';

/**
 * `x` with its diagonal replaced by `d` (`tf.linalg.set_diag`; batch dims broadcast).
 * @example `setDiag(np.zeros([2, 2]), np.array([1, 2])) // [[1, 0], [0, 2]]`
 */
export function setDiag(x: Tensor, d: Tensor): Tensor {
  const n = squareSize(x.shape, 'setDiag: x');
  const mask = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) mask[i * n + i] = 1;
  return np.where(new Tensor(mask, [n, n]), np.expandDims(d, -2), x);
}

/** The diagonal of the last two axes, `[..., n]`. @example `diagPart(np.eye(2)) // [1, 1]` */
export const diagPart = (x: Tensor): Tensor => np.diagonal(x, { axis1: -2, axis2: -1 });

/**
 * Transforms the diagonal of a matrix with another bijector (`tfb.TransformDiagonal`);
 * forward and inverse min event ndims 2.
 * @example
 * ```ts
 * const b = new tfb.TransformDiagonal(new tfb.Exp());
 * b.forward([[0, 0], [3, 1]]);                // [[1, 0], [3, e]]
 * b.forwardLogDetJacobian([[0, 0], [3, 1]]);  // 0 + 1 = 1
 * ```
 */
export class TransformDiagonal extends Bijector {
  /** The bijector applied to the diagonal. */
  declare readonly diagBijector: Bijector;

  constructor(diagBijector: Bijector, options: BijectorCommonOptions = {}) {
    if (!(diagBijector instanceof Bijector)) throw new TypeError('TransformDiagonal: diagBijector must be a Bijector');
    if (diagBijector.forwardMinEventNdims > 1 || diagBijector.inverseMinEventNdims > 1) {
      throw new RangeError(`TransformDiagonal: diagBijector must act on vectors or elementwise (min event ndims <= 1); got ${diagBijector.forwardMinEventNdims}`);
    }
    super({ forwardMinEventNdims: 2, isConstantJacobian: diagBijector.isConstantJacobian, validateArgs: options.validateArgs, name: options.name ?? 'transform_diagonal' });
    Object.defineProperty(this, 'diagBijector', { value: diagBijector, enumerable: true });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, diagBijector: this.diagBijector }; }

  get batchShape(): number[] { return this.diagBijector.batchShape; }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x);
    return setDiag(xf, this.diagBijector.forward(diagPart(xf)));
  }

  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y);
    return setDiag(yf, this.diagBijector.inverse(diagPart(yf)));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    return this.diagBijector.forwardLogDetJacobian(diagPart(floatOf(x)), 1);
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    return this.diagBijector.inverseLogDetJacobian(diagPart(floatOf(y)), 1);
  }
}

/**
 * `tfb.CholeskyOuterProduct`: L -> L Lᵀ, from lower-triangular matrices with positive
 * diagonal to symmetric positive-definite matrices. The strict upper triangle of the
 * input is ignored (zeroed first, as TFP). Inverse: the Cholesky factor
 * (np.linalg.cholesky; a matrix that is not positive definite gives NaN).
 *
 * log|det J| is TFP's: the Jacobian of the n(n+1)/2 lower-triangular entries of L to the
 * n(n+1)/2 lower-triangular entries of Y = L Lᵀ,
 *   log|det J| = n log 2 + sum_{i=0}^{n-1} (n - i) log L_ii,
 * (a non-positive diagonal gives NaN/-inf, as TFP's `log(diag)`). Provenance: TFP
 * bijectors/cholesky_outer_product.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { squareSize } from './fill_triangular.js';
import { diagPart } from './transform_diagonal.js';

const mT = (a: Tensor): Tensor => {
  const r = a.ndim;
  return np.transpose(a, [...Array.from({ length: r - 2 }, (_, i) => i), r - 1, r - 2]);
};

/**
 * Cholesky factor -> positive-definite matrix (`tfb.CholeskyOuterProduct`); min event
 * ndims 2 both ways.
 * @example
 * ```ts
 * const b = new tfb.CholeskyOuterProduct();
 * b.forward([[1, 0], [2, 1]]);   // [[1, 2], [2, 5]]
 * b.inverse([[1, 2], [2, 5]]);   // [[1, 0], [2, 1]]
 * ```
 */
export class CholeskyOuterProduct extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 2, validateArgs: options.validateArgs, name: options.name ?? 'cholesky_outer_product' });
  }

  protected _forward(x: Tensor): Tensor {
    squareSize(x.shape, 'CholeskyOuterProduct: x');
    const l = np.tril(floatOf(x));
    return np.matmul(l, mT(l));
  }

  protected _inverse(y: Tensor): Tensor {
    squareSize(y.shape, 'CholeskyOuterProduct: y');
    return np.linalg.cholesky(floatOf(y));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const n = squareSize(x.shape, 'CholeskyOuterProduct: x');
    const xf = floatOf(x);
    const w = new (xf.dtype === 'float64' ? Float64Array : Float32Array)(n);
    for (let i = 0; i < n; i++) w[i] = n - i;
    const weighted = np.sum(np.multiply(np.log(diagPart(xf)), new Tensor(w, [n])), { axis: -1 });
    return np.add(weighted, n * Math.LN2);
  }
}

/**
 * `tfb.CorrelationCholesky`: R^{n(n-1)/2} -> Cholesky factors of n x n correlation
 * matrices (lower triangular, positive diagonal, rows of unit norm), TFP's construction:
 * the vector fills the strictly lower triangle in FillTriangular's order (rows 1..n-1,
 * columns 0..n-2), the diagonal is set to 1 and each row is divided by its Euclidean
 * norm, so L_ij = x_ij / s_i and L_ii = 1 / s_i with s_i = sqrt(1 + sum_j x_ij^2).
 * Inverse: x_ij = L_ij / L_ii. (Stan's and the LKJ papers' onion/vine parameterization:
 * Lewandowski, Kurowicka and Joe 2009.)
 *
 * log|det J| (TFP's) is of the map from x to the strictly lower-triangular entries of L
 * (the diagonal is determined by them): row i maps R^i into the unit ball with
 * |det| = s_i^{-(i+2)}, so log|det J| = -sum_i (i+2)/2 log1p(sum_j x_ij^2), computed here
 * from x with log1p (TFP computes sum (i+2) log L_ii from y; the same value).
 * Huge x (|x|^2 overflow) gives rows that are 0 with diagonal 0 in float32; NaN
 * propagates within its row. Provenance: TFP bijectors/correlation_cholesky.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';
import { fillTriangular, fillTriangularInverse, squareSize, triangularSize } from './fill_triangular.js';
import { diagPart, setDiag } from './transform_diagonal.js';

/**
 * Unconstrained vector -> Cholesky factor of a correlation matrix
 * (`tfb.CorrelationCholesky`); forwardMinEventNdims 1, inverseMinEventNdims 2.
 * @example
 * ```ts
 * new tfb.CorrelationCholesky().forward([2, 2, 1]);
 * // [[1, 0, 0], [0.70710677, 0.70710677, 0], [0.6666667, 0.6666667, 0.33333334]]
 * ```
 */
export class CorrelationCholesky extends Bijector {
  constructor(options: BijectorCommonOptions = {}) {
    super({ forwardMinEventNdims: 1, inverseMinEventNdims: 2, validateArgs: options.validateArgs, name: options.name ?? 'correlation_cholesky' });
  }

  protected _forward(x: Tensor): Tensor {
    const xf = floatOf(x);
    const t = fillTriangular(xf);
    const pads = [...xf.shape.slice(0, -1).map(() => [0, 0]), [1, 0], [0, 1]];
    const y = setDiag(np.pad(t, pads), np.ones([t.shape[t.ndim - 1] + 1], xf.dtype));
    return np.divide(y, np.sqrt(np.sum(np.square(y), { axis: -1, keepdims: true })));
  }

  protected _inverse(y: Tensor): Tensor {
    const yf = floatOf(y);
    const n = squareSize(yf.shape, 'CorrelationCholesky: y');
    const x = np.divide(setDiag(yf, np.zeros([n], yf.dtype)), np.expandDims(diagPart(yf), -1));
    const starts = x.shape.map((_, i) => (i === x.ndim - 2 ? 1 : 0));
    const limits = x.shape.map((d, i) => (i === x.ndim - 1 ? d - 1 : d));
    return fillTriangularInverse(np.slice(x, starts, limits));
  }

  protected _forwardLogDetJacobian(x: Tensor): Tensor {
    const xf = floatOf(x);
    const rowsq = np.sum(np.square(fillTriangular(xf)), { axis: -1 }); // rows 1..n-1 of L
    const n = rowsq.shape[rowsq.ndim - 1];
    const w = new (xf.dtype === 'float64' ? Float64Array : Float32Array)(n);
    for (let i = 0; i < n; i++) w[i] = -(i + 3) / 2;
    return np.sum(np.multiply(np.log1p(rowsq), new Tensor(w, [n])), { axis: -1 });
  }

  protected _inverseLogDetJacobian(y: Tensor): Tensor {
    const yf = floatOf(y);
    const n = squareSize(yf.shape, 'CorrelationCholesky: y');
    const w = new (yf.dtype === 'float64' ? Float64Array : Float32Array)(n);
    for (let i = 0; i < n; i++) w[i] = -(i + 2);
    return np.sum(np.multiply(np.log(diagPart(yf)), new Tensor(w, [n])), { axis: -1 });
  }

  protected _forwardEventShape(shape: number[]): number[] {
    if (shape.length < 1) throw new RangeError('CorrelationCholesky.forwardEventShape: shape must have at least 1 dimension');
    const n = triangularSize(shape[shape.length - 1], 'CorrelationCholesky.forwardEventShape') + 1;
    return [...shape.slice(0, -1), n, n];
  }

  protected _inverseEventShape(shape: number[]): number[] {
    const n = squareSize(shape, 'CorrelationCholesky.inverseEventShape: shape');
    if (n < 1) throw new RangeError('CorrelationCholesky.inverseEventShape: matrices must be at least 1 x 1');
    return [...shape.slice(0, -2), (n * (n - 1)) / 2];
  }
}

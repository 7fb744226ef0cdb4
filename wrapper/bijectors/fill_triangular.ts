/**
 * `tfb.FillTriangular`: a vector of length m = n(n+1)/2 <-> an n x n lower (or upper)
 * triangular matrix, in TFP's fill order (`tfp.math.fill_triangular`), so the same vector
 * gives the same matrix as in TFP.
 *
 * TFP's order (lower): the matrix is the row-major reshape of `concat(x[n:], reverse(x))`
 * with the strict upper triangle zeroed, e.g. [1, 2, 3, 4, 5, 6] -> [[4, 0, 0], [6, 5, 0],
 * [3, 2, 1]]; upper: `concat(x, reverse(x[n:]))` with the strict lower triangle zeroed,
 * [1, 2, 3, 4, 5, 6] -> [[1, 2, 3], [0, 5, 6], [0, 0, 4]]. Here the order is precomputed
 * as an index table and applied with one gather (`np.take`), so forward and inverse are
 * exact (no arithmetic) and differentiable.
 *
 * The map only rearranges entries: log|det J| = 0 (constant Jacobian). The inverse reads
 * only the triangle; entries outside it are ignored (TFP's fill_triangular_inverse adds
 * them into the result instead; such inputs are outside the bijector's range). NaN/inf
 * pass through unchanged. Provenance: TFP tensorflow_probability/python/math/linalg.py
 * and bijectors/fill_triangular.py.
 */
import { Tensor } from '../np/tensor.js';
import * as np from '../np/index.js';
import { Bijector, type BijectorCommonOptions } from './bijector.js';
import { floatOf } from './float.js';

/** Options of {@link FillTriangular}. */
export interface FillTriangularOptions extends BijectorCommonOptions {
  /** Fill the upper triangle instead of the lower one (default false). */
  upper?: boolean;
}

/**
 * n with n(n+1)/2 = m, or a RangeError naming `what` when m is not a triangular number.
 * @example `triangularSize(6, 'x') // 3`
 */
export function triangularSize(m: number, what: string): number {
  const n = Math.round(Math.sqrt(0.25 + 2 * m) - 0.5);
  if (n * (n + 1) / 2 !== m) {
    throw new RangeError(`${what}: the last dimension (${m}) must be a triangular number n(n+1)/2 (1, 3, 6, 10, ...)`);
  }
  return n;
}

interface Order { gather: Tensor; scatter: Tensor }
const orders = new Map<string, Order>();

/** The index tables: matrix position -> vector index (m = zero), vector index -> position. */
function orderFor(n: number, upper: boolean): Order {
  const key = `${n}:${upper}`;
  let o = orders.get(key);
  if (o !== undefined) return o;
  const m = (n * (n + 1)) / 2;
  const idx = Array.from({ length: m }, (_, i) => i);
  const tail = idx.slice(n);
  const seq = upper ? [...idx, ...tail.reverse()] : [...tail, ...idx.slice().reverse()];
  const gather = new Int32Array(n * n), scatter = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const p = r * n + c, keep = upper ? c >= r : c <= r;
      gather[p] = keep ? seq[p] : m;
      if (keep) scatter[seq[p]] = p;
    }
  }
  o = { gather: new Tensor(gather, [n * n]), scatter: new Tensor(scatter, [m]) };
  orders.set(key, o);
  return o;
}

/**
 * TFP's `tfp.math.fill_triangular`: `[..., n(n+1)/2]` -> `[..., n, n]` triangular.
 * @example `fillTriangular([1, 2, 3, 4, 5, 6]) // [[4, 0, 0], [6, 5, 0], [3, 2, 1]]`
 */
export function fillTriangular(x: Tensor, upper = false): Tensor {
  if (x.ndim < 1) throw new RangeError('fillTriangular: x must have at least 1 dimension');
  const m = x.shape[x.ndim - 1], n = triangularSize(m, 'FillTriangular: x');
  const batch = x.shape.slice(0, -1);
  const padded = np.concatenate([x, np.zeros([...batch, 1], x.dtype)], -1);
  return np.reshape(np.take(padded, orderFor(n, upper).gather, { axis: -1 }), [...batch, n, n]);
}

/**
 * TFP's `tfp.math.fill_triangular_inverse`: `[..., n, n]` -> `[..., n(n+1)/2]`.
 * @example `fillTriangularInverse([[4, 0, 0], [6, 5, 0], [3, 2, 1]]) // [1, 2, 3, 4, 5, 6]`
 */
export function fillTriangularInverse(y: Tensor, upper = false): Tensor {
  const n = squareSize(y.shape, 'FillTriangular: y');
  const batch = y.shape.slice(0, -2);
  return np.take(np.reshape(y, [...batch, n * n]), orderFor(n, upper).scatter, { axis: -1 });
}

/** The n of a `[..., n, n]` shape, or a RangeError naming `what`. */
export function squareSize(shape: readonly number[], what: string): number {
  const r = shape.length;
  if (r < 2 || shape[r - 1] !== shape[r - 2]) {
    throw new RangeError(`${what} must end in a square matrix [..., n, n]; got shape [${shape.join(', ')}]`);
  }
  return shape[r - 1];
}

/**
 * Vector -> triangular matrix in TFP's fill order (`tfb.FillTriangular`).
 * forwardMinEventNdims 1, inverseMinEventNdims 2, log|det J| = 0.
 * @example
 * ```ts
 * new tfb.FillTriangular().forward([1, 2, 3, 4, 5, 6]); // [[4, 0, 0], [6, 5, 0], [3, 2, 1]]
 * new tfb.FillTriangular({ upper: true }).forward([1, 2, 3]); // [[1, 2], [0, 3]]
 * new tfb.FillTriangular().inverseEventShape([3, 3]);  // [6]
 * ```
 */
export class FillTriangular extends Bijector {
  /** Whether it fills the upper triangle. */
  declare readonly upper: boolean;

  constructor(options: FillTriangularOptions = {}) {
    super({ forwardMinEventNdims: 1, inverseMinEventNdims: 2, isConstantJacobian: true, validateArgs: options.validateArgs, name: options.name ?? 'fill_triangular' });
    Object.defineProperty(this, 'upper', { value: options.upper ?? false, enumerable: true });
  }

  get parameters(): Readonly<Record<string, unknown>> { return { ...super.parameters, upper: this.upper }; }

  protected _forward(x: Tensor): Tensor { return fillTriangular(floatOf(x), this.upper); }
  protected _inverse(y: Tensor): Tensor { return fillTriangularInverse(floatOf(y), this.upper); }
  protected _forwardLogDetJacobian(x: Tensor): Tensor { return np.zeros([], floatOf(x).dtype); }
  protected _inverseLogDetJacobian(y: Tensor): Tensor { return np.zeros([], floatOf(y).dtype); }

  protected _forwardEventShape(shape: number[]): number[] {
    if (shape.length < 1) throw new RangeError('FillTriangular.forwardEventShape: shape must have at least 1 dimension');
    const n = triangularSize(shape[shape.length - 1], 'FillTriangular.forwardEventShape');
    return [...shape.slice(0, -1), n, n];
  }

  protected _inverseEventShape(shape: number[]): number[] {
    const n = squareSize(shape, 'FillTriangular.inverseEventShape: shape');
    return [...shape.slice(0, -2), (n * (n + 1)) / 2];
  }
}

/** Cumulative reductions: cumsum and cumLogsumexp. */
import type { ArrayLike, DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { bind } from '../primitive.js';
import { asTensor, isFloat } from '../asarray.js';
import { checkDType } from '../dtypes.js';
import { defaultFloat } from '../../config.js';
import { axisArg, cumsumPrim } from '../prims/indexing.js';
import { astype, logaddexp } from './elementwise.js';
import { reshape } from './shape.js';
import { slice } from './indexing.js';
import { pad } from './structure.js';

/** Options of {@link cumsum} and {@link cumLogsumexp}. */
export interface CumulativeOptions {
  /** The axis to accumulate along (negative counts from the end). */
  axis?: number | null;
  /** Accumulate from the end: `out[i]` covers elements `i..n-1`. */
  reverse?: boolean;
}

/**
 * Inclusive cumulative sum along `axis` (jnp.cumsum; `reverse` as in lax.cumsum). With no
 * `axis` (or `null`) the array is flattened first. bool sums as int32; `dtype` converts
 * the input first. float32 sums accumulate in float64 and round each output once (JAX
 * accumulates in float32, so the last bits may differ); ints wrap modulo 2^32.
 * Differentiable: the gradient is the reverse cumulative sum of the cotangent.
 * @example
 * ```ts
 * np.cumsum([1, 2, 3]).toArray();                          // [1, 3, 6]
 * np.cumsum([[1, 2], [3, 4]], { axis: 1 }).toArray();      // [[1, 3], [3, 7]]
 * np.cumsum([1, 2, 3], { axis: 0, reverse: true }).toArray(); // [6, 5, 3]
 * ```
 */
export function cumsum(a: ArrayLike, options: CumulativeOptions & { dtype?: DType } = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  if (options.dtype !== undefined) t = astype(t, checkDType(options.dtype, 'cumsum: dtype'));
  else if (t.dtype === 'bool') t = astype(t, 'int32');
  else if (t._weak) t = astype(t, t.dtype);
  if (options.axis === undefined || options.axis === null) t = reshape(t, [t.size]);
  const axis = axisArg(options.axis ?? 0, t.ndim, 'cumsum');
  return bind(cumsumPrim, [t], { axis, reverse: options.reverse ?? false });
}

/**
 * Cumulative `log(sum(exp(a)))` along `axis`, like jax.lax.cumlogsumexp: `out[i] =
 * logsumexp(a[0..i])` (or `a[i..n-1]` with `reverse`). Note the default axis is 0, as in
 * lax (`axis: null` flattens). Computed stably, as JAX does, by an associative scan of
 * `logaddexp` (log2(n) steps), so huge and tiny values mix without overflow or
 * underflow. Differentiable: `d out[i] / d a[j] = exp(a[j] - out[i])` for `j <= i`, the
 * softmax weights of the prefix (the backward pass goes through the same scan; a prefix
 * that is entirely `-inf` has no defined gradient). Integers convert to the default float.
 * @example `np.cumLogsumexp([0, 0, 0]).toArray() // [0, log 2, log 3]`
 */
export function cumLogsumexp(a: ArrayLike, options: CumulativeOptions = {}): Tensor {
  let t = asTensor(a, undefined, 'a');
  if (!isFloat(t.dtype)) t = astype(t, defaultFloat());
  else if (t._weak) t = astype(t, t.dtype);
  if (options.axis === null) t = reshape(t, [t.size]);
  if (t.ndim === 0) throw new RangeError('cumLogsumexp: a must have at least one dimension (axis: null flattens)');
  const axis = axisArg(options.axis ?? 0, t.ndim, 'cumLogsumexp');
  const n = t.shape[axis];
  if (n <= 1) return t;
  const reverse = options.reverse ?? false;
  const starts = t.shape.map(() => 0);
  // Hillis-Steele scan: after the step with shift k, y[i] covers the 2k elements ending at i
  let y = t;
  for (let k = 1; k < n; k *= 2) {
    const limits = t.shape.map((d, i) => (i === axis ? n - k : d));
    const widths = t.shape.map((_, i): [number, number] => (i === axis ? (reverse ? [0, k] : [k, 0]) : [0, 0]));
    const part = reverse
      ? slice(y, starts.map((_, i) => (i === axis ? k : 0)), t.shape.slice())
      : slice(y, starts, limits);
    y = logaddexp(y, pad(part, widths, { constantValues: -Infinity }));
  }
  return y;
}

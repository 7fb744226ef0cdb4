/** softmax and logSoftmax (jax.nn.softmax / jax.nn.log_softmax), composed from differentiable ops. */
import type { ArrayLike } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { asTensor, isFloat } from '../asarray.js';
import { normalizeAxes } from '../shape.js';
import { bind, definePrimitive, type Primitive } from '../primitive.js';
import { withCore, stage, reserve, collect } from '../kernel_io.js';
import { defaultFloat } from '../../config.js';
import { stopGradient } from '../../autodiff/grad.js';
import * as ops from './elementwise.js';
import { max, sum } from './reduce.js';

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** Axis or axes the probabilities are normalized over (default -1). */
  axis?: number | readonly number[];
}

/** `x` as a float, minus its (gradient-stopped) max over the axes. */
function shifted(x: ArrayLike, o: SoftmaxOptions, what: string): { s: Tensor; axes: number[] } {
  let t = asTensor(x, undefined, 'x');
  if (!isFloat(t.dtype)) t = ops.astype(t, defaultFloat());
  const axes = normalizeAxes(o.axis ?? -1, t.ndim, what);
  // the shift cancels mathematically, so it is a constant to autodiff (as in JAX)
  const m = stopGradient(max(t, { axis: axes, keepdims: true }));
  return { s: ops.subtract(t, m), axes };
}

/**
 * `exp(x) / sum(exp(x))` over `axis`, computed stably (shifted by the max), like
 * jax.nn.softmax. Integer inputs are converted to the default float. A slice that is all
 * `-inf` gives NaN, as in JAX.
 * @example
 * ```ts
 * np.softmax([1, 2, 3]).toArray();                  // [0.0900, 0.2447, 0.6652]
 * np.softmax(np.zeros([2, 4]), { axis: 0 }).toArray(); // all 0.5
 * ```
 */
export function softmax(x: ArrayLike, options: SoftmaxOptions = {}): Tensor {
  const { s, axes } = shifted(x, options, 'softmax');
  const e = ops.exp(s);
  return ops.divide(e, sum(e, { axis: axes, keepdims: true }));
}

/**
 * `x - logsumexp(x)` over `axis`, computed stably, like jax.nn.log_softmax: exact for
 * very negative entries where `log(softmax(x))` underflows to `-inf`.
 * @example `np.logSoftmax([0, 0]).toArray() // [-0.6931, -0.6931]`
 */
export function logSoftmax(x: ArrayLike, options: SoftmaxOptions = {}): Tensor {
  let t = asTensor(x, undefined, 'x');
  if (!isFloat(t.dtype)) t = ops.astype(t, defaultFloat());
  const axes = normalizeAxes(options.axis ?? -1, t.shape.length, 'logSoftmax');
  if (axes.length === 1) return bind(logSoftmaxPrim, [t], axes[0]); // one fused kernel pass
  const { s } = shifted(t, options, 'logSoftmax');
  return ops.subtract(s, ops.log(sum(ops.exp(s), { axis: axes, keepdims: true })));
}

/** [outer, n, inner] of a shape split at `axis`. */
function split(shape: readonly number[], axis: number): [number, number, number] {
  let outer = 1, inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[axis], inner];
}

/**
 * The VJP of log_softmax as one primitive: xbar = g - exp(y) * sum(g) over `axis`, one
 * kernel call (assembly/kernels/softmax.ts) with the bits of that composition of ops.
 * Its own VJP (for higher derivatives), with e = exp(y): gbar = c - sum(c e),
 * ybar = -c e sum(g).
 */
const logSoftmaxVjpPrim: Primitive<number> = definePrimitive<number>({
  name: 'log_softmax_vjp',
  abstractEval([g, y]) {
    if (g.dtype !== y.dtype || g.shape.length !== y.shape.length || g.shape.some((d, i) => d !== y.shape[i])) {
      throw new Error(`internal: log_softmax_vjp needs equal shapes and dtypes; got ${g.dtype}[${g.shape}] and ${y.dtype}[${y.shape}]`);
    }
    return { shape: y.shape, dtype: y.dtype };
  },
  impl([g, y], axis, out) {
    const [outer, n, inner] = split(y.shape, axis);
    return withCore((c) => {
      const pg = stage(c, g), py = stage(c, y), po = reserve(c, out.dtype, out.shape);
      const ps = reserve(c, out.dtype, [outer * inner]);
      (out.dtype === 'float32' ? c.ex.logSoftmaxVjpF32 : c.ex.logSoftmaxVjpF64)(pg, py, po, ps, outer, n, inner);
      return collect(c, out.dtype, out.shape, po);
    });
  },
  vjp(c, [g, y], _out, axis, needs) {
    const ce = ops.multiply(c, ops.exp(y));
    return [
      needs[0] ? ops.subtract(c, sum(ce, { axis, keepdims: true })) : null,
      needs[1] ? ops.negative(ops.multiply(ce, sum(g, { axis, keepdims: true }))) : null,
    ];
  },
});

/** log_softmax along one axis as a single primitive: y = x - logsumexp(x); xbar = g - e^y sum(g). */
const logSoftmaxPrim: Primitive<number> = definePrimitive<number>({
  name: 'log_softmax',
  abstractEval: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  impl([x], axis, out) {
    const [outer, n, inner] = split(x.shape, axis);
    return withCore((c) => {
      const pa = stage(c, x), po = reserve(c, out.dtype, out.shape);
      (out.dtype === 'float32' ? c.ex.logSoftmaxF32 : c.ex.logSoftmaxF64)(pa, po, outer, n, inner);
      return collect(c, out.dtype, out.shape, po);
    });
  },
  vjp: (g, _in, y, axis) => [bind(logSoftmaxVjpPrim, [g, y], axis)],
});

/**
 * Reduction primitives over a set of axes (normalized, sorted). The array is viewed as
 * [outer, n, inner] with the reduced axes contiguous (non-contiguous axes are moved
 * together with a transpose first). Float reductions run in the wasm core
 * (assembly/kernels/reduce.ts: float32 sums accumulate in f64 and round once); integer ones
 * are exact JS loops.
 */
import type { DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { allocFor } from '../dtypes.js';
import { sizeOf } from '../shape.js';
import { bind, definePrimitive, type Aval } from '../primitive.js';
import { broadcastPrim, transposePrim } from './structural.js';
import { isFloat } from '../asarray.js';
import { withCore, stage, reserve, collect } from '../kernel_io.js';
import * as ops from '../ops/elementwise.js';
import * as shp from '../ops/shape.js';
import { keepDims } from '../ops/shape_internal.js';

export interface ReduceParams { readonly axes: readonly number[] }
export type ReduceKind = 'sum' | 'max' | 'min' | 'argmax' | 'argmin' | 'prod' | 'logsumexp';

function outShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.filter((_, i) => !axes.includes(i));
}

/** The input as a contiguous [outer, n, inner] block with the reduced axes in the middle. */
function grouped(x: Tensor, axes: readonly number[]): { data: Tensor; outer: number; n: number; inner: number } {
  const nd = x.shape.length;
  const contiguous = axes.every((a, i) => i === 0 || a === axes[i - 1] + 1);
  let t = x, lo = axes[0] ?? 0;
  if (!contiguous) {
    const keep = Array.from({ length: nd }, (_, i) => i).filter((i) => !axes.includes(i));
    const perm = [...keep, ...axes];
    t = transposePrim.impl([x], perm, { shape: perm.map((p) => x.shape[p]), dtype: x.dtype });
    lo = keep.length;
  }
  const shape = t.shape, hi = lo + axes.length;
  return {
    data: t,
    outer: sizeOf(shape.slice(0, lo)),
    n: sizeOf(shape.slice(lo, hi)),
    inner: sizeOf(shape.slice(hi)),
  };
}

/** Opcodes of assembly/kernels/reduce.ts (Red enum). */
const RED: Record<ReduceKind, number> = { sum: 0, max: 1, min: 2, prod: 3, argmax: 4, argmin: 5, logsumexp: 6 };

function reduceImpl(kind: ReduceKind, x: Tensor, axes: readonly number[], out: Aval): Tensor {
  const { data, outer, n, inner } = grouped(x, axes);
  if (isFloat(x.dtype)) { // float reductions run in the wasm core (f64 accumulation for float32 sums)
    return withCore((c) => {
      const pa = stage(c, data), po = reserve(c, out.dtype, out.shape);
      (x.dtype === 'float32' ? c.ex.reduceF32 : c.ex.reduceF64)(RED[kind], pa, po, outer, n, inner);
      return collect(c, out.dtype, out.shape, po);
    });
  }
  // integer and bool reductions are exact: a JS loop
  const src = data._data, r = allocFor(out.dtype, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      let acc: number, arg = 0;
      if (kind === 'sum' || kind === 'prod') {
        acc = kind === 'sum' ? 0 : 1;
        for (let i = 0; i < n; i++) acc = kind === 'sum' ? acc + src[base + i * inner] : acc * src[base + i * inner];
      } else {
        const isMax = kind === 'max' || kind === 'argmax';
        acc = isMax ? -Infinity : Infinity;
        for (let i = 0; i < n; i++) {
          const v = src[base + i * inner];
          if (v !== v) { acc = v; arg = i; break; } // NaN wins, first one
          if (isMax ? v > acc : v < acc) { acc = v; arg = i; }
        }
        if (n === 0 && (kind === 'max' || kind === 'min')) acc = NaN;
      }
      r[o * inner + j] = kind === 'argmax' || kind === 'argmin' ? arg : acc;
    }
  }
  return new Tensor(r, out.shape);
}

function reducePrim(kind: ReduceKind) {
  return definePrimitive<ReduceParams>({
    name: `reduce_${kind}`,
    abstractEval([x], { axes }) {
      const shape = outShape(x.shape, axes);
      if ((kind === 'argmax' || kind === 'argmin') && axes.some((a) => x.shape[a] === 0)) {
        throw new RangeError(`${kind}: attempt to get ${kind} of an empty sequence`);
      }
      const dtype: DType = kind === 'argmax' || kind === 'argmin' ? 'int32' : x.dtype;
      return { shape, dtype };
    },
    impl: ([x], { axes }, out) => reduceImpl(kind, x, axes, out),
    vjp: kind === 'argmax' || kind === 'argmin' ? undefined : (g, [x], out, { axes }) => {
      if (!isFloat(x.dtype)) return [null];
      // leading reduced axes: g already broadcasts against x (one primitive, no reshape)
      if (kind === 'sum' && axes.every((a, i) => a === i)) return [bind(broadcastPrim, [g], x.shape)];
      const kept = keepDims(g, x.shape, axes);
      if (kind === 'sum') return [shp.broadcastTo(kept, x.shape)];
      if (kind === 'logsumexp') { // d/dx logsumexp = softmax(x) = exp(x - out)
        const w = ops.exp(ops.subtract(x, shp.broadcastTo(keepDims(out, x.shape, axes), x.shape)));
        return [ops.multiply(shp.broadcastTo(kept, x.shape), w)];
      }
      const y = keepDims(out, x.shape, axes);
      if (kind === 'prod') return [ops.divide(ops.multiply(shp.broadcastTo(kept, x.shape), shp.broadcastTo(y, x.shape)), x)];
      // max/min: the cotangent is shared equally among the positions attaining the extremum
      const hit = ops.astype(ops.equal(x, shp.broadcastTo(y, x.shape)), x.dtype);
      const count = keepDims(reduceSumPrimBound(hit, axes), x.shape, axes);
      return [ops.multiply(shp.broadcastTo(ops.divide(kept, count), x.shape), hit)];
    },
  });
}

export const reduceSumPrim = reducePrim('sum');
export const reduceProdPrim = reducePrim('prod');
export const reduceMaxPrim = reducePrim('max');
export const reduceMinPrim = reducePrim('min');
export const argmaxPrim = reducePrim('argmax');
export const logsumexpPrim = reducePrim('logsumexp');
export const argminPrim = reducePrim('argmin');

function reduceSumPrimBound(x: Tensor, axes: readonly number[]): Tensor {
  return bind(reduceSumPrim, [x], { axes });
}

/**
 * Primitives that move, convert, compare or select elements: astype, compare, select,
 * broadcast_to, reshape, transpose. They do no floating-point arithmetic (casts round
 * like NumPy), so they run as JS loops over the typed arrays.
 */
import type { DType, TypedArray } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { allocFor } from '../dtypes.js';
import { gatherStrided, sameShapeOrThrow, sizeOf, stridesOf } from '../shape.js';
import { definePrimitive, sameShape, type Aval } from '../primitive.js';
import { castTensor, isFloat } from '../asarray.js';
import * as ops from '../ops/elementwise.js';
import * as shp from '../ops/shape.js';
import { sumToShape } from '../ops/shape_internal.js';

export const astypePrim = definePrimitive<DType>({
  name: 'convert_element_type',
  abstractEval: ([x], dtype) => ({ shape: x.shape, dtype }),
  impl: ([x], dtype) => castTensor(x, dtype),
  vjp: (g, [x]) => [isFloat(x.dtype) && isFloat(g.dtype) ? ops.astype(g, x.dtype) : null],
});

export type CompareOp = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';

export const comparePrim = definePrimitive<CompareOp>({
  name: 'compare',
  abstractEval([a, b]: readonly Aval[]) {
    sameShapeOrThrow(a.shape, b.shape, 'compare');
    return { shape: a.shape, dtype: 'bool' };
  },
  impl([a, b], op, out) {
    const x = a._data, y = b._data, n = x.length, r = new Uint8Array(n);
    switch (op) {
      case 'lt': for (let i = 0; i < n; i++) r[i] = x[i] < y[i] ? 1 : 0; break;
      case 'le': for (let i = 0; i < n; i++) r[i] = x[i] <= y[i] ? 1 : 0; break;
      case 'gt': for (let i = 0; i < n; i++) r[i] = x[i] > y[i] ? 1 : 0; break;
      case 'ge': for (let i = 0; i < n; i++) r[i] = x[i] >= y[i] ? 1 : 0; break;
      case 'eq': for (let i = 0; i < n; i++) r[i] = x[i] === y[i] ? 1 : 0; break;
      default: for (let i = 0; i < n; i++) r[i] = x[i] !== y[i] ? 1 : 0;
    }
    return new Tensor(r, out.shape);
  },
});

export const selectPrim = definePrimitive({
  name: 'select_n',
  abstractEval([c, a, b]: readonly Aval[]) {
    if (c.dtype !== 'bool') throw new TypeError(`where: condition must be bool; got ${c.dtype}`);
    sameShapeOrThrow(a.shape, b.shape, 'where');
    sameShapeOrThrow(c.shape, a.shape, 'where');
    return { shape: a.shape, dtype: a.dtype };
  },
  impl([c, a, b], _p, out) {
    const m = c._data, x = a._data, y = b._data, r = allocFor(out.dtype, x.length);
    for (let i = 0; i < r.length; i++) r[i] = m[i] ? x[i] : y[i];
    return new Tensor(r, out.shape);
  },
  vjp: (g, [c], _o, _p, n) => [null, n[1] ? ops.where(c, g, 0) : null, n[2] ? ops.where(c, 0, g) : null],
});

/**
 * Writes `src` (of shape `from`) broadcast to `shape` into `r` (size of `shape`; a typed
 * array or a view of workspace memory): NumPy broadcasting, values copied, no arithmetic.
 */
export function broadcastInto(src: TypedArray, fromShape: readonly number[], r: TypedArray, shape: readonly number[]): void {
  const x = { shape: fromShape }, nd = shape.length;
  let lead = 0;
  while (lead < x.shape.length && x.shape[lead] === 1) lead++;
  const core = x.shape.slice(lead);
  if (core.every((d, i) => d === shape[nd - core.length + i])) { // a tiled block (leading broadcast only)
    const block = src.length;
    if (block === 1) { r.fill(src[0] as never); return; }
    if (block < 32) { for (let dst = 0; dst < r.length; dst += block) for (let i = 0; i < block; i++) r[dst + i] = src[i]; }
    else for (let dst = 0; dst < r.length; dst += block) r.set(src as never, dst);
    return;
  }
  const off = nd - x.shape.length;
  let kk = x.shape.length;
  while (kk > 0 && x.shape[kk - 1] === 1) kk--;
  if (x.shape.slice(0, kk).every((d, i) => d === shape[off + i]) && sizeOf(shape.slice(0, off)) === 1) {
    const rep = sizeOf(shape.slice(off + kk)); // trailing broadcast only: repeat each element
    if (rep < 32) { for (let i = 0, dst = 0; i < src.length; i++) { const v = src[i]; for (let j = 0; j < rep; j++) r[dst++] = v; } }
    else for (let i = 0, dst = 0; i < src.length; i++, dst += rep) r.fill(src[i] as never, dst, dst + rep);
    return;
  }
  const from = [...new Array<number>(nd - x.shape.length).fill(1), ...x.shape];
  // the trailing dims that match are copied as one contiguous block
  let k = nd, block = 1;
  while (k > 0 && from[k - 1] === shape[k - 1]) { block *= shape[k - 1]; k--; }
  const fs = stridesOf(from);
  // the innermost outer dim is a broadcast one (k > 0 here): each block is written rep times
  const rep = shape[k - 1];
  k--;
  const ctr = new Array<number>(k).fill(0);
  const outer = sizeOf(shape.slice(0, k));
  let so = 0;
  for (let o = 0, dst = 0; o < outer; o++) {
    for (let t = 0; t < rep; t++, dst += block) {
      if (block === 1) r[dst] = src[so];
      else if (block < 32) for (let i = 0; i < block; i++) r[dst + i] = src[so + i];
      else r.set(src.subarray(so, so + block), dst);
    }
    for (let d = k - 1; d >= 0; d--) { // advance the outer counter; broadcast dims have stride 0
      if (++ctr[d] < shape[d]) { if (from[d] !== 1) so += fs[d]; break; }
      if (from[d] !== 1) so -= fs[d] * (shape[d] - 1);
      ctr[d] = 0;
    }
  }
}

export const broadcastPrim = definePrimitive<readonly number[]>({
  name: 'broadcast_in_dim',
  abstractEval: ([x], shape) => ({ shape, dtype: x.dtype }),
  impl([x], shape, out) {
    if (sameShape(x.shape, shape)) return new Tensor(x._data, shape);
    const r = allocFor(out.dtype, sizeOf(shape));
    broadcastInto(x._data, x.shape, r, shape);
    return new Tensor(r, shape);
  },
  vjp: (g, [x]) => [sumToShape(g, x.shape)],
});

export const reshapePrim = definePrimitive<readonly number[]>({
  name: 'reshape',
  abstractEval([x], shape) {
    if (sizeOf(shape) !== sizeOf(x.shape)) {
      throw new RangeError(`reshape: cannot reshape an array of shape [${x.shape.join(', ')}] (size ${sizeOf(x.shape)}) into shape [${shape.join(', ')}]`);
    }
    return { shape, dtype: x.dtype };
  },
  impl: ([x], shape) => new Tensor(x._data, shape),
  vjp: (g, [x]) => [shp.reshape(g, x.shape)],
});

export const transposePrim = definePrimitive<readonly number[]>({
  name: 'transpose',
  abstractEval: ([x], perm) => ({ shape: perm.map((p) => x.shape[p]), dtype: x.dtype }),
  impl([x], perm, out) {
    const n = x.size, r = allocFor(out.dtype, n), src = x._data;
    const nd = perm.length;
    if (nd >= 2 && perm[nd - 2] === nd - 1 && perm[nd - 1] === nd - 2 && perm.slice(0, -2).every((p, i) => p === i)) {
      const rows = x.shape[nd - 2], cols = x.shape[nd - 1], mat = rows * cols; // batched matrix transpose
      for (let b = 0; b < n; b += mat) {
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) r[b + j * rows + i] = src[b + i * cols + j];
      }
      return new Tensor(r, out.shape);
    }
    const inStrides = stridesOf(x.shape);
    gatherStrided(src, r, out.shape, 0, perm.map((p) => inStrides[p]));
    return new Tensor(r, out.shape);
  },
  vjp(g, _in, _out, perm) {
    const inv = new Array<number>(perm.length);
    perm.forEach((p, i) => { inv[p] = i; });
    return [shp.transpose(g, inv)];
  },
});

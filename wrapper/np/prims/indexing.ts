/**
 * Primitives that select, place, join or accumulate elements: concatenate, slice, pad
 * (lax.pad with interior padding), rev, take (one-axis gather), scatter_add (its
 * transpose) and cumsum. Apart from cumsum's additions they only move elements, so they
 * run as JS loops over the typed arrays (like ./structural.ts).
 *
 * VJPs, written with differentiable ops so that higher derivatives work:
 * concatenate -> slices; slice -> pad with zeros (interior padding for strides);
 * pad -> strided slice; rev -> rev; take -> scatter_add into zeros; scatter_add ->
 * (identity, take); cumsum -> reverse cumsum. Integer index inputs get no gradient.
 */
import type { DType, TypedArray } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { allocFor, describe } from '../dtypes.js';
import { asTensor, isFloat, promoteTypes } from '../asarray.js';
import { defaultFloat } from '../../config.js';
import { gatherStrided, normalizeAxes, sizeOf, stridesOf } from '../shape.js';
import { bind, definePrimitive, type Aval, type Primitive } from '../primitive.js';
import { zeros } from '../ops/creation.js';

const fmt = (s: readonly number[]): string => `[${s.join(', ')}]`;

// ---------------------------------------------------------------- helpers shared by ops

/** One axis (a number, negative counting from the end) normalized against `ndim`. */
export function axisArg(axis: unknown, ndim: number, what: string): number {
  if (typeof axis !== 'number') throw new TypeError(`${what}: axis must be an integer; got ${describe(axis)}`);
  return normalizeAxes(axis, ndim, what)[0];
}

/**
 * Integer indices as a tensor: int32/uint32 tensors pass through; numbers, nested arrays
 * and typed arrays must hold integers (JS numbers carry no int/float distinction, so
 * integral values are accepted and become int32). Float or bool tensors are an error,
 * as in JAX.
 */
export function indexTensor(x: unknown, what: string, arg = 'indices'): Tensor {
  if (x instanceof Tensor) {
    if (x.dtype === 'int32' || x.dtype === 'uint32') return x;
    throw new TypeError(`${what}: ${arg} must have an integer dtype (int32 or uint32); got a ${x.dtype} tensor of shape ${fmt(x.shape)}`);
  }
  const probe = asTensor(x, undefined, `${what}: ${arg}`);
  if (probe.dtype === 'int32' || probe.dtype === 'uint32') return probe;
  if (probe.dtype === 'bool') throw new TypeError(`${what}: ${arg} must be integers; got booleans (boolean masks are not supported)`);
  const t = asTensor(x, 'float64', `${what}: ${arg}`);
  const d = t._data, r = new Int32Array(d.length);
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) {
      throw new TypeError(`${what}: ${arg} must be integers (int32 range); found ${v} at flat position ${i}`);
    }
    r[i] = v;
  }
  return new Tensor(r, t.shape);
}

/**
 * The dtype all of `ts` promote to (pairwise JAX-like promotion, see promoteTypes): strong
 * (non-weak) dtypes first, then JS numbers join the result as weak scalars.
 */
export function resultType(ts: readonly Tensor[]): DType {
  const strong = ts.filter((t) => !t._weak);
  if (strong.length === 0) return defaultFloat();
  let rep = strong[0];
  for (let i = 1; i < strong.length; i++) {
    const dt = promoteTypes(rep, strong[i]);
    if (dt !== rep.dtype) rep = dt === strong[i].dtype ? strong[i] : Tensor._make(dt, []);
  }
  for (const w of ts) {
    if (!w._weak) continue;
    const dt = promoteTypes(w, rep);
    if (dt !== rep.dtype) rep = Tensor._make(dt, []);
  }
  return rep.dtype;
}

/** How an out-of-bounds index is treated (see `take`). */
export type IndexMode = 'fill' | 'clip' | 'wrap';

/** Resolves indices against an axis of size `n`: -1 marks an index to fill/drop. */
function resolveIndices(idx: TypedArray, n: number, mode: IndexMode): Int32Array {
  const r = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    let j = idx[k];
    if (mode === 'fill') {
      if (j < 0) j += n;
      r[k] = j < 0 || j >= n ? -1 : j;
    } else if (mode === 'clip') {
      r[k] = j < 0 ? 0 : j >= n ? n - 1 : j;
    } else {
      r[k] = ((j % n) + n) % n;
    }
  }
  return r;
}

// ----------------------------------------------------------------------- concatenate

export interface ConcatParams { readonly axis: number }

export const concatenatePrim: Primitive<ConcatParams> = definePrimitive<ConcatParams>({
  name: 'concatenate',
  abstractEval(xs, { axis }) {
    const first = xs[0];
    const shape = first.shape.slice();
    for (let i = 1; i < xs.length; i++) {
      const s = xs[i].shape;
      if (xs[i].dtype !== first.dtype || s.length !== shape.length || s.some((d, k) => k !== axis && d !== first.shape[k])) {
        throw new Error(`internal: concatenate needs one dtype and shapes equal off axis ${axis}; got ${first.dtype}${fmt(first.shape)} and ${xs[i].dtype}${fmt(s)}`);
      }
      shape[axis] += s[axis];
    }
    return { shape, dtype: first.dtype };
  },
  impl(xs, { axis }, out) {
    const r = allocFor(out.dtype, sizeOf(out.shape));
    const outer = sizeOf(out.shape.slice(0, axis)), row = sizeOf(out.shape.slice(axis));
    let col = 0;
    for (const x of xs) {
      const w = sizeOf(x.shape.slice(axis)), src = x._data;
      if (w > 0) for (let o = 0; o < outer; o++) r.set(src.subarray(o * w, (o + 1) * w), o * row + col);
      col += w;
    }
    return new Tensor(r, out.shape);
  },
  vjp(g, xs, _out, { axis }) {
    if (!isFloat(g.dtype)) return xs.map(() => null);
    let at = 0;
    return xs.map((x) => {
      const starts = g.shape.map((_, d) => (d === axis ? at : 0));
      const limits = g.shape.map((n, d) => (d === axis ? at + x.shape[axis] : n));
      at += x.shape[axis];
      return bind(slicePrim, [g], { starts, limits, strides: g.shape.map(() => 1) });
    });
  },
});

// ----------------------------------------------------------------------------- slice

export interface SliceParams { readonly starts: readonly number[]; readonly limits: readonly number[]; readonly strides: readonly number[] }

export const slicePrim: Primitive<SliceParams> = definePrimitive<SliceParams>({
  name: 'slice',
  abstractEval([x], { starts, limits, strides }) {
    const shape = x.shape.map((n, d) => {
      if (!(starts[d] >= 0 && starts[d] <= limits[d] && limits[d] <= n && strides[d] >= 1)) {
        throw new Error(`internal: bad slice of ${fmt(x.shape)}: starts ${fmt(starts)} limits ${fmt(limits)} strides ${fmt(strides)}`);
      }
      return Math.ceil((limits[d] - starts[d]) / strides[d]);
    });
    return { shape, dtype: x.dtype };
  },
  impl([x], { starts, strides }, out) {
    const dims = out.shape, nd = dims.length, n = sizeOf(dims);
    const r = allocFor(out.dtype, n), src = x._data;
    if (n === 0) return new Tensor(r, dims);
    const st = stridesOf(x.shape);
    const step = st.map((s, d) => s * strides[d]);
    let off = 0;
    for (let d = 0; d < nd; d++) off += starts[d] * st[d];
    gatherStrided(src, r, dims, off, step);
    return new Tensor(r, dims);
  },
  vjp(g, [x], _out, { starts, strides }) {
    if (!isFloat(g.dtype)) return [null];
    const low = starts.slice();
    const high = x.shape.map((n, d) => (g.shape[d] === 0 ? n - starts[d] : n - (starts[d] + (g.shape[d] - 1) * strides[d] + 1)));
    return [bind(padPrim, [g], { low, high, interior: strides.map((s) => s - 1), value: 0 })];
  },
});

// ------------------------------------------------------------------------------- pad

export interface PadParams {
  readonly low: readonly number[];
  readonly high: readonly number[];
  /** Elements inserted between neighbours (lax.pad's interior padding). */
  readonly interior: readonly number[];
  /** The constant written in the padding (cast to the dtype; not differentiable). */
  readonly value: number;
}

export const padPrim: Primitive<PadParams> = definePrimitive<PadParams>({
  name: 'pad',
  abstractEval([x], { low, high, interior }) {
    const shape = x.shape.map((n, d) => {
      if (!(low[d] >= 0 && high[d] >= 0 && interior[d] >= 0)) throw new Error(`internal: negative padding of ${fmt(x.shape)}`);
      return low[d] + high[d] + (n === 0 ? 0 : n + (n - 1) * interior[d]);
    });
    return { shape, dtype: x.dtype };
  },
  impl([x], { low, interior, value }, out) {
    const r = allocFor(out.dtype, sizeOf(out.shape));
    if (value !== 0) r.fill(out.dtype === 'bool' ? Number(value !== 0) : value);
    const dims = x.shape, nd = dims.length, n = x.size, src = x._data;
    if (n === 0) return new Tensor(r, out.shape);
    const ost = stridesOf(out.shape);
    const step = ost.map((s, d) => s * (interior[d] + 1));
    let off = 0;
    for (let d = 0; d < nd; d++) off += low[d] * ost[d];
    const ctr = new Array<number>(nd).fill(0);
    for (let k = 0; k < n; k++) {
      r[off] = src[k];
      for (let d = nd - 1; d >= 0; d--) {
        off += step[d];
        if (++ctr[d] < dims[d]) break;
        off -= step[d] * dims[d];
        ctr[d] = 0;
      }
    }
    return new Tensor(r, out.shape);
  },
  vjp(g, [x], _out, { low, interior }) {
    if (!isFloat(g.dtype)) return [null];
    const strides = interior.map((i) => i + 1);
    const limits = x.shape.map((n, d) => (n === 0 ? low[d] : low[d] + (n - 1) * strides[d] + 1));
    return [bind(slicePrim, [g], { starts: low.slice(), limits, strides })];
  },
});

// ------------------------------------------------------------------------------- rev

export interface RevParams { readonly axes: readonly number[] }

export const revPrim: Primitive<RevParams> = definePrimitive<RevParams>({
  name: 'rev',
  abstractEval: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  impl([x], { axes }, out) {
    const dims = x.shape, n = x.size, src = x._data;
    const r = allocFor(out.dtype, n);
    if (n === 0) return new Tensor(r, dims);
    const st = stridesOf(dims);
    const step = st.map((s, d) => (axes.includes(d) ? -s : s));
    let off = 0;
    for (const d of axes) off += (dims[d] - 1) * st[d];
    gatherStrided(src, r, dims, off, step);
    return new Tensor(r, dims);
  },
  vjp: (g, _x, _out, params) => [isFloat(g.dtype) ? bind(revPrim, [g], params) : null],
});

// ----------------------------------------------------------------- take / scatter_add

export interface TakeParams {
  readonly axis: number;
  readonly mode: IndexMode;
  /** Written where a 'fill'-mode index is out of bounds. */
  readonly fillValue: number;
}

function takeShape(a: readonly number[], idx: readonly number[], axis: number): number[] {
  return [...a.slice(0, axis), ...idx, ...a.slice(axis + 1)];
}

function checkIndexAval(idx: Aval, what: string): void {
  if (idx.dtype !== 'int32' && idx.dtype !== 'uint32') throw new TypeError(`${what}: indices must have an integer dtype; got ${idx.dtype}`);
}

export const takePrim: Primitive<TakeParams> = definePrimitive<TakeParams>({
  name: 'take',
  abstractEval([a, idx], { axis }) {
    checkIndexAval(idx, 'take');
    if (a.shape[axis] === 0 && sizeOf(idx.shape) !== 0) {
      throw new RangeError(`take: cannot take a non-empty selection (indices of shape ${fmt(idx.shape)}) from axis ${axis} of size 0 (array of shape ${fmt(a.shape)})`);
    }
    return { shape: takeShape(a.shape, idx.shape, axis), dtype: a.dtype };
  },
  impl([a, idx], { axis, mode, fillValue }, out) {
    const n = a.shape[axis], outer = sizeOf(a.shape.slice(0, axis)), inner = sizeOf(a.shape.slice(axis + 1));
    const K = idx.size, pos = resolveIndices(idx._data, n, mode), src = a._data;
    const r = allocFor(out.dtype, sizeOf(out.shape));
    const fillV = out.dtype === 'bool' ? Number(fillValue !== 0) : fillValue;
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < K; k++) {
        const dst = (o * K + k) * inner, j = pos[k];
        if (j < 0) { if (fillV !== 0) r.fill(fillV, dst, dst + inner); continue; }
        const s = (o * n + j) * inner;
        for (let t = 0; t < inner; t++) r[dst + t] = src[s + t];
      }
    }
    return new Tensor(r, out.shape);
  },
  vjp(g, [a, idx], _out, { axis, mode }) {
    if (!isFloat(g.dtype)) return [null, null];
    return [bind(scatterAddPrim, [zeros(a.shape, a.dtype), idx, g], { axis, mode }), null];
  },
});

export interface ScatterParams { readonly axis: number; readonly mode: IndexMode }

/**
 * `operand` with `updates` added at `indices` along `axis` (duplicates accumulate;
 * 'fill' mode drops out-of-bounds indices, 'clip' clamps them, 'wrap' wraps them).
 * `updates` has the shape `take(operand, indices, axis)` would have.
 */
export const scatterAddPrim: Primitive<ScatterParams> = definePrimitive<ScatterParams>({
  name: 'scatter_add',
  abstractEval([a, idx, u], { axis }) {
    checkIndexAval(idx, 'scatterAdd');
    const want = takeShape(a.shape, idx.shape, axis);
    if (u.shape.length !== want.length || u.shape.some((d, i) => d !== want[i])) {
      throw new RangeError(`scatterAdd: updates must have shape ${fmt(want)} (operand ${fmt(a.shape)} with indices ${fmt(idx.shape)} on axis ${axis}); got ${fmt(u.shape)}`);
    }
    if (u.dtype !== a.dtype) throw new Error(`internal: scatter_add needs equal dtypes; got ${a.dtype} and ${u.dtype}`);
    if (a.shape[axis] === 0 && sizeOf(idx.shape) !== 0) {
      throw new RangeError(`scatterAdd: cannot scatter a non-empty selection (indices of shape ${fmt(idx.shape)}) into axis ${axis} of size 0 (operand of shape ${fmt(a.shape)})`);
    }
    return { shape: a.shape, dtype: a.dtype };
  },
  impl([a, idx, u], { axis, mode }, out) {
    const n = a.shape[axis], outer = sizeOf(a.shape.slice(0, axis)), inner = sizeOf(a.shape.slice(axis + 1));
    const K = idx.size, pos = resolveIndices(idx._data, n, mode), src = u._data;
    const r = a._data.slice();
    const isBool = out.dtype === 'bool';
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < K; k++) {
        const j = pos[k];
        if (j < 0) continue;
        const s = (o * K + k) * inner, dst = (o * n + j) * inner;
        if (isBool) for (let t = 0; t < inner; t++) r[dst + t] = r[dst + t] || src[s + t] ? 1 : 0;
        else for (let t = 0; t < inner; t++) r[dst + t] += src[s + t];
      }
    }
    return new Tensor(r, out.shape);
  },
  vjp(g, [_a, idx], _out, { axis, mode }) {
    if (!isFloat(g.dtype)) return [null, null, null];
    // dropped (out-of-bounds) updates get a zero cotangent, hence fillValue 0
    return [g, null, bind(takePrim, [g, idx], { axis, mode, fillValue: 0 })];
  },
});

// ---------------------------------------------------------------------------- cumsum

export interface CumsumParams { readonly axis: number; readonly reverse: boolean }

/**
 * Inclusive cumulative sum along one axis. Floats accumulate in float64 and each output
 * is rounded once to the dtype; int32/uint32 wrap modulo 2^32 as in XLA.
 */
export const cumsumPrim: Primitive<CumsumParams> = definePrimitive<CumsumParams>({
  name: 'cumsum',
  abstractEval([x]) {
    if (x.dtype === 'bool') throw new Error('internal: cumsum of bool (cast to int32 first)');
    return { shape: x.shape, dtype: x.dtype };
  },
  impl([x], { axis, reverse }, out) {
    const dims = x.shape, n = dims[axis], outer = sizeOf(dims.slice(0, axis)), inner = sizeOf(dims.slice(axis + 1));
    const src = x._data, r = allocFor(out.dtype, x.size);
    const dt: DType = out.dtype;
    for (let o = 0; o < outer; o++) {
      for (let t = 0; t < inner; t++) {
        const base = o * n * inner + t;
        let acc = 0;
        for (let s = 0; s < n; s++) {
          const p = base + (reverse ? n - 1 - s : s) * inner;
          acc = dt === 'int32' ? (acc + src[p]) | 0 : dt === 'uint32' ? (acc + src[p]) >>> 0 : acc + src[p];
          r[p] = acc;
        }
      }
    }
    return new Tensor(r, dims);
  },
  vjp: (g, _x, _out, { axis, reverse }) => [isFloat(g.dtype) ? bind(cumsumPrim, [g], { axis, reverse: !reverse }) : null],
});

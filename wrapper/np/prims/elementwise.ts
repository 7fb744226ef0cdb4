/**
 * Elementwise primitives on equal shapes and dtypes (broadcasting and type promotion
 * happen in ../ops/elementwise.ts). Kernels: assembly/kernels/elementwise.ts.
 */
import type { DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { definePrimitive, sameShape, type Aval, type Primitive } from '../primitive.js';
import { withCore, stage, collect, reserve, view } from '../kernel_io.js';
import { itemSize } from '../dtypes.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import type { Core } from '../../runtime/core.js';
import { broadcastInto } from './structural.js';
import { sumToShape } from '../ops/shape_internal.js';
import { intBinary, intUnary } from './int_math.js';
import * as ops from '../ops/elementwise.js';

/** Opcodes of assembly/kernels/elementwise.ts (Bin / Un enums). */
export const Bin = { add: 0, sub: 1, mul: 2, div: 3, max: 4, min: 5, pow: 6, atan2: 7 } as const;
export const Un = {
  neg: 0, abs: 1, sqrt: 2, exp: 3, log: 4, log1p: 5, expm1: 6, sin: 7, cos: 8, tanh: 9,
  sigmoid: 10, softplus: 11, sign: 12, rsqrt: 13, floor: 14, ceil: 15, round: 16, tan: 17,
  asin: 18, acos: 19, atan: 20, sinh: 21, cosh: 22, logSigmoid: 23, reciprocal: 24, square: 25,
} as const;
export type UnaryName = keyof typeof Un;
export type BinaryName = keyof typeof Bin;

function floatOnly(name: string, dtype: DType): void {
  if (dtype !== 'float32' && dtype !== 'float64') throw new TypeError(`${name} needs float32 or float64 inputs; got ${dtype}`);
}

/** Ops also defined on int32/uint32 (computed with wrapping integer arithmetic). */
export const INT_UNARY = ['neg', 'abs', 'sign', 'square'] as const;
export const INT_BINARY = ['add', 'sub', 'mul', 'max', 'min'] as const;

type UnaryVjp = (g: Tensor, x: Tensor, out: Tensor) => Tensor;

const UNARY_VJP: Partial<Record<UnaryName, UnaryVjp>> = {
  neg: (g) => ops.negative(g),
  abs: (g, x) => ops.multiply(g, ops.sign(x)),
  sqrt: (g, _x, y) => ops.divide(g, ops.multiply(y, 2)),
  exp: (g, _x, y) => ops.multiply(g, y),
  log: (g, x) => ops.divide(g, x),
  log1p: (g, x) => ops.divide(g, ops.add(x, 1)),
  expm1: (g, _x, y) => ops.multiply(g, ops.add(y, 1)),
  sin: (g, x) => ops.multiply(g, ops.cos(x)),
  cos: (g, x) => ops.negative(ops.multiply(g, ops.sin(x))),
  tan: (g, _x, y) => ops.multiply(g, ops.add(ops.square(y), 1)),
  tanh: (g, _x, y) => ops.multiply(g, ops.subtract(1, ops.square(y))),
  sigmoid: (g, _x, y) => ops.multiply(g, ops.multiply(y, ops.subtract(1, y))),
  softplus: (g, x) => ops.multiply(g, ops.sigmoid(x)),
  logSigmoid: (g, x) => ops.multiply(g, ops.sigmoid(ops.negative(x))),
  rsqrt: (g, x, y) => ops.multiply(g, ops.multiply(-0.5, ops.divide(y, x))),
  square: (g, x) => ops.multiply(g, ops.multiply(x, 2)),
  reciprocal: (g, _x, y) => ops.negative(ops.multiply(g, ops.square(y))),
  asin: (g, x) => ops.multiply(g, ops.rsqrt(ops.subtract(1, ops.square(x)))),
  acos: (g, x) => ops.negative(ops.multiply(g, ops.rsqrt(ops.subtract(1, ops.square(x))))),
  atan: (g, x) => ops.divide(g, ops.add(ops.square(x), 1)),
  sinh: (g, x) => ops.multiply(g, ops.cosh(x)),
  cosh: (g, x) => ops.multiply(g, ops.sinh(x)),
  // sign, floor, ceil, round: piecewise constant, gradient zero (no vjp: outputs are constants)
};

const unaryCache = new Map<UnaryName, Primitive>();

/** The primitive for a unary float op. */
export function unaryPrim(name: UnaryName): Primitive {
  let p = unaryCache.get(name);
  if (p) return p;
  const rule = UNARY_VJP[name];
  p = definePrimitive({
    name,
    abstractEval([x]: readonly Aval[]) {
      if (!(INT_UNARY as readonly string[]).includes(name) || x.dtype === 'bool') floatOnly(name, x.dtype);
      return { shape: x.shape, dtype: x.dtype };
    },
    impl([x], _p, out) {
      if (out.dtype === 'int32' || out.dtype === 'uint32') return intUnary(name, x);
      return withCore((c) => {
        const px = stage(c, x);
        (out.dtype === 'float32' ? c.ex.unaryF32 : c.ex.unaryF64)(Un[name], px, px, x.size);
        return collect(c, out.dtype, out.shape, px);
      });
    },
    vjp: rule ? (g, [x], out) => [rule(g, x, out)] : undefined,
  });
  unaryCache.set(name, p);
  return p;
}

type BinaryVjp = (g: Tensor, a: Tensor, b: Tensor, out: Tensor, needs: readonly boolean[]) => [Tensor | null, Tensor | null];

/** Half the cotangent at ties, like JAX's balanced max/min gradient. */
function balanced(g: Tensor, a: Tensor, b: Tensor, pick: 'max' | 'min'): [Tensor, Tensor] {
  const wins = pick === 'max' ? ops.greater(a, b) : ops.less(a, b);
  const tie = ops.equal(a, b);
  const wa = ops.add(ops.astype(wins, g.dtype), ops.multiply(ops.astype(tie, g.dtype), 0.5));
  return [ops.multiply(g, wa), ops.multiply(g, ops.subtract(1, wa))];
}

const BINARY_VJP: Record<BinaryName, BinaryVjp> = {
  add: (g) => [g, g],
  sub: (g) => [g, ops.negative(g)],
  mul: (g, a, b, _y, n) => [n[0] ? ops.multiply(g, b) : null, n[1] ? ops.multiply(g, a) : null],
  div: (g, _a, b, y, n) => [n[0] ? ops.divide(g, b) : null, n[1] ? ops.negative(ops.divide(ops.multiply(g, y), b)) : null],
  max: (g, a, b) => balanced(g, a, b, 'max'),
  min: (g, a, b) => balanced(g, a, b, 'min'),
  pow: (g, a, b, y) => [
    ops.multiply(g, ops.multiply(b, ops.power(a, ops.subtract(b, 1)))),
    // d/db a^b = a^b log a, taken as 0 where a == 0 (as JAX does)
    ops.multiply(g, ops.where(ops.equal(a, 0), 0, ops.multiply(y, ops.log(ops.where(ops.equal(a, 0), 1, a))))),
  ],
  atan2: (g, a, b) => {
    const r = ops.add(ops.square(a), ops.square(b));
    return [ops.multiply(g, ops.divide(b, r)), ops.negative(ops.multiply(g, ops.divide(a, r)))];
  },
};

const binaryCache = new Map<BinaryName, Primitive>();

/**
 * Stages `t` into workspace memory broadcast to `shape` (a copy straight into the kernel's
 * input, so a broadcast operand is never materialized as a tensor of its own).
 */
function stageAs(c: Core, t: Tensor, shape: readonly number[]): number {
  if (sameShape(t.shape, shape)) return stage(c, t);
  const n = sizeOf(shape), p = c.ws.alloc(Math.max(1, n) * itemSize(t.dtype));
  if (n) broadcastInto(t._data, t.shape, view(c, t.dtype, p, n), shape);
  return p;
}

/**
 * The broadcast of `a` and `b` to `shape` as at most three dims with element strides per
 * operand (0 along broadcast dims): size-1 dims dropped, neighbours merged where both
 * operands are contiguous across them. `null` when more than three dims remain.
 */
function collapse3(shape: readonly number[], as: readonly number[], bs: readonly number[]): { d: number[]; sa: number[]; sb: number[] } | null {
  const nd = shape.length;
  const strides = (s: readonly number[]): number[] => {
    const r = new Array<number>(nd).fill(0);
    let acc = 1;
    for (let k = s.length - 1; k >= 0; k--) {
      if (s[k] !== 1) r[nd - s.length + k] = acc;
      acc *= s[k];
    }
    return r;
  };
  const fa = strides(as), fb = strides(bs);
  const d: number[] = [], sa: number[] = [], sb: number[] = [];
  for (let k = 0; k < nd; k++) {
    if (shape[k] === 1) continue;
    const m = d.length - 1;
    if (m >= 0 && sa[m] === fa[k] * shape[k] && sb[m] === fb[k] * shape[k]) {
      d[m] *= shape[k]; sa[m] = fa[k]; sb[m] = fb[k];
    } else { d.push(shape[k]); sa.push(fa[k]); sb.push(fb[k]); }
  }
  if (d.length > 3) return null;
  while (d.length < 3) { d.unshift(1); sa.unshift(0); sb.unshift(0); }
  return { d, sa, sb };
}

/**
 * The primitive for a binary op. Equal shapes and dtypes, or (float dtypes) operands that
 * broadcast against each other: the broadcast is done while staging the kernel's inputs
 * (the same values, so the same bits as a broadcast_in_dim first), and the VJP sums each
 * cotangent back to its operand's shape (what broadcast_in_dim's VJP did).
 */
export function binaryPrim(name: BinaryName): Primitive {
  let p = binaryCache.get(name);
  if (p) return p;
  const rule = BINARY_VJP[name];
  p = definePrimitive({
    name,
    abstractEval([a, b]: readonly Aval[]) {
      const same = sameShape(a.shape, b.shape);
      if (a.dtype !== b.dtype || (!same && (a.dtype !== 'float32' && a.dtype !== 'float64'))) {
        throw new Error(`internal: ${name} needs equal shapes and dtypes; got ${a.dtype}[${a.shape}] and ${b.dtype}[${b.shape}]`);
      }
      if (!(INT_BINARY as readonly string[]).includes(name) || a.dtype === 'bool') floatOnly(name, a.dtype);
      return { shape: same ? a.shape : broadcastShapes(a.shape, b.shape, `${name}: operands`), dtype: a.dtype };
    },
    impl([a, b], _p, out) {
      if (out.dtype === 'int32' || out.dtype === 'uint32') return intBinary(name, a, b);
      const same = sameShape(a.shape, out.shape) && sameShape(b.shape, out.shape);
      const col = same || sizeOf(out.shape) === 0 ? null : collapse3(out.shape, a.shape, b.shape);
      if (col) { // broadcast inside the kernel (strides), not materialized
        const { d, sa, sb } = col;
        return withCore((c) => {
          const pa = stage(c, a), pb = stage(c, b), po = reserve(c, out.dtype, out.shape);
          (out.dtype === 'float32' ? c.ex.binaryBroadcastF32 : c.ex.binaryBroadcastF64)(Bin[name], pa, pb, po, d[0], d[1], d[2], sa[0], sa[1], sa[2], sb[0], sb[1], sb[2]);
          return collect(c, out.dtype, out.shape, po);
        });
      }
      return withCore((c) => {
        const pa = stageAs(c, a, out.shape), pb = stageAs(c, b, out.shape);
        (out.dtype === 'float32' ? c.ex.binaryF32 : c.ex.binaryF64)(Bin[name], pa, pb, pa, sizeOf(out.shape));
        return collect(c, out.dtype, out.shape, pa);
      });
    },
    vjp: (g, [a, b], out, _p, needs) => {
      const [ga, gb] = rule(g, a, b, out, needs);
      return [ga && needs[0] ? sumToShape(ga, a.shape) : null, gb && needs[1] ? sumToShape(gb, b.shape) : null];
    },
  });
  binaryCache.set(name, p);
  return p;
}


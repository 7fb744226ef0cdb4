/**
 * Special-function primitives (jax.scipy.special) on equal shapes and one float dtype
 * (broadcasting and promotion happen in ../ops/special.ts). Kernels:
 * assembly/kernels/special.ts, numerics in assembly/special/*.ts (error budgets there).
 *
 * VJPs follow JAX/SciPy and are written with differentiable np ops, so higher derivatives
 * work, except through the parameter gradients of gammainc/gammaincc (∂/∂a) and betainc
 * (∂/∂a, ∂/∂b), which are kernels themselves (forward-mode derivatives of the series and
 * continued fractions): differentiating those once more with respect to a parameter throws
 * (their x-derivatives are exact). A cotangent is only computed for inputs that the trace
 * being differentiated actually depends on, so e.g. grad with respect to x never runs the
 * ∂/∂a kernel.
 */
import type { DType } from '../../types/dtype.js';
import { Tensor } from '../tensor.js';
import { definePrimitive, sameShape, type Aval, type Primitive } from '../primitive.js';
import { withCore, stage, collect } from '../kernel_io.js';
import { activeTraces, nodeIn } from '../../autodiff/trace.js';
import { asTensor } from '../asarray.js';
import * as ops from '../ops/elementwise.js';
import * as sp from '../ops/special.js';

/** Opcodes of assembly/kernels/special.ts (SpUn / SpBin / SpTer). */
export const SpUn = {
  lgamma: 0, digamma: 1, erf: 2, erfc: 3, erfinv: 4, ndtr: 5, ndtri: 6, logNdtr: 7, i0e: 8, i1e: 9, erfcx: 10,
} as const;
export const SpBin = { betaln: 0, gammainc: 1, gammaincc: 2, gammaincDa: 3, xlogy: 4, xlog1py: 5, polygamma: 6 } as const;
export const SpTer = { betainc: 0, betaincDa: 1, betaincDb: 2 } as const;
export type SpecialUnary = keyof typeof SpUn;
export type SpecialBinary = keyof typeof SpBin;
export type SpecialTernary = keyof typeof SpTer;

// Irrational constants enter as tensors of the operand's dtype: a bare JS number becomes a
// weak scalar stored in the default float (float32), which would round it before it meets
// a float64 operand.
const k = (c: number, like: Tensor): Tensor => asTensor(c, like.dtype);
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const SQRT_PI_OVER_2 = 0.886226925452758;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_2PI = 2.5066282746310007;
const SQRT_2_OVER_PI = 0.7978845608028654;
const RSQRT2 = 0.7071067811865476;

function checkAvals(name: string, avals: readonly Aval[]): Aval {
  const [first] = avals;
  for (const a of avals) {
    if (!sameShape(a.shape, first.shape) || a.dtype !== first.dtype) {
      throw new Error(`internal: ${name} needs equal shapes and dtypes; got ${avals.map((v) => `${v.dtype}[${v.shape}]`).join(', ')}`);
    }
  }
  if (first.dtype !== 'float32' && first.dtype !== 'float64') {
    throw new TypeError(`${name} needs float32 or float64 inputs; got ${first.dtype}`);
  }
  return { shape: first.shape, dtype: first.dtype };
}

/**
 * Whether input `t` of the node whose output is `out` is live in the trace now running
 * its backward pass (that trace is suspended, so its level is the number of active traces).
 */
function live(t: Tensor, out: Tensor): boolean {
  const node = out._nodes?.[activeTraces().length];
  return node ? nodeIn(t, node.trace) !== undefined : true;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented (the first derivative is; differentiate with respect to x instead, or wrap the parameter in stopGradient)`);
}

/** Runs an elementwise special kernel over equal-size staged inputs, writing into the first. */
function run(kind: 1 | 2 | 3, op: number, ins: readonly Tensor[], out: Aval): Tensor {
  return withCore((c) => {
    const ptrs = ins.map((t) => stage(c, t));
    const n = ins[0].size;
    const f32 = out.dtype === 'float32';
    if (kind === 1) (f32 ? c.ex.specialUnaryF32 : c.ex.specialUnaryF64)(op, ptrs[0], ptrs[0], n);
    else if (kind === 2) (f32 ? c.ex.specialBinaryF32 : c.ex.specialBinaryF64)(op, ptrs[0], ptrs[1], ptrs[0], n);
    else (f32 ? c.ex.specialTernaryF32 : c.ex.specialTernaryF64)(op, ptrs[0], ptrs[1], ptrs[2], ptrs[0], n);
    return collect(c, out.dtype as DType, out.shape, ptrs[0]);
  });
}

// ----------------------------------------------------------------------------- unary

type UnaryVjp = (g: Tensor, x: Tensor, y: Tensor) => Tensor;
const UNARY_VJP: Record<SpecialUnary, UnaryVjp> = {
  lgamma: (g, x) => ops.multiply(g, sp.digamma(x)),
  digamma: (g, x) => ops.multiply(g, sp.polygamma(1, x)),
  erf: (g, x) => ops.multiply(g, ops.multiply(k(TWO_OVER_SQRT_PI, x), ops.exp(ops.negative(ops.square(x))))),
  erfc: (g, x) => ops.multiply(g, ops.multiply(k(-TWO_OVER_SQRT_PI, x), ops.exp(ops.negative(ops.square(x))))),
  erfinv: (g, _x, y) => ops.multiply(g, ops.multiply(k(SQRT_PI_OVER_2, y), ops.exp(ops.square(y)))),
  ndtr: (g, x) => ops.multiply(g, ops.multiply(k(INV_SQRT_2PI, x), ops.exp(ops.multiply(-0.5, ops.square(x))))),
  ndtri: (g, _x, y) => ops.multiply(g, ops.multiply(k(SQRT_2PI, y), ops.exp(ops.multiply(0.5, ops.square(y))))),
  // φ(x)/Φ(x) = sqrt(2/π) / erfcx(-x/√2): finite and accurate for every x
  logNdtr: (g, x) => ops.multiply(g, ops.divide(k(SQRT_2_OVER_PI, x), sp.erfcx(ops.multiply(x, k(-RSQRT2, x))))),
  erfcx: (g, x, y) => ops.multiply(g, ops.subtract(ops.multiply(ops.multiply(x, 2), y), k(TWO_OVER_SQRT_PI, x))),
  i0e: (g, x, y) => ops.multiply(g, ops.subtract(sp.i1e(x), ops.multiply(ops.sign(x), y))),
  // i1e' = i0e - i1e (sign x + 1/x), with limit 1/2 at 0 (x made safe so 1/x never divides by 0)
  i1e: (g, x, y) => {
    const zero = ops.equal(x, 0);
    const xs = ops.where(zero, 1, x);
    const d = ops.subtract(sp.i0e(xs), ops.multiply(y, ops.add(ops.sign(xs), ops.reciprocal(xs))));
    return ops.multiply(g, ops.where(zero, 0.5, d));
  },
};

const unaryCache = new Map<SpecialUnary, Primitive>();

/** The primitive for a unary special function. */
export function specialUnaryPrim(name: SpecialUnary): Primitive {
  let p = unaryCache.get(name);
  if (p) return p;
  const rule = UNARY_VJP[name];
  p = definePrimitive({
    name,
    abstractEval: (avals: readonly Aval[]) => checkAvals(name, avals),
    impl: (ins, _p, out) => run(1, SpUn[name], ins, out),
    vjp: (g, [x], y) => [rule(g, x, y)],
  });
  unaryCache.set(name, p);
  return p;
}

// ----------------------------------------------------------------------------- binary

/** x^(a-1) e^-x / Γ(a): ∂P(a, x)/∂x (JAX's form). */
function gammaDensity(a: Tensor, x: Tensor): Tensor {
  return ops.exp(ops.subtract(ops.subtract(sp.xlogy(ops.subtract(a, 1), x), x), sp.lgamma(a)));
}

type BinaryVjp = (g: Tensor, a: Tensor, b: Tensor, y: Tensor) => [Tensor | null, Tensor | null];
const BINARY_VJP: Record<SpecialBinary, BinaryVjp> = {
  betaln: (g, a, b, y) => {
    const pab = sp.digamma(ops.add(a, b));
    return [
      live(a, y) ? ops.multiply(g, ops.subtract(sp.digamma(a), pab)) : null,
      live(b, y) ? ops.multiply(g, ops.subtract(sp.digamma(b), pab)) : null,
    ];
  },
  gammainc: (g, a, x, y) => [
    live(a, y) ? ops.multiply(g, sp.specialBinary('gammaincDa', a, x)) : null,
    live(x, y) ? ops.multiply(g, gammaDensity(a, x)) : null,
  ],
  gammaincc: (g, a, x, y) => [
    live(a, y) ? ops.negative(ops.multiply(g, sp.specialBinary('gammaincDa', a, x))) : null,
    live(x, y) ? ops.negative(ops.multiply(g, gammaDensity(a, x))) : null,
  ],
  gammaincDa: (g, a, x, y) => {
    if (live(a, y)) notImplemented('the second derivative of gammainc/gammaincc with respect to a');
    // ∂/∂x ∂P/∂a = ∂/∂a (x^(a-1) e^-x / Γ(a)) = density (log x - ψ(a))
    return [null, ops.multiply(g, ops.multiply(gammaDensity(a, x), ops.subtract(ops.log(x), sp.digamma(a))))];
  },
  // JAX's xlogy/xlog1py JVPs: x' log y + y' x / y (no special case at x == 0)
  xlogy: (g, x, y) => [ops.multiply(g, ops.log(y)), ops.multiply(g, ops.divide(x, y))],
  xlog1py: (g, x, y) => [ops.multiply(g, ops.log1p(y)), ops.multiply(g, ops.divide(x, ops.add(y, 1)))],
  polygamma: (g, n, x) => [null, ops.multiply(g, sp.polygamma(ops.add(n, 1), x))],
};

const binaryCache = new Map<SpecialBinary, Primitive>();

/** The primitive for a binary special function on equal shapes. */
export function specialBinaryPrim(name: SpecialBinary): Primitive {
  let p = binaryCache.get(name);
  if (p) return p;
  const rule = BINARY_VJP[name];
  p = definePrimitive({
    name,
    abstractEval: (avals: readonly Aval[]) => checkAvals(name, avals),
    impl: (ins, _p, out) => run(2, SpBin[name], ins, out),
    vjp: (g, [a, b], y) => rule(g, a, b, y),
  });
  binaryCache.set(name, p);
  return p;
}

// ----------------------------------------------------------------------------- ternary

/** x^(a-1) (1-x)^(b-1) / B(a, b): ∂I_x(a, b)/∂x. */
function betaDensity(a: Tensor, b: Tensor, x: Tensor): Tensor {
  return ops.exp(ops.subtract(ops.add(sp.xlogy(ops.subtract(a, 1), x), sp.xlog1py(ops.subtract(b, 1), ops.negative(x))), sp.betaln(a, b)));
}

type TernaryVjp = (g: Tensor, a: Tensor, b: Tensor, x: Tensor, y: Tensor) => [Tensor | null, Tensor | null, Tensor | null];
const TERNARY_VJP: Record<SpecialTernary, TernaryVjp> = {
  betainc: (g, a, b, x, y) => [
    live(a, y) ? ops.multiply(g, sp.specialTernary('betaincDa', a, b, x)) : null,
    live(b, y) ? ops.multiply(g, sp.specialTernary('betaincDb', a, b, x)) : null,
    live(x, y) ? ops.multiply(g, betaDensity(a, b, x)) : null,
  ],
  betaincDa: (g, a, b, x, y) => {
    if (live(a, y) || live(b, y)) notImplemented('the second derivative of betainc with respect to a or b');
    const d = ops.add(ops.subtract(ops.log(x), sp.digamma(a)), sp.digamma(ops.add(a, b)));
    return [null, null, ops.multiply(g, ops.multiply(betaDensity(a, b, x), d))];
  },
  betaincDb: (g, a, b, x, y) => {
    if (live(a, y) || live(b, y)) notImplemented('the second derivative of betainc with respect to a or b');
    const d = ops.add(ops.subtract(ops.log1p(ops.negative(x)), sp.digamma(b)), sp.digamma(ops.add(a, b)));
    return [null, null, ops.multiply(g, ops.multiply(betaDensity(a, b, x), d))];
  },
};

const ternaryCache = new Map<SpecialTernary, Primitive>();

/** The primitive for a ternary special function on equal shapes. */
export function specialTernaryPrim(name: SpecialTernary): Primitive {
  let p = ternaryCache.get(name);
  if (p) return p;
  const rule = TERNARY_VJP[name];
  p = definePrimitive({
    name,
    abstractEval: (avals: readonly Aval[]) => checkAvals(name, avals),
    impl: (ins, _p, out) => run(3, SpTer[name], ins, out),
    vjp: (g, [a, b, x], y) => rule(g, a, b, x, y),
  });
  ternaryCache.set(name, p);
  return p;
}

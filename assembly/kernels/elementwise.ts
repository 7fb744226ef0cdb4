/**
 * Elementwise kernels over equal-length arrays (broadcasting happens in TypeScript).
 *
 * Binary ops: add, sub, mul, div, max, min are single IEEE operations (correctly
 * rounded, NaN-propagating like JAX: max/min return NaN if either input is NaN); pow and
 * atan2 go through f64 (musl) and round once for float32 (<= 1 ulp).
 * Unary ops: float64 results are AssemblyScript's NativeMath (a musl port, < 1 ulp).
 * float32 exp and log run a float32 algorithm (Cephes expf/logf as a fixed sequence of
 * f32 operations without fused multiply-add: ../special/expf.ts, ../special/logf.ts),
 * the same operations in both builds (the SIMD build's f32x4 bodies ../simd/expf.ts,
 * ../simd/logf.ts do them lane for lane): error <= 1 ulp against the correctly rounded
 * result, measured on all normal and subnormal outputs of a dense sweep (subnormal
 * results of exp are rounded once from the f32 y * 2^k); tests-ts/elementwise-f32.test.ts.
 * The other float32 unary results are the f64 function rounded to f32: error <= 1 ulp,
 * usually correctly rounded. Specials follow C99/IEEE (exp(-inf) = 0, exp(+inf) = inf,
 * exp overflows to inf above ~88.72 and underflows to 0 below ~-103.97, log(+-0) = -inf,
 * log(<0) = NaN, log(inf) = inf, sqrt(<0) = NaN...); NaN inputs of float32 exp/log give
 * the input NaN quieted, log(<0) gives 0x7fc00000.
 * The SIMD build runs add/sub/mul/div/max/min/neg/abs/sqrt with f32x4/f64x2 lanes, and
 * float32 exp/log with f32x4 lanes; the rest are scalar loops in both builds, so the
 * builds agree bit for bit.
 * Provenance: musl libm (via AssemblyScript std), sigmoid/softplus/log_sigmoid stable
 * forms as in JAX (jax.nn).
 */
import { expf32 } from "../special/expf";
import { logf32 } from "../special/logf";
import { binarySimdF32, binarySimdF64, unarySimdF32, unarySimdF64 } from "../simd/elementwise";

export const enum Bin { Add = 0, Sub = 1, Mul = 2, Div = 3, Max = 4, Min = 5, Pow = 6, Atan2 = 7 }
export const enum Un {
  Neg = 0, Abs = 1, Sqrt = 2, Exp = 3, Log = 4, Log1p = 5, Expm1 = 6, Sin = 7, Cos = 8, Tanh = 9,
  Sigmoid = 10, Softplus = 11, Sign = 12, Rsqrt = 13, Floor = 14, Ceil = 15, Round = 16, Tan = 17,
  Asin = 18, Acos = 19, Atan = 20, Sinh = 21, Cosh = 22, LogSigmoid = 23, Reciprocal = 24, Square = 25,
}

// @ts-ignore: decorator
@inline function bin64(op: i32, x: f64, y: f64): f64 {
  switch (op) {
    case Bin.Add: return x + y;
    case Bin.Sub: return x - y;
    case Bin.Mul: return x * y;
    case Bin.Div: return x / y;
    case Bin.Max: return max(x, y); // wasm max: NaN-propagating, -0 < +0
    case Bin.Min: return min(x, y);
    case Bin.Pow: return Math.pow(x, y);
    default: return Math.atan2(x, y);
  }
}

/** Numerically stable softplus log(1 + e^x). */
// @ts-ignore: decorator
@inline function softplus(x: f64): f64 {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

// @ts-ignore: decorator
@inline export function un64(op: i32, x: f64): f64 {
  switch (op) {
    case Un.Neg: return -x;
    case Un.Abs: return abs(x);
    case Un.Sqrt: return Math.sqrt(x);
    case Un.Exp: return Math.exp(x);
    case Un.Log: return Math.log(x);
    case Un.Log1p: return Math.log1p(x);
    case Un.Expm1: return Math.expm1(x);
    case Un.Sin: return Math.sin(x);
    case Un.Cos: return Math.cos(x);
    case Un.Tanh: return Math.tanh(x);
    case Un.Sigmoid: return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    case Un.Softplus: return softplus(x);
    case Un.Sign: return x > 0 ? 1 : x < 0 ? -1 : x; // sign(+-0) = +-0, sign(NaN) = NaN
    case Un.Rsqrt: return 1 / Math.sqrt(x);
    case Un.Floor: return Math.floor(x);
    case Un.Ceil: return Math.ceil(x);
    case Un.Round: return nearest(x); // round half to even, like jnp.round
    case Un.Tan: return Math.tan(x);
    case Un.Asin: return Math.asin(x);
    case Un.Acos: return Math.acos(x);
    case Un.Atan: return Math.atan(x);
    case Un.Sinh: return Math.sinh(x);
    case Un.Cosh: return Math.cosh(x);
    case Un.LogSigmoid: return -softplus(-x);
    case Un.Reciprocal: return 1 / x;
    default: return x * x; // Square
  }
}

/** add/sub/mul/div (op <= Bin.Div) as single f32 operations. */
// @ts-ignore: decorator
@inline function basicF32(op: i32, x: f32, y: f32): f32 {
  return op == Bin.Add ? x + y : op == Bin.Sub ? x - y : op == Bin.Mul ? x * y : x / y;
}

/** One float32 element of binaryF32: single f32 operations for add/sub/mul/div, else in f64 rounded once. */
// @ts-ignore: decorator
@inline export function binElemF32(op: i32, x: f32, y: f32): f32 {
  return op <= Bin.Div ? basicF32(op, x, y) : <f32>bin64(op, x, y);
}

/** One float64 element of binaryF64. */
// @ts-ignore: decorator
@inline export function binElemF64(op: i32, x: f64, y: f64): f64 {
  return bin64(op, x, y);
}

export function binaryF32(op: i32, a: usize, b: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = binarySimdF32(op, a, b, out, n);
  // binElemF32's two cases as two loops (the op test hoisted out of the element loop)
  if (op <= Bin.Div) {
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, basicF32(op, load<f32>(a + o), load<f32>(b + o)));
    }
  } else {
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, <f32>bin64(op, load<f32>(a + o), load<f32>(b + o)));
    }
  }
}

export function binaryF64(op: i32, a: usize, b: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = binarySimdF64(op, a, b, out, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, binElemF64(op, load<f64>(a + o), load<f64>(b + o)));
  }
}

export function unaryF32(op: i32, a: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = unarySimdF32(op, a, out, n);
  if (op == Un.Exp) {
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, expf32(load<f32>(a + o)));
    }
  } else if (op == Un.Log) {
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, logf32(load<f32>(a + o)));
    }
  } else {
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, <f32>un64(op, load<f32>(a + o)));
    }
  }
}

export function unaryF64(op: i32, a: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = unarySimdF64(op, a, out, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, un64(op, load<f64>(a + o)));
  }
}

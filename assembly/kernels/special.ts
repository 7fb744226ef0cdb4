/**
 * Special-function kernels over equal-length arrays (broadcasting and type promotion happen
 * in TypeScript: wrapper/np/ops/special.ts). Each op is a float64 routine from
 * assembly/special/*.ts; the float32 kernels widen each element to f64, call it and round
 * the result once, so a float32 result is within 1 ulp of the correctly rounded value
 * wherever the f64 routine is accurate to ~1e-15 (asserted <= 1 ulp; on all ~2,700 float32
 * fixture points every result is the correctly rounded one). The per-function float64
 * budgets are in the doc comments of lgamma.ts, digamma.ts, erf.ts, ndtri.ts, igamma.ts,
 * ibeta.ts, bessel.ts and xlogy.ts, asserted by tests-ts/special-functions.test.ts.
 * Exception: float32 lgamma runs its own float32 kernel (../special/lgammaf.ts, f32x4 body
 * ../simd/lgammaf.ts; <= 4 ulp documented, 3 measured, x <= 0 still through the f64 routine).
 * Every other op is a plain scalar loop in both builds; all agree bit for bit between the
 * SIMD and scalar builds. NaN in -> NaN out (except xlogy/xlog1py with x == 0, which give 0 as in JAX).
 */
import { lgamma, betaln } from "../special/lgamma";
import { digamma, polygamma } from "../special/digamma";
import { erf, erfc, erfcx } from "../special/erf";
import { ndtr, ndtri, logNdtr, erfinv } from "../special/ndtri";
import { gammainc, gammaincc, gammaincDa } from "../special/igamma";
import { betainc, betaincDa, betaincDb } from "../special/ibeta";
import { i0e, i1e } from "../special/bessel";
import { xlogy, xlog1py } from "../special/xlogy";
import { lgammaf32 } from "../special/lgammaf";
import { lgammaSimdF32 } from "../simd/lgammaf";

export const enum SpUn {
  Lgamma = 0, Digamma = 1, Erf = 2, Erfc = 3, Erfinv = 4, Ndtr = 5, Ndtri = 6, LogNdtr = 7,
  I0e = 8, I1e = 9, Erfcx = 10,
}
export const enum SpBin {
  Betaln = 0, Gammainc = 1, Gammaincc = 2, GammaincDa = 3, Xlogy = 4, Xlog1py = 5, Polygamma = 6,
}
export const enum SpTer { Betainc = 0, BetaincDa = 1, BetaincDb = 2 }

// @ts-ignore: decorator
@inline function un(op: i32, x: f64): f64 {
  switch (op) {
    case SpUn.Lgamma: return lgamma(x);
    case SpUn.Digamma: return digamma(x);
    case SpUn.Erf: return erf(x);
    case SpUn.Erfc: return erfc(x);
    case SpUn.Erfinv: return erfinv(x);
    case SpUn.Ndtr: return ndtr(x);
    case SpUn.Ndtri: return ndtri(x);
    case SpUn.LogNdtr: return logNdtr(x);
    case SpUn.I0e: return i0e(x);
    case SpUn.I1e: return i1e(x);
    case SpUn.Erfcx: return erfcx(x);
    default: return NaN;
  }
}

// @ts-ignore: decorator
@inline function bin(op: i32, a: f64, b: f64): f64 {
  switch (op) {
    case SpBin.Betaln: return betaln(a, b);
    case SpBin.Gammainc: return gammainc(a, b);
    case SpBin.Gammaincc: return gammaincc(a, b);
    case SpBin.GammaincDa: return gammaincDa(a, b);
    case SpBin.Xlogy: return xlogy(a, b);
    case SpBin.Xlog1py: return xlog1py(a, b);
    case SpBin.Polygamma: return polygamma(a, b);
    default: return NaN;
  }
}

// @ts-ignore: decorator
@inline function ter(op: i32, a: f64, b: f64, x: f64): f64 {
  switch (op) {
    case SpTer.Betainc: return betainc(a, b, x);
    case SpTer.BetaincDa: return betaincDa(a, b, x);
    case SpTer.BetaincDb: return betaincDb(a, b, x);
    default: return NaN;
  }
}

export function specialUnaryF32(op: i32, a: usize, out: usize, n: u32): void {
  if (op == SpUn.Lgamma) {
    // float32 lgamma has its own f32 kernel (../special/lgammaf.ts, f32x4 body in
    // ../simd/lgammaf.ts): bit-identical between the builds, <= 3 ulp measured (doc there).
    let i: u32 = 0;
    if (ASC_FEATURE_SIMD) i = lgammaSimdF32(a, out, n);
    for (; i < n; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, lgammaf32(load<f32>(a + o)));
    }
    return;
  }
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, <f32>un(op, <f64>load<f32>(a + o)));
  }
}

export function specialUnaryF64(op: i32, a: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, un(op, load<f64>(a + o)));
  }
}

export function specialBinaryF32(op: i32, a: usize, b: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, <f32>bin(op, <f64>load<f32>(a + o), <f64>load<f32>(b + o)));
  }
}

export function specialBinaryF64(op: i32, a: usize, b: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, bin(op, load<f64>(a + o), load<f64>(b + o)));
  }
}

export function specialTernaryF32(op: i32, a: usize, b: usize, x: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, <f32>ter(op, <f64>load<f32>(a + o), <f64>load<f32>(b + o), <f64>load<f32>(x + o)));
  }
}

export function specialTernaryF64(op: i32, a: usize, b: usize, x: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, ter(op, load<f64>(a + o), load<f64>(b + o), load<f64>(x + o)));
  }
}

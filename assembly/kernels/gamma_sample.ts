/**
 * The rejection loop of `random.gamma` / `random.loggamma` (JAX's `_gamma_one`,
 * Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 2000),
 * element by element in the core, with JAX's key use (contract: ../../wrapper/random/gamma.ts):
 * per element key k: [cur, sub] = split(k); loop { [cur, xk, uk] = split(cur, 3);
 * do { [xk, s] = split(xk); x = normal(s); v = 1 + x c } while v <= 0;
 * X = x^2, V = v^3, U = uniform(uk) } while U >= 1 - 0.0331 X^2 and
 * log U >= X/2 + d (1 - V + log V). Writes V and `sub` (the boost key, used by the caller
 * for a < 1); d = a' - 1/3 and c = 1/3 / sqrt(d) come from the caller (rounded to the dtype).
 * Keys: classic (`classic` = 1: split = threefry(key, iota(2n)), a scalar draw = the first
 * word / 64-bit word) or partitionable layout, as ../random/threefry.ts.
 * float32: every operation rounded to f32 exactly where the TypeScript loop it replaces
 * rounded (XLA's log32, the normal32 / u01 draws), so results are bit-identical to it.
 * float64: the log is musl's (AssemblyScript's Math.log; the TypeScript loop used V8's):
 * both are within 1 ulp, so an accept/reject decision can differ only when log U lies
 * within an ulp of the bound (none seen in 10^6 draws, tests-ts/distributions-fused-2).
 * NaN/inf: the caller rejects a <= 0, NaN and inf; nothing else can produce them.
 * Scalar code in both builds (bit-identical).
 */
import { tfClassicU32, tfClassicU64, tfPartU32, tfPartPairs } from "../random/threefry";
import { normal32, normalF64 } from "../random/normal";
import { u01f32, u01f64 } from "../random/uniform";
import { log32 } from "../special/xla_log";

const W: usize = memory.data(64, 16); // split output words (<= 6)
const D: usize = memory.data(16, 16); // one scalar draw

// @ts-ignore: decorator
@inline function split(k0: u32, k1: u32, n: u32, classic: u32): void {
  if (classic) tfClassicU32(k0, k1, W, 2 * n);
  else tfPartPairs(k0, k1, W, n, 0, 0);
}
// @ts-ignore: decorator
@inline function w(i: u32): u32 { return load<u32>(W + (<usize>i << 2)); }

// @ts-ignore: decorator
@inline function word32(k0: u32, k1: u32, classic: u32): u32 {
  if (classic) tfClassicU32(k0, k1, D, 1);
  else tfPartU32(k0, k1, D, 1, 0);
  return load<u32>(D);
}
// @ts-ignore: decorator
@inline function word64(k0: u32, k1: u32, classic: u32): void {
  if (classic) tfClassicU64(k0, k1, D, 1);
  else tfPartPairs(k0, k1, D, 1, 0, 1);
}

// @ts-ignore: decorator
@inline function r<T>(x: f64): f64 { return sizeof<T>() == 4 ? <f64><f32>x : x; }

// @ts-ignore: decorator
@inline function run<T>(keys: usize, pd: usize, pc: usize, outV: usize, outSub: usize, n: u32, classic: u32): void {
  const squeeze = r<T>(0.0331);
  for (let i: u32 = 0; i < n; i++) {
    const o2 = <usize>i << 3;
    split(load<u32>(keys + o2), load<u32>(keys + o2 + 4), 2, classic);
    let c0 = w(0), c1 = w(1);
    store<u32>(outSub + o2, w(2)); store<u32>(outSub + o2 + 4, w(3));
    const d = load<f64>(pd + o2), cc = load<f64>(pc + o2);
    let V: f64 = 0;
    for (;;) {
      split(c0, c1, 3, classic);
      c0 = w(0); c1 = w(1);
      let x0 = w(2), x1 = w(3);
      const u0 = w(4), u1 = w(5);
      let x: f64 = 0, v: f64 = 0;
      do {
        split(x0, x1, 2, classic);
        x0 = w(0); x1 = w(1);
        if (sizeof<T>() == 4) {
          x = normal32(word32(w(2), w(3), classic));
        } else {
          word64(w(2), w(3), classic);
          normalF64(D, D, 1);
          x = load<f64>(D);
        }
        v = r<T>(1 + r<T>(x * cc));
      } while (v <= 0);
      let u: f64;
      if (sizeof<T>() == 4) u = u01f32(word32(u0, u1, classic));
      else { word64(u0, u1, classic); u = u01f64(D); }
      const X = r<T>(x * x);
      const Vi = r<T>(r<T>(v * v) * v);
      const again = u >= r<T>(1 - r<T>(squeeze * r<T>(X * X))) &&
        (sizeof<T>() == 4 ? log32(u) : Math.log(u)) >=
          r<T>(r<T>(X * 0.5) + r<T>(d * r<T>(r<T>(1 - Vi) + (sizeof<T>() == 4 ? log32(Vi) : Math.log(Vi)))));
      if (!again) { V = Vi; break; }
    }
    store<f64>(outV + o2, V);
  }
}

export function gammaMarsagliaF32(keys: usize, pd: usize, pc: usize, outV: usize, outSub: usize, n: u32, classic: u32): void {
  run<f32>(keys, pd, pc, outV, outSub, n, classic);
}
export function gammaMarsagliaF64(keys: usize, pd: usize, pc: usize, outV: usize, outSub: usize, n: u32, classic: u32): void {
  run<f64>(keys, pd, pc, outV, outSub, n, classic);
}

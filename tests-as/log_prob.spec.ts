/**
 * The fused log-prob kernels (assembly/kernels/{normal,gamma,student_t,beta,poisson}.ts):
 * closed-form values and partials, NaN for invalid parameters, and — on the SIMD build —
 * the vector bodies against the scalar per-element f32 formula, bit for bit, over 1003
 * elements (vector tails included). The np-op comparisons live in
 * tests-ts/distributions-fused.test.ts.
 */
import { normalLogProbF32, normalLogProbF64 } from "../assembly/kernels/normal";
import { gammaLogProbF32, gammaLogProbF64, gammaNegLogNorm } from "../assembly/kernels/gamma";
import { studentTLogProbF64 } from "../assembly/kernels/student_t";
import { betaLogProbF64 } from "../assembly/kernels/beta";
import { poissonLogProbF32, poissonLogProbF64 } from "../assembly/kernels/poisson";
import { logf32 } from "../assembly/special/logf";
import { simdBuild } from "../assembly/runtime";

@external("probasm_test", "expectSimd")
declare function expectSimd(): i32;

const X = memory.data(8192, 16);
const P1 = memory.data(64, 16);
const P2 = memory.data(64, 16);
const P3 = memory.data(64, 16);
const OUT = memory.data(8192, 16);
const D0 = memory.data(64, 16);
const D1 = memory.data(64, 16);
const D2 = memory.data(64, 16);
const D3 = memory.data(64, 16);
const N: u32 = 1003;

function fillX(lo: f32, step: f32): void {
  for (let i: u32 = 0; i < N; i++) store<f32>(X + (<usize>i << 2), lo + step * <f32>i);
}
function out32(i: u32): f32 { return load<f32>(OUT + (<usize>i << 2)); }

describe("fused log-prob kernels", () => {
  it("run in the build the runner asked for", () => {
    const want = expectSimd();
    if (want >= 0) expect<i32>(simdBuild()).toBe(want);
  });

  it("normalLogProbF32: every element equals the scalar f32 formula bit for bit", () => {
    fillX(-20, 0.0371);
    store<f32>(P1, 0.75); store<f32>(P2, 2.5);
    normalLogProbF32(X, 1, P1, 0, P2, 0, OUT, 0, 0, 0, N);
    const s: f32 = 2.5, l: f32 = 0.75;
    let bad: i32 = -1;
    for (let i: u32 = 0; i < N; i++) {
      const x = load<f32>(X + (<usize>i << 2));
      const t = x / s - l / s;
      const want = <f32>-0.5 * (t * t) - (logf32(s) + <f32>0.9189385332046727);
      if (reinterpret<u32>(out32(i)) != reinterpret<u32>(want)) { bad = <i32>i; break; }
    }
    expect<i32>(bad).toBe(-1);
  });

  it("gammaLogProbF32: every element equals the scalar f32 formula bit for bit", () => {
    fillX(0.001, 0.0371);
    store<f32>(P1, 2.5); store<f32>(P2, 0.75);
    gammaLogProbF32(X, 1, P1, 0, P2, 0, OUT, 0, 0, 0, N);
    const nl = <f32>gammaNegLogNorm(2.5, 0.75);
    let bad: i32 = -1;
    for (let i: u32 = 0; i < N; i++) {
      const x = load<f32>(X + (<usize>i << 2));
      const want = (<f32>1.5 * logf32(x) - <f32>0.75 * x) + nl;
      if (reinterpret<u32>(out32(i)) != reinterpret<u32>(want)) { bad = <i32>i; break; }
    }
    expect<i32>(bad).toBe(-1);
  });

  it("give the closed-form values and partials (float64)", () => {
    store<f64>(X, 2); store<f64>(P1, 0); store<f64>(P2, 1);
    normalLogProbF64(X, 0, P1, 0, P2, 0, OUT, D0, D1, D2, 1);
    expect<f64>(load<f64>(OUT)).toBe(-2 - 0.9189385332046727);
    expect<f64>(load<f64>(D0)).toBe(-2);
    expect<f64>(load<f64>(D1)).toBe(2);
    expect<f64>(load<f64>(D2)).toBe(3);
    store<f64>(X, 1); store<f64>(P1, 2); store<f64>(P2, 1);
    gammaLogProbF64(X, 0, P1, 0, P2, 0, OUT, D0, 0, D2, 1);
    expect<f64>(load<f64>(OUT)).toBe(-1);
    expect<f64>(load<f64>(D0)).toBe(0);
    expect<f64>(load<f64>(D2)).toBe(1);
    store<f64>(X, 0); store<f64>(P1, 1); store<f64>(P2, 0); store<f64>(P3, 1);
    studentTLogProbF64(X, 0, P1, 0, P2, 0, P3, 0, OUT, D0, 0, 0, 0, 1);
    expect<f64>(load<f64>(OUT)).toBeCloseTo(-Math.log(Math.PI), 14);
    expect<f64>(load<f64>(D0)).toBe(0);
    store<f64>(X, 0.5); store<f64>(P1, 2); store<f64>(P2, 2);
    betaLogProbF64(X, 0, P1, 0, P2, 0, OUT, D0, 0, 0, 1);
    expect<f64>(load<f64>(OUT)).toBeCloseTo(Math.log(1.5), 14);
    expect<f64>(load<f64>(D0)).toBe(0);
    store<f64>(X, 1); store<f64>(P1, Math.log(2));
    poissonLogProbF64(X, 0, P1, 0, OUT, 0, D1, 1);
    expect<f64>(load<f64>(OUT)).toBeCloseTo(Math.log(2) - 2, 14);
    expect<f64>(load<f64>(D1)).toBeCloseTo(-1, 14);
  });

  it("give NaN for invalid parameters and -inf for Poisson x < 0", () => {
    store<f64>(X, 1); store<f64>(P1, 0); store<f64>(P2, -1);
    normalLogProbF64(X, 0, P1, 0, P2, 0, OUT, 0, 0, 0, 1);
    expect<bool>(isNaN(load<f64>(OUT))).toBe(true);
    store<f64>(P1, -0.5); store<f64>(P2, 1);
    gammaLogProbF64(X, 0, P1, 0, P2, 0, OUT, 0, 0, 0, 1);
    expect<bool>(isNaN(load<f64>(OUT))).toBe(true);
    store<f64>(X, 0.5); store<f64>(P1, 0); store<f64>(P2, 2);
    betaLogProbF64(X, 0, P1, 0, P2, 0, OUT, 0, 0, 0, 1);
    expect<bool>(isNaN(load<f64>(OUT))).toBe(true);
    store<f64>(P1, 0); store<f64>(P2, 0); store<f64>(P3, 0);
    studentTLogProbF64(X, 0, P1, 0, P2, 0, P3, 0, OUT, 0, 0, 0, 0, 1);
    expect<bool>(isNaN(load<f64>(OUT))).toBe(true);
    store<f32>(X, -1); store<f32>(P1, 0);
    poissonLogProbF32(X, 0, P1, 0, OUT, 0, 0, 1);
    expect<f32>(out32(0)).toBe(-Infinity);
  });
});

/**
 * XLA's float32 log, log1p and erf_inv (assembly/special/xla_log.ts, erfinv.ts): values
 * against references within a few ulp, IEEE specials, and symmetry. Bit-exactness with
 * XLA itself is checked through JAX's published normals in normal.spec.ts.
 * Functions take and return f64 holding f32 values.
 */
import { log32, log1p32 } from "../assembly/special/xla_log";
import { erfinv32 } from "../assembly/special/erfinv";

/** [x (f32), erfinv(x) in float64 (scipy.special.erfinv)] */
const ERFINV_REF: StaticArray<f64> = [
  9.999999974752427e-07, 8.862269232154821e-07,
  0.10000000149011612, 0.08885599182530647,
  0.25, 0.2253120550121781,
  0.5, 0.4769362762044699,
  0.75, 0.8134198475976184,
  0.8999999761581421, 1.1630870719457722,
  0.949999988079071, 1.3859037522360773,
  0.9900000095367432, 1.821386600900278,
  -0.30000001192092896, -0.2724627261055238,
  -0.6000000238418579, -0.595116111558982,
  -0.949999988079071, -1.3859037522360773,
  0.0625, 0.05544594877278202,
];

/** Distance in float32 ulps between two f32 values (held in f64), through zero. */
function ulps32(a: f64, b: f64): i64 {
  const x = reinterpret<i32>(<f32>a), y = reinterpret<i32>(<f32>b);
  const ox: i64 = x < 0 ? -(<i64>(x & 0x7fffffff)) : <i64>x;
  const oy: i64 = y < 0 ? -(<i64>(y & 0x7fffffff)) : <i64>y;
  return abs<i64>(ox - oy);
}
/** Largest ulp error of log32 against Math.log over a geometric sweep of f32 [2^-126, 2^127). */
function log32SweepMaxUlps(steps: i32): i64 {
  let worst: i64 = 0;
  for (let k = 0; k < steps; k++) {
    const x: f64 = <f32>Math.pow(2, -126.0 + 253.0 * <f64>k / <f64>steps);
    const e = ulps32(log32(x), <f32>Math.log(x));
    if (e > worst) worst = e;
  }
  return worst;
}
/** Largest ulp error of log1p32 against Math.log1p on [-0.999, 9) and at 2^-k. */
function log1p32SweepMaxUlps(steps: i32): i64 {
  let worst: i64 = 0;
  for (let k = 0; k < steps; k++) {
    const x: f64 = <f32>(-0.999 + 10.0 * <f64>k / <f64>steps);
    const e = ulps32(log1p32(x), <f32>Math.log1p(x));
    if (e > worst) worst = e;
  }
  for (let k = 1; k < 60; k++) {
    const x: f64 = <f32>Math.pow(2, -<f64>k);
    const e = max(ulps32(log1p32(x), <f32>Math.log1p(x)), ulps32(log1p32(-x), <f32>Math.log1p(-x)));
    if (e > worst) worst = e;
  }
  return worst;
}

describe("log32: XLA:CPU's float32 log", () => {
  it("is within 2 ulp of Math.log over the whole normal f32 range", () => {
    expect<i64>(log32SweepMaxUlps(20000)).toBeLessThanOrEqual(2);
  });
  it("is exact at 1 and at powers of two up to an ulp", () => {
    expect<f64>(log32(1.0)).toBe(0.0);
    expect<i64>(ulps32(log32(2.0), <f32>Math.LN2)).toBeLessThanOrEqual(1);
    expect<i64>(ulps32(log32(1024.0), <f32>(10 * Math.LN2))).toBeLessThanOrEqual(1);
    expect<i64>(ulps32(log32(0.5), <f32>(-Math.LN2))).toBeLessThanOrEqual(1);
  });
  it("handles specials: log(0) = -inf, log(inf) = inf, log(x < 0) = log(NaN) = NaN", () => {
    expect<f64>(log32(0.0)).toBe(-Infinity);
    expect<f64>(log32(-0.0)).toBe(-Infinity);
    expect<f64>(log32(Infinity)).toBe(Infinity);
    expect<bool>(isNaN(log32(-1.0))).toBe(true);
    expect<bool>(isNaN(log32(NaN))).toBe(true);
  });
  it("treats subnormal inputs as 2^-126, as XLA does", () => {
    expect<f64>(log32(1.401298464324817e-45)).toBe(log32(1.1754943508222875e-38));
  });
});

describe("log1p32: XLA:CPU's float32 log1p", () => {
  it("is within 2 ulp of Math.log1p on [-0.999, 9) and for tiny |x|", () => {
    expect<i64>(log1p32SweepMaxUlps(20000)).toBeLessThanOrEqual(2);
  });
  it("handles specials: log1p(0) = 0 (sign kept), log1p(-1) = -inf, log1p(x < -1) = NaN", () => {
    expect<f64>(log1p32(0.0)).toBe(0.0);
    expect<f64>(1.0 / log1p32(-0.0)).toBe(-Infinity);
    expect<f64>(log1p32(-1.0)).toBe(-Infinity);
    expect<bool>(isNaN(log1p32(-2.0))).toBe(true);
    expect<f64>(log1p32(Infinity)).toBe(Infinity);
  });
});

describe("erfinv32: XLA's float32 erf_inv (Giles)", () => {
  it("is within 4 ulp of erfinv at spot values with |x| <= 0.99", () => {
    for (let i = 0; i < ERFINV_REF.length; i += 2) {
      expect<i64>(ulps32(erfinv32(ERFINV_REF[i]), <f32>ERFINV_REF[i + 1])).toBeLessThanOrEqual(4, "x = " + ERFINV_REF[i].toString());
    }
  });
  it("is odd: erfinv32(-x) == -erfinv32(x)", () => {
    for (let k = 0; k < 2000; k++) {
      const x: f64 = <f32>(<f64>k / 2000.0);
      expect<f64>(erfinv32(-x)).toBe(-erfinv32(x));
    }
  });
  it("is non-decreasing on (-1, 1)", () => {
    let prev = -Infinity;
    let ok = true;
    for (let k = -4999; k < 5000; k++) {
      const v = erfinv32(<f32>(<f64>k / 5000.0));
      if (!(v >= prev)) ok = false;
      prev = v;
    }
    expect<bool>(ok).toBe(true);
  });
  it("handles specials: erfinv(0) = 0, erfinv(+-1) = +-inf, |x| > 1 and NaN give NaN", () => {
    expect<f64>(erfinv32(0.0)).toBe(0.0);
    expect<f64>(erfinv32(1.0)).toBe(Infinity);
    expect<f64>(erfinv32(-1.0)).toBe(-Infinity);
    expect<bool>(isNaN(erfinv32(1.5))).toBe(true);
    expect<bool>(isNaN(erfinv32(NaN))).toBe(true);
  });
});

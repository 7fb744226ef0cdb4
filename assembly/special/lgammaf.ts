/**
 * Float32 lgamma (log |Gamma(x)|) for x > 0 as a fixed sequence of f32 operations (no fused
 * multiply-add), shared by the scalar loop and the f32x4 body (../simd/lgammaf.ts), which
 * performs the identical IEEE operations in the same order per lane, so the two builds agree
 * bit for bit. Everything that is not x > 0 (NaN, +-0, negatives, -inf) goes to the float64
 * kernel ./lgamma.ts per element, rounded once, in both builds (same per-element fallback,
 * so still bit-identical; the negative half-line is not vectorized).
 *
 * Regions (t is always computed exactly: Sterbenz or x minus a small integer):
 *   x >= 8:          Stirling  (x - 1/2)(log x - 1) + (log(2 pi)/2 - 1/2) + w(S0 + S1 w^2 + S2 w^4),
 *                    w = 1/x (overflows to +inf from x ~ 4.08e36 on, as it should; +inf -> +inf);
 *   0.75 <= x < 1.5: lgamma(1 + t) = t Q(t), t = x - 1 (relative accuracy at the zero x = 1);
 *   x < 0.75:        lgamma(x) = lgamma(2 + t) - log z with t = x, z = x (x + 1) for x < 0.5,
 *                    t = x - 1, z = x for 0.5 <= x < 0.75;
 *   1.5 <= x < 8:    shift down: tx = x, z = 1, while tx > 2.5 { tx -= 1; z *= tx },
 *                    lgamma(x) = lgamma(2 + t) + log z, t = tx - 2 in [-0.5, 0.5]
 *                    (relative accuracy at the zero x = 2).
 * lgamma(2 + t) = t P(t) and lgamma(1 + t) = t Q(t) with P, Q of degree 10 (Horner in f32),
 * least-squares fits of relative error on Chebyshev nodes, [-0.5, 0.5] and [-0.25, 0.5];
 * log is logf32 (./logf.ts). Error measured against the float32 rounding of the float64
 * lgamma over every 97th positive float32 bit pattern: <= 3 ulp (<= 2 ulp within 0.1 of the
 * zeros 1 and 2, where the error is also < 0.1 float32 eps absolute); see tests-ts/lgamma-f32.
 */
import { lgamma } from "./lgamma";
import { logf32 } from "./logf";

export const LGF_T: f32 = 8.0;
export const LGF_P0: f32 = -5.545639214687981e-05;
export const LGF_P1: f32 = 0.00011496915249153972;
export const LGF_P2: f32 = -0.00021920041763223708;
export const LGF_P3: f32 = 0.0005056767258793116;
export const LGF_P4: f32 = -0.0011934202630072832;
export const LGF_P5: f32 = 0.002890952629968524;
export const LGF_P6: f32 = -0.007385500706732273;
export const LGF_P7: f32 = 0.02058078907430172;
export const LGF_P8: f32 = -0.0673523023724556;
export const LGF_P9: f32 = 0.32246702909469604;
export const LGF_P10: f32 = 0.42278432846069336;
export const LGF_Q0: f32 = -0.03393315151333809;
export const LGF_Q1: f32 = 0.08705005049705505;
export const LGF_Q2: f32 = -0.11654414981603622;
export const LGF_Q3: f32 = 0.1284172236919403;
export const LGF_Q4: f32 = -0.14412295818328857;
export const LGF_Q5: f32 = 0.16940705478191376;
export const LGF_Q6: f32 = -0.20737169682979584;
export const LGF_Q7: f32 = 0.27058354020118713;
export const LGF_Q8: f32 = -0.4006858766078949;
export const LGF_Q9: f32 = 0.822467029094696;
export const LGF_Q10: f32 = -0.5772156715393066;
/** log(2 pi)/2 - 1/2 rounded to f32. */
export const LGF_LS: f32 = 0.418938547372818;
export const LGF_S0: f32 = 0.0833333358168602;
export const LGF_S1: f32 = -0.0027777778450399637;
export const LGF_S2: f32 = 0.0007936508045531809;

// @ts-ignore: decorator
@inline function polyP(t: f32): f32 {
  let p = LGF_P0 * t + LGF_P1;
  p = p * t + LGF_P2; p = p * t + LGF_P3; p = p * t + LGF_P4; p = p * t + LGF_P5;
  p = p * t + LGF_P6; p = p * t + LGF_P7; p = p * t + LGF_P8; p = p * t + LGF_P9;
  p = p * t + LGF_P10;
  return p * t;
}

// @ts-ignore: decorator
@inline function polyQ(t: f32): f32 {
  let p = LGF_Q0 * t + LGF_Q1;
  p = p * t + LGF_Q2; p = p * t + LGF_Q3; p = p * t + LGF_Q4; p = p * t + LGF_Q5;
  p = p * t + LGF_Q6; p = p * t + LGF_Q7; p = p * t + LGF_Q8; p = p * t + LGF_Q9;
  p = p * t + LGF_Q10;
  return p * t;
}

/** lgamma for float32 (the scalar twin of lgammaF32x4 plus the x <= 0 / NaN fallback). */
export function lgammaf32(x: f32): f32 {
  if (!(x > 0)) return <f32>lgamma(<f64>x);
  if (x >= LGF_T) {
    const l = logf32(x);
    const w = <f32>1.0 / x;
    const w2 = w * w;
    const ser = w * ((LGF_S2 * w2 + LGF_S1) * w2 + LGF_S0);
    return (x - <f32>0.5) * (l - <f32>1.0) + (LGF_LS + ser);
  }
  if (x < <f32>0.75) {
    let t = x, z = x * (x + <f32>1.0);
    if (!(x < <f32>0.5)) { t = x - <f32>1.0; z = x; }
    return polyP(t) - logf32(z);
  }
  // p + log(1) as the f32x4 body computes it (turns -0 at x = 1 into +0).
  if (x < <f32>1.5) return polyQ(x - <f32>1.0) + <f32>0.0;
  let tx = x, z: f32 = 1.0;
  while (tx > <f32>2.5) { tx = tx - <f32>1.0; z = z * tx; }
  return polyP(tx - <f32>2.0) + logf32(z);
}

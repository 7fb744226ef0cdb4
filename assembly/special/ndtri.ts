/**
 * Normal-distribution family, float64: ndtr (standard normal CDF), logNdtr (its log),
 * ndtri (its inverse), and the accurate inverse error function erfinv (with erfcinv for
 * arguments near ±1) that ndtri rests on.
 *
 * Contract (f64; float32 kernels round this result once):
 * - ndtr: NaN -> NaN, -inf -> 0, +inf -> 1. x/√2 is formed in double-double and the tail
 *   exponent from the exact square, so the relative error is <= 1e-15 down to the underflow
 *   at x ~ -38.5 (<= 4 ulp, measured max 3 ulp), not the usual O(x² ulp).
 * - logNdtr: -inf -> -inf, +inf -> -0 (as SciPy), -x²/2 overflows to -inf below -1.9e154.
 *   x < -0.71: -x²/2 + log(erfcx(-x/√2)/2); x > 0.71: log1p(-ndtr(-x)); between: log ndtr(x).
 *   <= 4 ulp for all x (measured max 3 ulp).
 * - erfinv: NaN or |x| > 1 -> NaN, ±1 -> ±inf, -0 -> -0. |x| <= 0.5: XLA's ErfInv64 (Giles'
 *   approximation, special/erfinv.ts) refined by one Newton step on erf; |x| > 0.5:
 *   erfcinv(1 - |x|) (1 - |x| exact). <= 4 ulp (measured max 2 ulp), also within 2^-53 of ±1.
 *   (The float32 erfinv kernel rounds this result; JAX's bit-exact float32 erf_inv is
 *   special/erfinv.ts erfinv32, used by random.normal, not by np.erfinv.)
 * - erfcinv(q), 0 < q <= 0.5: Newton iterations on log erfc(y) = -y² + log erfcx(y) = log q
 *   (from Giles' approximation, or the asymptotic y² ~ -log q - log(y√π) when q < 1e-15),
 *   converging quadratically; good to a few ulp down to the smallest subnormal q.
 * - ndtri: NaN or p outside [0, 1] -> NaN, 0 -> -inf, 1 -> +inf, 0.5 -> 0. p < 0.25:
 *   -√2 erfcinv(2p); p > 0.75: √2 erfcinv(2(1-p)) (exact 1-p); else √2 erfinv(2p-1) (exact
 *   2p-1). <= 4 ulp (measured max 2 ulp) for p from 5e-324 to 1 - 2^-53, relative to the
 *   result also next to p = 0.5.
 *
 * Provenance: the identities and the exact-argument tricks follow Cephes ndtr.c/ndtri.c and
 * Boost erf_inv; the implementation is our own.
 */
import { erf, erfcxPos, erfcDD, TWO_OVER_SQRT_PI } from "./erf";
import { erfinv64 } from "./erfinv";
import { twoProdErr } from "./lgamma";

// 1/√2 in two parts
// @ts-ignore: decorator
@lazy const RSQRT2_HI: f64 = 0.7071067811865476;
// @ts-ignore: decorator
@lazy const RSQRT2_LO: f64 = -4.833646656726463e-17;
// @ts-ignore: decorator
@lazy const SQRT2: f64 = 1.4142135623730951;
// @ts-ignore: decorator
@lazy const SQRT_PI: f64 = 1.772453850905516;

/** Φ(x). */
export function ndtr(x: f64): f64 {
  if (x != x) return x;
  const h = x * RSQRT2_HI;
  if (abs(h) < 0.5) return 0.5 + 0.5 * erf(h);
  const l = twoProdErr(x, RSQRT2_HI, h) + x * RSQRT2_LO; // x/√2 = h + l
  if (x < 0) return 0.5 * erfcDD(-h, -l);
  return 1 - 0.5 * erfcDD(h, l);
}

/** log Φ(x). */
export function logNdtr(x: f64): f64 {
  if (x != x) return x;
  const h = x * RSQRT2_HI;
  if (h < -0.5) {
    if (x == -Infinity) return x;
    // Φ(x) = e^{-x²/2} erfcx(-x/√2) / 2
    return -0.5 * (x * x) + Math.log(0.5 * erfcxPos(-h));
  }
  if (h > 0.5) {
    const l = twoProdErr(x, RSQRT2_HI, h) + x * RSQRT2_LO;
    return Math.log1p(-0.5 * erfcDD(h, l));
  }
  return Math.log(ndtr(x));
}

/** y >= 0 with erfc(y) = q, for 0 < q <= 0.5. */
export function erfcinvPos(q: f64): f64 {
  const lq = Math.log(q);
  let y: f64;
  if (q > 1e-15) {
    y = erfinv64(1 - q); // Giles' approximation: close to double precision already
  } else {
    const t = -lq;
    y = Math.sqrt(t);
    for (let i = 0; i < 3; i++) y = Math.sqrt(t - Math.log(y * SQRT_PI));
  }
  // Newton on g(y) = -y² + log erfcx(y) - log q; g'(y) = -2 / (√π erfcx(y))
  for (let i = 0; i < 8; i++) {
    const s = y * y;
    const e = twoProdErr(y, y, s);
    const ex = erfcxPos(y);
    const g = ((-s - lq) - e) + Math.log(ex);
    const dy = g * (0.5 * SQRT_PI) * ex;
    y += dy;
    if (abs(dy) < 1e-9 * y) break; // quadratic convergence: the step just taken is final
  }
  return y;
}

/** erfinv(x) to float64 accuracy. */
export function erfinv(x: f64): f64 {
  const ax = abs(x);
  if (ax <= 0.5) {
    if (ax == 0) return x;
    let y = erfinv64(x);
    // one Newton step on erf(y) - x
    const fp = TWO_OVER_SQRT_PI * Math.exp(-y * y);
    y -= (erf(y) - x) / fp;
    return y;
  }
  if (!(ax <= 1)) return NaN;
  if (ax == 1) return x * Infinity;
  const y = erfcinvPos(1 - ax);
  return x < 0 ? -y : y;
}

/** Φ^-1(p) (scipy.special.ndtri). */
export function ndtri(p: f64): f64 {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p == 0) return -Infinity;
  if (p == 1) return Infinity;
  if (p < 0.25) return -SQRT2 * erfcinvPos(2 * p);
  if (p > 0.75) return SQRT2 * erfcinvPos(2 * (1 - p));
  return SQRT2 * erfinv(2 * p - 1);
}


/**
 * Fused multivariate-normal log-density with a lower-triangular scale L (d x d, shared by
 * all points), one pass per point over linear memory.
 *
 * Math (TFP's MultivariateNormalLinearOperator with a lower-triangular operator):
 *   r = x - loc,  z = L^-1 r (forward substitution, only the lower triangle of L is read),
 *   lp = -0.5 sum z^2 - (d/2) log(2 pi) - sum_i log|L_ii|   (the log-det once per call).
 * Partials (output pointers 0: not wanted): with w = L^-T z (back substitution),
 *   d lp / dx = -w,  d lp / dloc = w   (written as w into `pw`),  and z into `pz`, from
 * which the caller forms d lp / dL = tril(w z^T) - diag(1/L_ii) (summed over points).
 * loc: one row (locStride 0) or one per point (locStride d).
 * NaN/inf: a zero on L's diagonal gives inf/NaN (z and the log-det are infinite: lp NaN or
 * -inf as the arithmetic says); NaN anywhere propagates. Negative diagonal entries are
 * allowed (log|L_ii|), as TFP.
 * Numerics: every point in f64 (float32 inputs widened), the result rounded once: float32
 * results within ~1 ulp of the exact value for well-conditioned L (the np-op path rounds
 * every step in float32 and differs by a few ulp * d); float64 backward-stable as any
 * forward substitution. Scalar code in both builds (bit-identical).
 * Provenance: TFP mvn_linear_operator.py; forward/back substitution (Golub & Van Loan 3.1).
 */

const HALF_LOG_TWO_PI: f64 = 0.91893853320467274178;

// @ts-ignore: decorator
@inline function run<T>(
  px: usize, ploc: usize, ls: u32, pL: usize, out: usize, pw: usize, pz: usize,
  n: u32, d: u32, scratch: usize,
): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  // L (lower triangle) and its diagonal widened to f64 in scratch: d*d + d f64
  const L = scratch, inv = scratch + (<usize>(d * d) << 3), z = inv + (<usize>d << 3), w = z + (<usize>d << 3);
  let logdet: f64 = 0;
  for (let r: u32 = 0; r < d; r++) {
    for (let c: u32 = 0; c <= r; c++) store<f64>(L + (<usize>(r * d + c) << 3), <f64>load<T>(pL + (<usize>(r * d + c) << sh)));
    const lii = <f64>load<T>(pL + (<usize>(r * d + r) << sh));
    store<f64>(inv + (<usize>r << 3), lii);
    logdet += Math.log(abs(lii));
  }
  const c0 = -(<f64>d) * HALF_LOG_TWO_PI - logdet;
  for (let p: u32 = 0; p < n; p++) {
    const xo = px + (<usize>(p * d) << sh), lo = ploc + (<usize>(ls ? p * d : <u32>0) << sh);
    let q: f64 = 0;
    for (let r: u32 = 0; r < d; r++) {
      let s = <f64>load<T>(xo + (<usize>r << sh)) - <f64>load<T>(lo + (<usize>r << sh));
      const row = L + (<usize>(r * d) << 3);
      for (let c: u32 = 0; c < r; c++) s -= load<f64>(row + (<usize>c << 3)) * load<f64>(z + (<usize>c << 3));
      const zr = s / load<f64>(inv + (<usize>r << 3));
      store<f64>(z + (<usize>r << 3), zr);
      q += zr * zr;
    }
    store<T>(out + (<usize>p << sh), <T>(c0 - 0.5 * q));
    if (pz) for (let r: u32 = 0; r < d; r++) store<T>(pz + (<usize>(p * d + r) << sh), <T>load<f64>(z + (<usize>r << 3)));
    if (pw) {
      for (let r: i32 = <i32>d - 1; r >= 0; r--) {
        let s = load<f64>(z + (<usize>r << 3));
        for (let c: u32 = <u32>r + 1; c < d; c++) s -= load<f64>(L + (<usize>(c * d + <u32>r) << 3)) * load<f64>(w + (<usize>c << 3));
        const wr = s / load<f64>(inv + (<usize>r << 3));
        store<f64>(w + (<usize>r << 3), wr);
      }
      for (let r: u32 = 0; r < d; r++) store<T>(pw + (<usize>(p * d + r) << sh), <T>load<f64>(w + (<usize>r << 3)));
    }
  }
}

/** scratch: (d*d + 3d) f64. */
export function mvnTrilLogProbF32(px: usize, ploc: usize, ls: u32, pL: usize, out: usize, pw: usize, pz: usize, n: u32, d: u32, scratch: usize): void {
  run<f32>(px, ploc, ls, pL, out, pw, pz, n, d, scratch);
}
export function mvnTrilLogProbF64(px: usize, ploc: usize, ls: u32, pL: usize, out: usize, pw: usize, pz: usize, n: u32, d: u32, scratch: usize): void {
  run<f64>(px, ploc, ls, pL, out, pw, pz, n, d, scratch);
}

/**
 * v128 body of the Cholesky kernel (contract in ../linalg/cholesky.ts): entries L[r][j] of
 * rows r = i0 .. i0+3 for all columns j < i0, two columns at a time. Each f64x2
 * accumulator holds the canonical partial sums (s0 = even k, s1 = odd k) of one (row,
 * column) dot product; the term k = j of column j+1 (even k, so s0) is added after L[r][j]
 * is stored, with the stored value, exactly as the scalar loop appends it. i0 is a
 * multiple of 4, so j is even. Entries are stored as TS (f64, or f32 widened on load).
 */
import { cholRow, cholA } from "../linalg/cholesky";

/** Two consecutive stored entries as an f64x2. */
// @ts-ignore: decorator
@inline function ld2<TS>(p: usize): v128 {
  return sizeof<TS>() == 4 ? f64x2.promote_low_f32x4(v128.load64_zero(p)) : v128.load(p);
}

/** Stores v as TS at p and returns the stored value as f64. */
// @ts-ignore: decorator
@inline function put<TS>(p: usize, v: f64): f64 {
  const t = <TS>v;
  store<TS>(p, t);
  return <f64>t;
}

export function cholBlockSimd<TS>(a: usize, f32in: bool, n: u32, i0: u32, base: usize, packed: bool,
  dp: usize, ds: usize): void {
  const sz = <usize>sizeof<TS>();
  const x0 = cholRow(base, i0, n, packed, sz), x1 = cholRow(base, i0 + 1, n, packed, sz);
  const x2 = cholRow(base, i0 + 2, n, packed, sz), x3 = cholRow(base, i0 + 3, n, packed, sz);
  for (let j: u32 = 0; j < i0; j += 2) {
    const y0 = cholRow(base, j, n, packed, sz), y1 = cholRow(base, j + 1, n, packed, sz);
    let c00 = f64x2.splat(0), c01 = c00, c10 = c00, c11 = c00;
    let c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (let o: usize = 0, e = <usize>j * sz; o < e; o += 2 * sz) {
      const v0 = ld2<TS>(y0 + o), v1 = ld2<TS>(y1 + o);
      let x = ld2<TS>(x0 + o);
      c00 = f64x2.add(c00, f64x2.mul(x, v0)); c01 = f64x2.add(c01, f64x2.mul(x, v1));
      x = ld2<TS>(x1 + o);
      c10 = f64x2.add(c10, f64x2.mul(x, v0)); c11 = f64x2.add(c11, f64x2.mul(x, v1));
      x = ld2<TS>(x2 + o);
      c20 = f64x2.add(c20, f64x2.mul(x, v0)); c21 = f64x2.add(c21, f64x2.mul(x, v1));
      x = ld2<TS>(x3 + o);
      c30 = f64x2.add(c30, f64x2.mul(x, v0)); c31 = f64x2.add(c31, f64x2.mul(x, v1));
    }
    const dj = <f64>load<TS>(dp + <usize>j * ds), dj1 = <f64>load<TS>(dp + <usize>(j + 1) * ds);
    const yj = <f64>load<TS>(y1 + <usize>j * sz); // L[j+1][j]
    const oj = <usize>j * sz;
    let l = put<TS>(x0 + oj, (cholA(a, i0, j, n, f32in) - (f64x2.extract_lane(c00, 0) + f64x2.extract_lane(c00, 1))) / dj);
    put<TS>(x0 + oj + sz, (cholA(a, i0, j + 1, n, f32in) - ((f64x2.extract_lane(c01, 0) + l * yj) + f64x2.extract_lane(c01, 1))) / dj1);
    l = put<TS>(x1 + oj, (cholA(a, i0 + 1, j, n, f32in) - (f64x2.extract_lane(c10, 0) + f64x2.extract_lane(c10, 1))) / dj);
    put<TS>(x1 + oj + sz, (cholA(a, i0 + 1, j + 1, n, f32in) - ((f64x2.extract_lane(c11, 0) + l * yj) + f64x2.extract_lane(c11, 1))) / dj1);
    l = put<TS>(x2 + oj, (cholA(a, i0 + 2, j, n, f32in) - (f64x2.extract_lane(c20, 0) + f64x2.extract_lane(c20, 1))) / dj);
    put<TS>(x2 + oj + sz, (cholA(a, i0 + 2, j + 1, n, f32in) - ((f64x2.extract_lane(c21, 0) + l * yj) + f64x2.extract_lane(c21, 1))) / dj1);
    l = put<TS>(x3 + oj, (cholA(a, i0 + 3, j, n, f32in) - (f64x2.extract_lane(c30, 0) + f64x2.extract_lane(c30, 1))) / dj);
    put<TS>(x3 + oj + sz, (cholA(a, i0 + 3, j + 1, n, f32in) - ((f64x2.extract_lane(c31, 0) + l * yj) + f64x2.extract_lane(c31, 1))) / dj1);
  }
}

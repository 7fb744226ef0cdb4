/**
 * Batched triangular solves, as jax.lax.linalg.triangular_solve /
 * jax.scipy.linalg.solve_triangular: L is [batch, n, n] (row-major; only the triangle named
 * by `lower` is read, and with unitDiagonal != 0 not even its diagonal), op(L) = L or Lᵀ
 * (transpose != 0).
 *   left != 0: op(L) X = B, B and X [batch, n, nrhs];
 *   left == 0: X op(L) = B, B and X [batch, nrhs, n] (solved as op(L)ᵀ Xᵀ = Bᵀ).
 * b may equal out (the solve is in place then); l must not overlap out.
 *
 * Order of operations (both builds): with the solve written as substitution on T = op(L)
 * (forward when T is lower, backward when upper), each solution entry is
 *   t = b_i; for k in the order the x_k were computed: t = t - T[i][k]·x_k;
 *   x_i = t / T[i][i]  (x_i = t when unitDiagonal)
 * i.e. a separate multiply and subtract per term, the accumulation order of a right-looking
 * LAPACK trsm. Rows are solved four at a time (sharing each x_k load; the block's own
 * triangle after the shared part, same per-entry order): the SIMD build with 4 (or 2)
 * right-hand sides per pair of f64x2 lanes, one lane per column, the scalar build with 2
 * (or 1) per set of locals, so the builds agree bit for bit. Error: backward stable,
 * (T + E) x = b with |E| <= n·u/(1 - n·u)·|T| per column (Higham, Thm 8.5); the forward
 * error grows with cond(T). A zero diagonal entry gives ±inf/NaN per IEEE (x/0), no error.
 * float64, left: in place in `out` (B copied there first). float32, and float64 right
 * solves: columns of B (rows for right solves) go through the static f64 block
 * LA_SCRATCH [n, 2048/n] in f64 (the f32 L and B widened exactly, each output rounded
 * once): the float32 error is that of the f64 solve plus 0.5 ulp32. For n > 2048 the
 * solve runs in place in `out` instead: exact f64 for float64; for float32 f64 arithmetic
 * per entry but f32-stored intermediate x_k (backward error a few ulp32, no n·ulp growth).
 */
import { LA_SCRATCH, LA_SCRATCH_F64 } from "./cholesky";
import { trsmRowSimd, trsmBlockSimd } from "../simd/triangular_solve";

/**
 * T[i][k] of the first k in computation order (k = 0 forward, n-1 backward); the next
 * ones follow at steps of tStep bytes. T = L (trans false) or Lᵀ.
 */
// @ts-ignore: decorator
@inline export function tStart(L: usize, n: u32, lz: usize, i: u32, fwd: bool, trans: bool): usize {
  const rowL = <usize>n * lz;
  return trans ? L + (fwd ? 0 : <usize>(n - 1) * rowL) + <usize>i * lz
    : L + <usize>i * rowL + (fwd ? 0 : <usize>(n - 1) * lz);
}

// @ts-ignore: decorator
@inline export function tStep(n: u32, lz: usize, fwd: bool, trans: bool): isize {
  const st = trans ? <isize>n * <isize>lz : <isize>lz;
  return fwd ? st : -st;
}

/**
 * Scalar twin of trsmBlockSimd: the 4 solution rows of steps s0 .. s0+3, two columns at a
 * time (8 locals), sharing each x_k load between the four rows. Same per-entry order as
 * the plain loop in solveCore (x_k of the block used as stored, i.e. rounded when TX is
 * f32). X has contiguous columns. Returns the columns done (w & ~1).
 */
function trsmBlock<TL, TX>(L: usize, n: u32, X: usize, xs: usize, w: u32, s0: u32,
  fwd: bool, trans: bool, unit: bool): u32 {
  const lz = <usize>sizeof<TL>(), xz = <usize>sizeof<TX>();
  const ls = tStep(n, lz, fwd, trans);
  const xstep: isize = fwd ? <isize>(xs * xz) : -<isize>(xs * xz);
  const xp0 = X + (fwd ? 0 : <usize>(n - 1) * xs * xz);
  const i0 = fwd ? s0 : n - 1 - s0, i1 = fwd ? s0 + 1 : n - 2 - s0;
  const i2 = fwd ? s0 + 2 : n - 3 - s0, i3 = fwd ? s0 + 3 : n - 4 - s0;
  const l0 = tStart(L, n, lz, i0, fwd, trans), l1 = tStart(L, n, lz, i1, fwd, trans);
  const l2 = tStart(L, n, lz, i2, fwd, trans), l3 = tStart(L, n, lz, i3, fwd, trans);
  const rowL = <usize>n * lz;
  const d0: f64 = unit ? 1 : <f64>load<TL>(L + <usize>i0 * (rowL + lz)), d1: f64 = unit ? 1 : <f64>load<TL>(L + <usize>i1 * (rowL + lz));
  const d2: f64 = unit ? 1 : <f64>load<TL>(L + <usize>i2 * (rowL + lz)), d3: f64 = unit ? 1 : <f64>load<TL>(L + <usize>i3 * (rowL + lz));
  const x0 = X + <usize>i0 * xs * xz, x1 = X + <usize>i1 * xs * xz, x2 = X + <usize>i2 * xs * xz, x3 = X + <usize>i3 * xs * xz;
  const w2 = w & ~1;
  for (let c: u32 = 0; c < w2; c += 2) {
    const xc = <usize>c * xz;
    let a0 = <f64>load<TX>(x0 + xc), b0 = <f64>load<TX>(x0 + xc + xz);
    let a1 = <f64>load<TX>(x1 + xc), b1 = <f64>load<TX>(x1 + xc + xz);
    let a2 = <f64>load<TX>(x2 + xc), b2 = <f64>load<TX>(x2 + xc + xz);
    let a3 = <f64>load<TX>(x3 + xc), b3 = <f64>load<TX>(x3 + xc + xz);
    let o: isize = 0, x = xp0 + xc;
    for (let t: u32 = 0; t < s0; t++) {
      const u = <f64>load<TX>(x), v = <f64>load<TX>(x + xz);
      let e = <f64>load<TL>(l0 + o); a0 = a0 - e * u; b0 = b0 - e * v;
      e = <f64>load<TL>(l1 + o); a1 = a1 - e * u; b1 = b1 - e * v;
      e = <f64>load<TL>(l2 + o); a2 = a2 - e * u; b2 = b2 - e * v;
      e = <f64>load<TL>(l3 + o); a3 = a3 - e * u; b3 = b3 - e * v;
      o += ls; x += xstep;
    }
    // triangle of the block: row q also subtracts the rows p < q just solved
    const u0 = <f64><TX>(unit ? a0 : a0 / d0), v0 = <f64><TX>(unit ? b0 : b0 / d0);
    store<TX>(x0 + xc, <TX>u0); store<TX>(x0 + xc + xz, <TX>v0);
    let e = <f64>load<TL>(l1 + o); a1 = a1 - e * u0; b1 = b1 - e * v0;
    const u1 = <f64><TX>(unit ? a1 : a1 / d1), v1 = <f64><TX>(unit ? b1 : b1 / d1);
    store<TX>(x1 + xc, <TX>u1); store<TX>(x1 + xc + xz, <TX>v1);
    e = <f64>load<TL>(l2 + o); a2 = a2 - e * u0; b2 = b2 - e * v0;
    e = <f64>load<TL>(l2 + o + ls); a2 = a2 - e * u1; b2 = b2 - e * v1;
    const u2 = <f64><TX>(unit ? a2 : a2 / d2), v2 = <f64><TX>(unit ? b2 : b2 / d2);
    store<TX>(x2 + xc, <TX>u2); store<TX>(x2 + xc + xz, <TX>v2);
    e = <f64>load<TL>(l3 + o); a3 = a3 - e * u0; b3 = b3 - e * v0;
    e = <f64>load<TL>(l3 + o + ls); a3 = a3 - e * u1; b3 = b3 - e * v1;
    e = <f64>load<TL>(l3 + o + 2 * ls); a3 = a3 - e * u2; b3 = b3 - e * v2;
    store<TX>(x3 + xc, <TX>(unit ? a3 : a3 / d3)); store<TX>(x3 + xc + xz, <TX>(unit ? b3 : b3 / d3));
  }
  return w2;
}

/** trsmBlock for the single column c (four independent chains sharing each x_k load). */
function trsmBlock1<TL, TX>(L: usize, n: u32, X: usize, xs: usize, c: u32, s0: u32,
  fwd: bool, trans: bool, unit: bool): void {
  const lz = <usize>sizeof<TL>(), xz = <usize>sizeof<TX>();
  const ls = tStep(n, lz, fwd, trans);
  const xstep: isize = fwd ? <isize>(xs * xz) : -<isize>(xs * xz);
  const xc = <usize>c * xz;
  const i0 = fwd ? s0 : n - 1 - s0, i1 = fwd ? s0 + 1 : n - 2 - s0;
  const i2 = fwd ? s0 + 2 : n - 3 - s0, i3 = fwd ? s0 + 3 : n - 4 - s0;
  const l0 = tStart(L, n, lz, i0, fwd, trans), l1 = tStart(L, n, lz, i1, fwd, trans);
  const l2 = tStart(L, n, lz, i2, fwd, trans), l3 = tStart(L, n, lz, i3, fwd, trans);
  const dg = <usize>n * lz + lz;
  const x0 = X + <usize>i0 * xs * xz + xc, x1 = X + <usize>i1 * xs * xz + xc;
  const x2 = X + <usize>i2 * xs * xz + xc, x3 = X + <usize>i3 * xs * xz + xc;
  let a0 = <f64>load<TX>(x0), a1 = <f64>load<TX>(x1), a2 = <f64>load<TX>(x2), a3 = <f64>load<TX>(x3);
  let o: isize = 0, x = X + (fwd ? 0 : <usize>(n - 1) * xs * xz) + xc;
  for (let t: u32 = 0; t < s0; t++) {
    const u = <f64>load<TX>(x);
    a0 = a0 - <f64>load<TL>(l0 + o) * u; a1 = a1 - <f64>load<TL>(l1 + o) * u;
    a2 = a2 - <f64>load<TL>(l2 + o) * u; a3 = a3 - <f64>load<TL>(l3 + o) * u;
    o += ls; x += xstep;
  }
  const u0 = <f64><TX>(unit ? a0 : a0 / <f64>load<TL>(L + <usize>i0 * dg));
  store<TX>(x0, <TX>u0);
  a1 = a1 - <f64>load<TL>(l1 + o) * u0;
  const u1 = <f64><TX>(unit ? a1 : a1 / <f64>load<TL>(L + <usize>i1 * dg));
  store<TX>(x1, <TX>u1);
  a2 = a2 - <f64>load<TL>(l2 + o) * u0; a2 = a2 - <f64>load<TL>(l2 + o + ls) * u1;
  const u2 = <f64><TX>(unit ? a2 : a2 / <f64>load<TL>(L + <usize>i2 * dg));
  store<TX>(x2, <TX>u2);
  a3 = a3 - <f64>load<TL>(l3 + o) * u0; a3 = a3 - <f64>load<TL>(l3 + o + ls) * u1; a3 = a3 - <f64>load<TL>(l3 + o + 2 * ls) * u2;
  store<TX>(x3, <TX>(unit ? a3 : a3 / <f64>load<TL>(L + <usize>i3 * dg)));
}

/**
 * In-place substitution on X (n rows, w columns; element (i, c) at X + (i·xs + c·cs)·size):
 * solves T X = X where T = L (trans false) or Lᵀ, fwd = T is lower triangular. Rows are
 * solved in blocks of four steps (see trsmBlock) where columns are contiguous (cs == 1).
 */
function solveCore<TL, TX>(L: usize, X: usize, n: u32, w: u32, xs: usize, cs: usize,
  fwd: bool, trans: bool, unit: bool): void {
  const lz = <usize>sizeof<TL>(), xz = <usize>sizeof<TX>();
  const rowL = <usize>n * lz;
  const ls = tStep(n, lz, fwd, trans);
  const xp0 = X + (fwd ? 0 : <usize>(n - 1) * xs * xz); // row k of X, k in computation order
  const xstep: isize = fwd ? <isize>(xs * xz) : -<isize>(xs * xz);
  for (let s0: u32 = 0; s0 < n; s0 += 4) {
    const rb = min<u32>(4, n - s0);
    let c0: u32 = 0; // columns [0, c0) of the block's rows done by a block kernel
    if (rb == 4 && cs == 1) {
      if (ASC_FEATURE_SIMD) {
        if (xz == 8) c0 = trsmBlockSimd(L, lz == 4, n, X, xs, w, s0, fwd, trans, unit);
      } else {
        c0 = trsmBlock<TL, TX>(L, n, X, xs, w, s0, fwd, trans, unit);
      }
      if (c0 + 1 == w) { trsmBlock1<TL, TX>(L, n, X, xs, c0, s0, fwd, trans, unit); c0 = w; }
    }
    for (let s = s0; s < s0 + rb; s++) {
      const i = fwd ? s : n - 1 - s;
      // T[i][k] for the k before i in computation order: lp + t·ls, t = 0 .. s-1
      const lp = tStart(L, n, lz, i, fwd, trans);
      const xi = X + <usize>i * xs * xz;
      const d: f64 = unit ? 1 : <f64>load<TL>(L + <usize>i * rowL + <usize>i * lz);
      let c = c0;
      if (ASC_FEATURE_SIMD) {
        if (xz == 8 && cs == 1 && c == 0) c = trsmRowSimd(lp, ls, lz == 4, xp0, xstep, xi, s, w, d, unit);
      }
      for (; c < w; c++) {
        const xc = <usize>c * cs * xz;
        let acc = <f64>load<TX>(xi + xc);
        let l = lp, x = xp0 + xc;
        for (let t: u32 = 0; t < s; t++) {
          acc = acc - <f64>load<TL>(l) * <f64>load<TX>(x);
          l += ls; x += xstep;
        }
        store<TX>(xi + xc, <TX>(unit ? acc : acc / d));
      }
    }
  }
}

function trsm<T>(l: usize, b: usize, out: usize, batch: u32, n: u32, nrhs: u32,
  lower: bool, transpose: bool, unit: bool, left: bool): void {
  if (n == 0 || nrhs == 0) return;
  const sz = <usize>sizeof<T>();
  const mL = <usize>n * <usize>n * sz, mB = <usize>n * <usize>nrhs * sz;
  // Left solves run op(L) directly; right solves run op(L)ᵀ on Xᵀ.
  const trans = left ? transpose : !transpose;
  const fwd = lower != trans;
  for (let t: u32 = 0; t < batch; t++) {
    const L = l + <usize>t * mL, B = b + <usize>t * mB, O = out + <usize>t * mB;
    if (sz == 8 && left) { // f64 left: in place in out, all columns at once
      if (B != O) memory.copy(O, B, mB);
      solveCore<f64, f64>(L, O, n, nrhs, <usize>nrhs, 1, fwd, trans, unit);
      continue;
    }
    if (n > LA_SCRATCH_F64) { // in place in out: f64 exact; f32 with f32-stored x_k
      if (B != O) memory.copy(O, B, mB);
      if (left) solveCore<T, T>(L, O, n, nrhs, <usize>nrhs, 1, fwd, trans, unit);
      else solveCore<T, T>(L, O, n, nrhs, 1, <usize>n, fwd, trans, unit);
      continue;
    }
    // Blocks of cb right-hand sides through the static f64 block [n, cb].
    let cb = min(nrhs, LA_SCRATCH_F64 / n);
    if (cb > 8 && cb < nrhs) cb &= ~7;
    for (let j0: u32 = 0; j0 < nrhs; j0 += cb) {
      const w = min(cb, nrhs - j0);
      for (let i: u32 = 0; i < n; i++) {
        const xr = LA_SCRATCH + ((<usize>i * <usize>w) << 3);
        for (let c: u32 = 0; c < w; c++) {
          const e = left ? <usize>i * <usize>nrhs + <usize>(j0 + c) : <usize>(j0 + c) * <usize>n + <usize>i;
          store<f64>(xr + (<usize>c << 3), <f64>load<T>(B + e * sz));
        }
      }
      solveCore<T, f64>(L, LA_SCRATCH, n, w, <usize>w, 1, fwd, trans, unit);
      for (let i: u32 = 0; i < n; i++) {
        const xr = LA_SCRATCH + ((<usize>i * <usize>w) << 3);
        for (let c: u32 = 0; c < w; c++) {
          const e = left ? <usize>i * <usize>nrhs + <usize>(j0 + c) : <usize>(j0 + c) * <usize>n + <usize>i;
          store<T>(O + e * sz, <T>load<f64>(xr + (<usize>c << 3)));
        }
      }
    }
  }
}

/**
 * Solves op(L) X = B (left != 0) or X op(L) = B (left == 0) for each of `batch` problems;
 * l: [batch, n, n], b and out: [batch, n, nrhs] (left) or [batch, nrhs, n] (right), float32.
 */
export function triangularSolveF32(l: usize, b: usize, out: usize, batch: u32, n: u32, nrhs: u32,
  lower: i32, transpose: i32, unitDiagonal: i32, left: i32): void {
  trsm<f32>(l, b, out, batch, n, nrhs, lower != 0, transpose != 0, unitDiagonal != 0, left != 0);
}

export function triangularSolveF64(l: usize, b: usize, out: usize, batch: u32, n: u32, nrhs: u32,
  lower: i32, transpose: i32, unitDiagonal: i32, left: i32): void {
  trsm<f64>(l, b, out, batch, n, nrhs, lower != 0, transpose != 0, unitDiagonal != 0, left != 0);
}

/**
 * v128 bodies of the triangular solves (contract in ../linalg/triangular_solve.ts), one
 * lane per right-hand-side column: acc = b; acc = acc - T[i][k]·x[k] over the computation
 * order; x = acc / d (acc when unit). Same operations as the scalar loops. X is f64 with
 * contiguous columns; T entries are f64 or f32 (lf32), widened exactly.
 */
import { tStart, tStep } from "../linalg/triangular_solve";

// @ts-ignore: decorator
@inline function tl(p: usize, lf32: bool): v128 {
  return lf32 ? f64x2.splat(<f64>load<f32>(p)) : v128.load64_splat(p);
}

/** One solution row (step s), columns c < w & ~1 in strips of 8 and 2; T[i][k] at lp + t·ls. */
export function trsmRowSimd(lp: usize, ls: isize, lf32: bool, xp0: usize, xstep: isize, xi: usize,
  s: u32, w: u32, d: f64, unit: bool): u32 {
  const w2 = w & ~1;
  const vd = f64x2.splat(d);
  let c: u32 = 0;
  for (; c + 8 <= w; c += 8) {
    const xc = <usize>c << 3;
    let a0 = v128.load(xi + xc), a1 = v128.load(xi + xc, 16), a2 = v128.load(xi + xc, 32), a3 = v128.load(xi + xc, 48);
    let l = lp, x = xp0 + xc;
    for (let t: u32 = 0; t < s; t++) {
      const v = tl(l, lf32);
      a0 = f64x2.sub(a0, f64x2.mul(v, v128.load(x)));
      a1 = f64x2.sub(a1, f64x2.mul(v, v128.load(x, 16)));
      a2 = f64x2.sub(a2, f64x2.mul(v, v128.load(x, 32)));
      a3 = f64x2.sub(a3, f64x2.mul(v, v128.load(x, 48)));
      l += ls; x += xstep;
    }
    if (!unit) { a0 = f64x2.div(a0, vd); a1 = f64x2.div(a1, vd); a2 = f64x2.div(a2, vd); a3 = f64x2.div(a3, vd); }
    v128.store(xi + xc, a0); v128.store(xi + xc, a1, 16); v128.store(xi + xc, a2, 32); v128.store(xi + xc, a3, 48);
  }
  for (; c < w2; c += 2) {
    const xc = <usize>c << 3;
    let a0 = v128.load(xi + xc);
    let l = lp, x = xp0 + xc;
    for (let t: u32 = 0; t < s; t++) {
      a0 = f64x2.sub(a0, f64x2.mul(tl(l, lf32), v128.load(x)));
      l += ls; x += xstep;
    }
    if (!unit) a0 = f64x2.div(a0, vd);
    v128.store(xi + xc, a0);
  }
  return w2;
}

/**
 * The four solution rows of steps s0 .. s0+3 (rows i0..i3), columns c < w & ~1: 4x4 tiles
 * (eight f64x2) sharing each x_k load between the rows, then one 4x2 strip; the block's
 * own triangle (row q subtracts the rows p < q just solved) after the shared part, in the
 * per-entry order of the scalar loop.
 */
export function trsmBlockSimd(L: usize, lf32: bool, n: u32, X: usize, xs: usize, w: u32, s0: u32,
  fwd: bool, trans: bool, unit: bool): u32 {
  const lz: usize = lf32 ? 4 : 8;
  const ls = tStep(n, lz, fwd, trans);
  const xr = xs << 3;
  const xstep: isize = fwd ? <isize>xr : -<isize>xr;
  const xp0 = X + (fwd ? 0 : <usize>(n - 1) * xr);
  const i0 = fwd ? s0 : n - 1 - s0, i1 = fwd ? s0 + 1 : n - 2 - s0;
  const i2 = fwd ? s0 + 2 : n - 3 - s0, i3 = fwd ? s0 + 3 : n - 4 - s0;
  const l0 = tStart(L, n, lz, i0, fwd, trans), l1 = tStart(L, n, lz, i1, fwd, trans);
  const l2 = tStart(L, n, lz, i2, fwd, trans), l3 = tStart(L, n, lz, i3, fwd, trans);
  const dstep = <usize>n * lz + lz;
  const d0 = f64x2.splat(unit ? 1 : lf32 ? <f64>load<f32>(L + <usize>i0 * dstep) : load<f64>(L + <usize>i0 * dstep));
  const d1 = f64x2.splat(unit ? 1 : lf32 ? <f64>load<f32>(L + <usize>i1 * dstep) : load<f64>(L + <usize>i1 * dstep));
  const d2 = f64x2.splat(unit ? 1 : lf32 ? <f64>load<f32>(L + <usize>i2 * dstep) : load<f64>(L + <usize>i2 * dstep));
  const d3 = f64x2.splat(unit ? 1 : lf32 ? <f64>load<f32>(L + <usize>i3 * dstep) : load<f64>(L + <usize>i3 * dstep));
  const x0 = X + <usize>i0 * xr, x1 = X + <usize>i1 * xr, x2 = X + <usize>i2 * xr, x3 = X + <usize>i3 * xr;
  const o3 = <isize>s0 * ls; // offset of T[i][k_{s0}] from T[i][k_0]
  let c: u32 = 0;
  for (; c + 4 <= w; c += 4) {
    const xc = <usize>c << 3;
    let a0 = v128.load(x0 + xc), b0 = v128.load(x0 + xc, 16);
    let a1 = v128.load(x1 + xc), b1 = v128.load(x1 + xc, 16);
    let a2 = v128.load(x2 + xc), b2 = v128.load(x2 + xc, 16);
    let a3 = v128.load(x3 + xc), b3 = v128.load(x3 + xc, 16);
    let o: isize = 0, x = xp0 + xc;
    for (let t: u32 = 0; t < s0; t++) {
      const u = v128.load(x), v = v128.load(x, 16);
      let e = tl(l0 + o, lf32); a0 = f64x2.sub(a0, f64x2.mul(e, u)); b0 = f64x2.sub(b0, f64x2.mul(e, v));
      e = tl(l1 + o, lf32); a1 = f64x2.sub(a1, f64x2.mul(e, u)); b1 = f64x2.sub(b1, f64x2.mul(e, v));
      e = tl(l2 + o, lf32); a2 = f64x2.sub(a2, f64x2.mul(e, u)); b2 = f64x2.sub(b2, f64x2.mul(e, v));
      e = tl(l3 + o, lf32); a3 = f64x2.sub(a3, f64x2.mul(e, u)); b3 = f64x2.sub(b3, f64x2.mul(e, v));
      o += ls; x += xstep;
    }
    if (!unit) { a0 = f64x2.div(a0, d0); b0 = f64x2.div(b0, d0); }
    v128.store(x0 + xc, a0); v128.store(x0 + xc, b0, 16);
    let e = tl(l1 + o3, lf32); a1 = f64x2.sub(a1, f64x2.mul(e, a0)); b1 = f64x2.sub(b1, f64x2.mul(e, b0));
    if (!unit) { a1 = f64x2.div(a1, d1); b1 = f64x2.div(b1, d1); }
    v128.store(x1 + xc, a1); v128.store(x1 + xc, b1, 16);
    e = tl(l2 + o3, lf32); a2 = f64x2.sub(a2, f64x2.mul(e, a0)); b2 = f64x2.sub(b2, f64x2.mul(e, b0));
    e = tl(l2 + o3 + ls, lf32); a2 = f64x2.sub(a2, f64x2.mul(e, a1)); b2 = f64x2.sub(b2, f64x2.mul(e, b1));
    if (!unit) { a2 = f64x2.div(a2, d2); b2 = f64x2.div(b2, d2); }
    v128.store(x2 + xc, a2); v128.store(x2 + xc, b2, 16);
    e = tl(l3 + o3, lf32); a3 = f64x2.sub(a3, f64x2.mul(e, a0)); b3 = f64x2.sub(b3, f64x2.mul(e, b0));
    e = tl(l3 + o3 + ls, lf32); a3 = f64x2.sub(a3, f64x2.mul(e, a1)); b3 = f64x2.sub(b3, f64x2.mul(e, b1));
    e = tl(l3 + o3 + 2 * ls, lf32); a3 = f64x2.sub(a3, f64x2.mul(e, a2)); b3 = f64x2.sub(b3, f64x2.mul(e, b2));
    if (!unit) { a3 = f64x2.div(a3, d3); b3 = f64x2.div(b3, d3); }
    v128.store(x3 + xc, a3); v128.store(x3 + xc, b3, 16);
  }
  if (c + 2 <= w) {
    const xc = <usize>c << 3;
    let a0 = v128.load(x0 + xc), a1 = v128.load(x1 + xc), a2 = v128.load(x2 + xc), a3 = v128.load(x3 + xc);
    let o: isize = 0, x = xp0 + xc;
    for (let t: u32 = 0; t < s0; t++) {
      const u = v128.load(x);
      a0 = f64x2.sub(a0, f64x2.mul(tl(l0 + o, lf32), u));
      a1 = f64x2.sub(a1, f64x2.mul(tl(l1 + o, lf32), u));
      a2 = f64x2.sub(a2, f64x2.mul(tl(l2 + o, lf32), u));
      a3 = f64x2.sub(a3, f64x2.mul(tl(l3 + o, lf32), u));
      o += ls; x += xstep;
    }
    if (!unit) a0 = f64x2.div(a0, d0);
    v128.store(x0 + xc, a0);
    a1 = f64x2.sub(a1, f64x2.mul(tl(l1 + o3, lf32), a0));
    if (!unit) a1 = f64x2.div(a1, d1);
    v128.store(x1 + xc, a1);
    a2 = f64x2.sub(a2, f64x2.mul(tl(l2 + o3, lf32), a0));
    a2 = f64x2.sub(a2, f64x2.mul(tl(l2 + o3 + ls, lf32), a1));
    if (!unit) a2 = f64x2.div(a2, d2);
    v128.store(x2 + xc, a2);
    a3 = f64x2.sub(a3, f64x2.mul(tl(l3 + o3, lf32), a0));
    a3 = f64x2.sub(a3, f64x2.mul(tl(l3 + o3 + ls, lf32), a1));
    a3 = f64x2.sub(a3, f64x2.mul(tl(l3 + o3 + 2 * ls, lf32), a2));
    if (!unit) a3 = f64x2.div(a3, d3);
    v128.store(x3 + xc, a3);
    c += 2;
  }
  return c;
}

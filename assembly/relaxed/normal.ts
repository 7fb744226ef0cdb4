/**
 * XLA's float32 normal sampler on f32x4 lanes with relaxed_madd (the contract of
 * ../random/normal.ts: z = r32(sqrt2 * erf_inv(u)), u = max(lo, fma(u01, 2, lo)), XLA's
 * erf_inv and log1p with the multiply-adds XLA fuses); see ./index.ts for when it runs.
 * Domain: u is an odd multiple of 2^-24 in (-1, 1), so there is no NaN, inf, zero or
 * subnormal anywhere. Both branches of the erf_inv polynomial (w < 5, else the sqrt
 * branch) run as two independent chains and are selected per lane at the end. Staged over
 * blocks of NB lanes: u and x = -u*u; log1p (./log.ts, two stages); both polynomials in two
 * halves. Provenance: XLA's ErfInv32 (Giles' polynomials), as shared/golden/PRNG-NOTES.md
 * describes.
 */
import { NB, C_ONE, C_TWO, C_LO, C_FIVE, C_2P5, C_THREE, C_LT5, C_GE5, C_SQRT2, S_U, S_X, S_W, S_M, S_P, S_Q, fma, sel, u01x4 } from "./table";
import { log1pRationalStage, log1pLogStage } from "./log";

/**
 * normalF32 on the first n & ~3 words at `inp` (random uint32 words) into `out` (may equal
 * `inp`); returns the count done (the caller finishes the tail with the core's kernel).
 */
export function normalF32Relaxed(inp: usize, out: usize, n: u32, tbl: usize): u32 {
  const n4 = n & ~3;
  const one = v128.load(tbl + C_ONE), lo = v128.load(tbl + C_LO);
  const su = tbl + S_U, sx = tbl + S_X, sw = tbl + S_W, sm = tbl + S_M, sp = tbl + S_P, sq = tbl + S_Q;
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    for (let j: u32 = 0; j < nb; j += 4) { // u and the log1p argument x = -u*u
      const o = <usize>j << 2;
      const u01 = u01x4(v128.load(src + o), one);
      const u = f32x4.max(fma(u01, v128.load(tbl + C_TWO), lo), lo);
      v128.store(su + o, u);
      v128.store(sx + o, f32x4.neg(f32x4.mul(u, u)));
    }
    log1pRationalStage(tbl, sx, sw, nb); // w = -log1p(x)
    log1pLogStage(tbl, sx, sw, sw, nb);
    for (let j: u32 = 0; j < nb; j += 4) { // erf_inv: both polynomials (two chains), steps 1-4
      const o = <usize>j << 2;
      const w = v128.load(sw + o);
      const wl = f32x4.sub(w, v128.load(tbl + C_2P5)), wg = f32x4.sub(f32x4.sqrt(w), v128.load(tbl + C_THREE));
      let pl = v128.load(tbl + C_LT5), pg = v128.load(tbl + C_GE5);
      for (let i: usize = 1; i < 5; i++) {
        pl = fma(pl, wl, v128.load(tbl + C_LT5 + (i << 4)));
        pg = fma(pg, wg, v128.load(tbl + C_GE5 + (i << 4)));
      }
      v128.store(sx + o, wl); v128.store(sm + o, wg);
      v128.store(sp + o, pl); v128.store(sq + o, pg);
    }
    for (let j: u32 = 0; j < nb; j += 4) { // steps 5-8, the branch per lane (w < 5), z = sqrt2 * (p * u)
      const o = <usize>j << 2;
      const wl = v128.load(sx + o), wg = v128.load(sm + o);
      let pl = v128.load(sp + o), pg = v128.load(sq + o);
      for (let i: usize = 5; i < 9; i++) {
        pl = fma(pl, wl, v128.load(tbl + C_LT5 + (i << 4)));
        pg = fma(pg, wg, v128.load(tbl + C_GE5 + (i << 4)));
      }
      const p = sel(pl, pg, f32x4.lt(v128.load(sw + o), v128.load(tbl + C_FIVE)));
      v128.store(dst + o, f32x4.mul(v128.load(tbl + C_SQRT2), f32x4.mul(p, v128.load(su + o))));
    }
  }
  return n4;
}

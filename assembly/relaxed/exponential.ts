/**
 * XLA's float32 Exponential(1) and Gumbel(0, 1) samplers on f32x4 lanes with relaxed_madd
 * (the contract of ../random/exponential.ts: exponential = -log1p(-u01), gumbel =
 * -log(-log(u)) with u = max(u01, tiny); u01 = 23 random bits as a float32 in [0, 1));
 * see ./index.ts for when they run. Domains: -u01 in (-1, 0] with 1 - u01 >= 2^-23 for
 * log1p; u in [tiny, 1 - 2^-23] and -log(u) in [1.19e-7, 87.4] for the logs: positive
 * normal values, where ./log.ts is exact. u01 = 0 gives exponential +0 (log1p(-0) = -0,
 * negated) and gumbel -log(87.34) = -4.47. Staged over blocks of NB lanes.
 */
import { NB, C_ONE, C_TINY, S_X, S_W, u01x4 } from "./table";
import { log1pRationalStage, log1pLogStage, log32x4 } from "./log";

/** exponentialF32 on the first n & ~3 words at `inp` into `out` (may equal `inp`); returns the count done. */
export function exponentialF32Relaxed(inp: usize, out: usize, n: u32, tbl: usize): u32 {
  const n4 = n & ~3;
  const one = v128.load(tbl + C_ONE);
  const sx = tbl + S_X, sw = tbl + S_W;
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    for (let j: u32 = 0; j < nb; j += 4) { // x = -u01
      const o = <usize>j << 2;
      v128.store(sx + o, f32x4.neg(u01x4(v128.load(src + o), one)));
    }
    log1pRationalStage(tbl, sx, sw, nb);
    log1pLogStage(tbl, sx, sw, dst, nb); // -log1p(x)
  }
  return n4;
}

/** gumbelF32 on the first n & ~3 words at `inp` into `out` (may equal `inp`); returns the count done. */
export function gumbelF32Relaxed(inp: usize, out: usize, n: u32, tbl: usize): u32 {
  const n4 = n & ~3;
  const one = v128.load(tbl + C_ONE), tiny = v128.load(tbl + C_TINY);
  const sx = tbl + S_X;
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    for (let j: u32 = 0; j < nb; j += 4) { // v = -log(max(u01, tiny))
      const o = <usize>j << 2;
      v128.store(sx + o, f32x4.neg(log32x4(f32x4.max(u01x4(v128.load(src + o), one), tiny), tbl)));
    }
    for (let j: u32 = 0; j < nb; j += 4) { // -log(v)
      const o = <usize>j << 2;
      v128.store(dst + o, f32x4.neg(log32x4(v128.load(sx + o), tbl)));
    }
  }
  return n4;
}

/**
 * f64x2 body of the float64 exp on x <= 0: the same IEEE operations, in the same order, as
 * `expF64Block` in ../special/exp_f64.ts (algorithm, constants, domain and error there), on
 * two lanes, so every lane equals the scalar result bit for bit (pmax(LO, x) is exactly the
 * scalar `LO < x ? x : LO`). Only referenced from inside `if (ASC_FEATURE_SIMD)` guards.
 */
import { EXP64_K, EXP64_BIAS } from "../special/exp_f64";

/** exp (x <= 0) in place on the first (cnt & ~1) f64 values at p; returns that count. */
export function expF64x2Block(p: usize, cnt: u32): u32 {
  const K = EXP64_K;
  const lo = v128.load(K, 0), log2e = v128.load(K, 16), sh = v128.load(K, 32);
  const ln2hi = v128.load(K, 48), ln2lo = v128.load(K, 64), down = v128.load(K, 80);
  const c2 = v128.load(K, 96), c3 = v128.load(K, 112), c4 = v128.load(K, 128), c5 = v128.load(K, 144);
  const c6 = v128.load(K, 160), c7 = v128.load(K, 176), c8 = v128.load(K, 192), c9 = v128.load(K, 208);
  const c10 = v128.load(K, 224), c11 = v128.load(K, 240);
  const one = f64x2.splat(1.0), bias = i64x2.splat(EXP64_BIAS);
  const n2 = cnt & ~1, n4 = cnt & ~3;
  let i: u32 = 0;
  // two vectors per iteration, statement by statement, so the two dependency chains overlap
  for (; i < n4; i += 4) {
    const q = p + (<usize>i << 3);
    const xa = v128.load(q), xb = v128.load(q, 16);
    const xca = f64x2.pmax(lo, xa);
    const xcb = f64x2.pmax(lo, xb);
    const ta = f64x2.add(f64x2.mul(xca, log2e), sh);
    const tb = f64x2.add(f64x2.mul(xcb, log2e), sh);
    const kfa = f64x2.sub(ta, sh);
    const kfb = f64x2.sub(tb, sh);
    const ra = f64x2.sub(f64x2.sub(xca, f64x2.mul(kfa, ln2hi)), f64x2.mul(kfa, ln2lo));
    const rb = f64x2.sub(f64x2.sub(xcb, f64x2.mul(kfb, ln2hi)), f64x2.mul(kfb, ln2lo));
    const r2a = f64x2.mul(ra, ra);
    const r2b = f64x2.mul(rb, rb);
    const r4a = f64x2.mul(r2a, r2a);
    const r4b = f64x2.mul(r2b, r2b);
    const r8a = f64x2.mul(r4a, r4a);
    const r8b = f64x2.mul(r4b, r4b);
    const e0a = f64x2.add(f64x2.mul(c3, ra), c2);
    const e0b = f64x2.add(f64x2.mul(c3, rb), c2);
    const e1a = f64x2.add(f64x2.mul(c5, ra), c4);
    const e1b = f64x2.add(f64x2.mul(c5, rb), c4);
    const e2a = f64x2.add(f64x2.mul(c7, ra), c6);
    const e2b = f64x2.add(f64x2.mul(c7, rb), c6);
    const e3a = f64x2.add(f64x2.mul(c9, ra), c8);
    const e3b = f64x2.add(f64x2.mul(c9, rb), c8);
    const e4a = f64x2.add(f64x2.mul(c11, ra), c10);
    const e4b = f64x2.add(f64x2.mul(c11, rb), c10);
    const f0a = f64x2.add(f64x2.mul(e1a, r2a), e0a);
    const f0b = f64x2.add(f64x2.mul(e1b, r2b), e0b);
    const f1a = f64x2.add(f64x2.mul(e3a, r2a), e2a);
    const f1b = f64x2.add(f64x2.mul(e3b, r2b), e2b);
    const g0a = f64x2.add(f64x2.mul(f1a, r4a), f0a);
    const g0b = f64x2.add(f64x2.mul(f1b, r4b), f0b);
    const qqa = f64x2.add(f64x2.mul(e4a, r8a), g0a);
    const qqb = f64x2.add(f64x2.mul(e4b, r8b), g0b);
    const ppa = f64x2.add(f64x2.add(f64x2.mul(qqa, r2a), ra), one);
    const ppb = f64x2.add(f64x2.add(f64x2.mul(qqb, r2b), rb), one);
    const s1a = i64x2.shl(i64x2.add(ta, bias), 52);
    const s1b = i64x2.shl(i64x2.add(tb, bias), 52);
    const ya = f64x2.mul(f64x2.mul(ppa, s1a), down);
    const yb = f64x2.mul(f64x2.mul(ppb, s1b), down);
    v128.store(q, ya);
    v128.store(q, yb, 16);
  }
  for (; i < n2; i += 2) {
    const q = p + (<usize>i << 3);
    const x = v128.load(q);
    const xc = f64x2.pmax(lo, x);
    const t = f64x2.add(f64x2.mul(xc, log2e), sh);
    const kf = f64x2.sub(t, sh);
    const r = f64x2.sub(f64x2.sub(xc, f64x2.mul(kf, ln2hi)), f64x2.mul(kf, ln2lo));
    const r2 = f64x2.mul(r, r);
    const r4 = f64x2.mul(r2, r2);
    const r8 = f64x2.mul(r4, r4);
    const e0 = f64x2.add(f64x2.mul(c3, r), c2);
    const e1 = f64x2.add(f64x2.mul(c5, r), c4);
    const e2 = f64x2.add(f64x2.mul(c7, r), c6);
    const e3 = f64x2.add(f64x2.mul(c9, r), c8);
    const e4 = f64x2.add(f64x2.mul(c11, r), c10);
    const f0 = f64x2.add(f64x2.mul(e1, r2), e0);
    const f1 = f64x2.add(f64x2.mul(e3, r2), e2);
    const g0 = f64x2.add(f64x2.mul(f1, r4), f0);
    const qq = f64x2.add(f64x2.mul(e4, r8), g0);
    const pp = f64x2.add(f64x2.add(f64x2.mul(qq, r2), r), one);
    const s1 = i64x2.shl(i64x2.add(t, bias), 52);
    const y = f64x2.mul(f64x2.mul(pp, s1), down);
    v128.store(q, y);
  }
  return n2;
}

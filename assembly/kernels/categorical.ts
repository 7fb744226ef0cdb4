/**
 * Fused Categorical log-probability (and its logits partials) in one pass, and the
 * Gumbel-max categorical draw of `random.categorical` fused with its argmax.
 *
 * categoricalLogProb: rows of K logits, one shared row (rowStride 0) or one per point
 * (rowStride K). Per row, in f64: m = max_j l_j, lse = m + log(sum_j exp(l_j - m)); per
 * point, with t = trunc(k) (TFP's tf.cast; k given as int32, float32 or float64),
 *   lp = l_t - lse  for 0 <= t < K,   -inf otherwise (k NaN included).
 * With `probs` != 0 it also writes softmax_j = e_j / s per row, with the exponentials
 * e_j = exp(l_j - m) and s = sum_j e_j of the log-sum-exp reused (R x K, R = 1 for a
 * shared row): d lp / d l_j = [j == t] - softmax_j, which categoricalLogProbVjp combines
 * with the cotangent (shared row: out_j = sum_i g_i [t_i == j] - softmax_j sum_i g_i;
 * per-point rows: out_ij = g_i ([t_i == j] - softmax_ij); invalid points contribute 0).
 * NaN/inf: a NaN logit, or a +inf logit, makes its row's lp NaN; a row of all -inf gives NaN.
 * Numerics: all in f64 (log: musl; exp: musl in float64, and for float32 with one row per
 * point the block exp of ../special/exp_f64.ts (<= 1 ulp64, its SIMD twin bit-identical)
 * over blocks of whole rows, as the float32 log-softmax does), float32 rounded once:
 * within 1 ulp of the true value in float32 and within ~1e-15 relative (plus |l_t| +
 * |lse| times 2^-53) in float64.
 * The softmax e_j / s is within about (K + 2)·2^-53 relative (the sum, one exp, one
 * division) of the true value before its rounding to T: within 1 ulp in float32, ~1e-15
 * relative in float64 (earlier versions computed exp(l_j - lse), the same budget; the two
 * can differ in the last bit). A NaN / +inf / all -inf row gives a NaN softmax row.
 * Scalar code in both builds apart from the block exp (bit-identical either way).
 *
 * categoricalGumbelArgmax (random.categorical's contract, ../../wrapper/random/discrete.ts):
 * element (o, j, i) of the Gumbel array [outer, ncat, inner] comes from the random word at
 * (o ncat + j) inner + i (f32: 32-bit words; f64: 64-bit words), g = -log(-log(u)) with
 * u = max(u01, tiny) (JAX's gumbel, exactly gumbelF32 / gumbelF64 of ../random/exponential),
 * v = fl(g + l) with l = logits[offO[o] + offI[i] + j sj] (logits staged as f64 holding
 * dtype values), out[o inner + i] = the first j with v NaN, else the first j of max v.
 * float32 pruning (same result, fewer exact logs): for each j an approximation
 * a_j = l + (-logf32(-logf32(u))) with |a_j - v_j| <= E_j = 2^-17 (1 + |ga_j| + |l|)
 * (XLA's log32 and logf32 are both within ~1 ulp: |g32 - ga| <= 2^-19 (1 + |g|) over all
 * 2^23 inputs, checked exhaustively in tests-ts/distributions-fused-2.test.ts, plus the
 * f32 rounding of v, 2^-24 |v|); only j with a_j + E_j >= a_m - E_m (m the approximate
 * argmax) can hold the maximum, and those get the exact v. Rows with a non-finite logit
 * take the exact path for every j. float64 computes every v exactly. The SIMD build computes
 * the approximations four categories at a time (../simd/gumbel_approx.ts, the same f32
 * operations lane for lane); the result is exact on both builds (bit-identical). Provenance: JAX random.categorical / gumbel; TFP categorical.
 */
import { u01f32, u01f64 } from "../random/uniform";
import { log32 } from "../special/xla_log";
import { logf32 } from "../special/logf";
import { gumbelApproxF32x4 } from "../simd/gumbel_approx";
import { expBlockF64 } from "../special/exp_f64";

const GA: usize = memory.data(16, 16); // 4 f32 approximations (SIMD build)

const TINY32: f64 = 1.1754943508222875e-38;
const TINY64: f64 = 2.2250738585072014e-308;
const MARGIN: f64 = 7.62939453125e-6; // 2^-17
const EXP_CHUNK: u32 = 64; // exponentials of one row kept for the softmax (more are recomputed)
const E64: usize = memory.data(8 * 64, 8);

// @ts-ignore: decorator
@inline function loadK(pk: usize, kind: u32, i: u32): f64 {
  if (kind == 0) return <f64>load<i32>(pk + (<usize>i << 2));
  if (kind == 1) return <f64>load<f32>(pk + (<usize>i << 2));
  return load<f64>(pk + (<usize>i << 3));
}

/** trunc(k) as a class index, or -1 when outside [0, K) or NaN. */
// @ts-ignore: decorator
@inline function classOf(k: f64, K: u32): i32 {
  const t = Math.trunc(k);
  return t >= 0 && t < <f64>K ? <i32>t : -1;
}

/**
 * log-sum-exp of a row of K logits in f64; with `pr` != 0 it also writes the softmax
 * e_j / s (e_j = exp(l_j - m), s = sum_j e_j) rounded once to T, reusing the exponentials.
 */
// @ts-ignore: decorator
@inline function lseRow<T>(pl: usize, K: u32, pr: usize): f64 {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  let m: f64 = -Infinity;
  let bad = false;
  for (let j: u32 = 0; j < K; j++) {
    const l = <f64>load<T>(pl + (<usize>j << sh));
    if (l != l) bad = true;
    if (l > m) m = l;
  }
  if (bad || m == Infinity || m == -Infinity) {
    if (pr) for (let j: u32 = 0; j < K; j++) store<T>(pr + (<usize>j << sh), <T>NaN);
    return NaN;
  }
  let s: f64 = 0;
  if (pr) {
    // the first EXP_CHUNK exponentials (each in [0, 1]) are kept in f64 scratch, the rest
    // recomputed (the same value); then softmax_j = e_j / s
    for (let j: u32 = 0; j < K; j++) {
      const e = Math.exp(<f64>load<T>(pl + (<usize>j << sh)) - m);
      s += e;
      if (j < EXP_CHUNK) store<f64>(E64 + (<usize>j << 3), e);
    }
    for (let j: u32 = 0; j < K; j++) {
      const e = j < EXP_CHUNK ? load<f64>(E64 + (<usize>j << 3)) : Math.exp(<f64>load<T>(pl + (<usize>j << sh)) - m);
      store<T>(pr + (<usize>j << sh), <T>(e / s));
    }
  } else {
    for (let j: u32 = 0; j < K; j++) s += Math.exp(<f64>load<T>(pl + (<usize>j << sh)) - m);
  }
  return m + Math.log(s);
}

// @ts-ignore: decorator
@inline function lpRun<T>(pl: usize, rs: u32, K: u32, pk: usize, kind: u32, out: usize, probs: usize, n: u32): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  let lse: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const row = pl + (<usize>(rs ? i * K : <u32>0) << sh);
    if (rs || i == 0) {
      lse = lseRow<T>(row, K, probs ? probs + (<usize>(rs ? i * K : <u32>0) << sh) : 0);
    }
    const t = classOf(loadK(pk, kind, i), K);
    const v = t < 0 ? -Infinity : <f64>load<T>(row + (<usize>t << sh)) - lse;
    store<T>(out + (<usize>i << sh), <T>v);
  }
}

// float32 with one row per point: rows go through a static f64 scratch in blocks so that
// the exponentials run as one vectorizable pass (expBlockF64, as the
// float32 log-softmax does) instead of Math.exp per element.
const CAT_CAP: u32 = 512; // f64 slots per block
const CAT_D: usize = memory.data(<i32>CAT_CAP << 3, 16); // l - max, then exp(l - max)
const CAT_M: usize = memory.data(<i32>CAT_CAP << 3, 16); // each row's max (non-finite: Math.exp path)

// @ts-ignore: decorator
@inline function lpRowsF32(pl: usize, K: u32, pk: usize, kind: u32, out: usize, probs: usize, n: u32): void {
  const rowsPerBlock = CAT_CAP / K;
  for (let i0: u32 = 0; i0 < n; i0 += rowsPerBlock) {
    const nb = min<u32>(n - i0, rowsPerBlock);
    for (let b: u32 = 0; b < nb; b++) {
      const row = pl + (<usize>((i0 + b) * K) << 2);
      let m: f64 = -Infinity;
      let bad = false;
      for (let j: u32 = 0; j < K; j++) {
        const l = <f64>load<f32>(row + (<usize>j << 2));
        if (l != l) bad = true;
        if (l > m) m = l;
      }
      if (bad) m = NaN;
      store<f64>(CAT_M + (<usize>b << 3), m);
      const d = CAT_D + (<usize>(b * K) << 3);
      const ok = isFinite(m);
      for (let j: u32 = 0; j < K; j++) store<f64>(d + (<usize>j << 3), ok ? <f64>load<f32>(row + (<usize>j << 2)) - m : 0.0);
    }
    expBlockF64(CAT_D, nb * K);
    for (let b: u32 = 0; b < nb; b++) {
      const i = i0 + b;
      const row = pl + (<usize>(i * K) << 2);
      const pr = probs ? probs + (<usize>(i * K) << 2) : 0;
      const m = load<f64>(CAT_M + (<usize>b << 3));
      let lse: f64;
      if (!isFinite(m)) lse = lseRow<f32>(row, K, pr); // NaN rows (and their NaN softmax)
      else {
        const d = CAT_D + (<usize>(b * K) << 3);
        let s: f64 = 0;
        for (let j: u32 = 0; j < K; j++) s += load<f64>(d + (<usize>j << 3));
        if (pr) for (let j: u32 = 0; j < K; j++) store<f32>(pr + (<usize>j << 2), <f32>(load<f64>(d + (<usize>j << 3)) / s));
        lse = m + Math.log(s);
      }
      const t = classOf(loadK(pk, kind, i), K);
      store<f32>(out + (<usize>i << 2), <f32>(t < 0 ? -Infinity : <f64>load<f32>(row + (<usize>t << 2)) - lse));
    }
  }
}

export function categoricalLogProbF32(pl: usize, rs: u32, K: u32, pk: usize, kind: u32, out: usize, probs: usize, n: u32): void {
  if (rs && K <= CAT_CAP) lpRowsF32(pl, K, pk, kind, out, probs, n);
  else lpRun<f32>(pl, rs, K, pk, kind, out, probs, n);
}
export function categoricalLogProbF64(pl: usize, rs: u32, K: u32, pk: usize, kind: u32, out: usize, probs: usize, n: u32): void {
  lpRun<f64>(pl, rs, K, pk, kind, out, probs, n);
}

// @ts-ignore: decorator
@inline function vjpRun<T>(probs: usize, rs: u32, K: u32, pk: usize, kind: u32, pg: usize, out: usize, acc: usize, n: u32): void {
  const sh: u32 = sizeof<T>() == 4 ? 2 : 3;
  if (rs) {
    for (let i: u32 = 0; i < n; i++) {
      const t = classOf(loadK(pk, kind, i), K);
      const g = t < 0 ? 0.0 : <f64>load<T>(pg + (<usize>i << sh));
      const pr = probs + (<usize>(i * K) << sh), po = out + (<usize>(i * K) << sh);
      for (let j: u32 = 0; j < K; j++) {
        const d = (<i32>j == t ? 1.0 : 0.0) - <f64>load<T>(pr + (<usize>j << sh));
        store<T>(po + (<usize>j << sh), <T>(g * d));
      }
    }
    return;
  }
  // shared row: f64 accumulators acc[0..K) (counts weighted by g), total in gs
  for (let j: u32 = 0; j < K; j++) store<f64>(acc + (<usize>j << 3), 0);
  let gs: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const t = classOf(loadK(pk, kind, i), K);
    if (t < 0) continue;
    const g = <f64>load<T>(pg + (<usize>i << sh));
    gs += g;
    const pa = acc + (<usize>t << 3);
    store<f64>(pa, load<f64>(pa) + g);
  }
  for (let j: u32 = 0; j < K; j++) {
    store<T>(out + (<usize>j << sh), <T>(load<f64>(acc + (<usize>j << 3)) - <f64>load<T>(probs + (<usize>j << sh)) * gs));
  }
}

/** acc: K f64 of scratch (shared rows only). */
export function categoricalLogProbVjpF32(probs: usize, rs: u32, K: u32, pk: usize, kind: u32, pg: usize, out: usize, acc: usize, n: u32): void {
  vjpRun<f32>(probs, rs, K, pk, kind, pg, out, acc, n);
}
export function categoricalLogProbVjpF64(probs: usize, rs: u32, K: u32, pk: usize, kind: u32, pg: usize, out: usize, acc: usize, n: u32): void {
  vjpRun<f64>(probs, rs, K, pk, kind, pg, out, acc, n);
}

/** Exact float32 Gumbel + logit, as gumbelF32 then fl32(g + l). */
// @ts-ignore: decorator
@inline function exactV32(b: u32, l: f64): f64 {
  let u = u01f32(b);
  if (u < TINY32) u = TINY32;
  const g = <f64><f32>(-log32(-log32(u)));
  return <f64><f32>(g + l);
}

/**
 * scratch: 2 ncat f64. offO: outer i32, offI: inner i32 (logit element offsets).
 */
export function categoricalGumbelArgmaxF32(
  bits: usize, pl: usize, offO: usize, offI: usize, sj: u32, out: usize,
  outer: u32, ncat: u32, inner: u32, scratch: usize,
): void {
  const A = scratch, E = scratch + (<usize>ncat << 3);
  for (let o: u32 = 0; o < outer; o++) {
    const lo = load<i32>(offO + (<usize>o << 2));
    for (let i: u32 = 0; i < inner; i++) {
      const lb = lo + load<i32>(offI + (<usize>i << 2));
      let finite = true;
      let m: u32 = 0, M: f64 = -Infinity, Em: f64 = 0;
      const ncat4 = ASC_FEATURE_SIMD ? ncat & ~3 : 0;
      for (let j: u32 = 0; j < ncat; j++) {
        const l = load<f64>(pl + (<usize>(lb + <i32>(j * sj)) << 3));
        if (!isFinite(l)) { finite = false; break; }
        let ga: f64;
        if (ASC_FEATURE_SIMD && j < ncat4) {
          if ((j & 3) == 0) gumbelApproxF32x4(bits, <usize>((o * ncat + j) * inner + i) << 2, <usize>inner << 2, GA);
          ga = <f64>load<f32>(GA + (<usize>(j & 3) << 2));
        } else {
          let u = <f32>u01f32(load<u32>(bits + (<usize>((o * ncat + j) * inner + i) << 2)));
          if (u < <f32>TINY32) u = <f32>TINY32;
          ga = <f64>(-logf32(-logf32(u)));
        }
        const a = l + ga, e = MARGIN * (1.0 + abs(ga) + abs(l));
        store<f64>(A + (<usize>j << 3), a);
        store<f64>(E + (<usize>j << 3), e);
        if (j == 0 || a > M) { M = a; Em = e; m = j; }
      }
      let best: f64 = -Infinity, arg: u32 = 0, first = true;
      if (finite) {
        const floor = M - Em;
        for (let j: u32 = 0; j < ncat; j++) {
          if (j != m && load<f64>(A + (<usize>j << 3)) + load<f64>(E + (<usize>j << 3)) < floor) continue;
          const l = load<f64>(pl + (<usize>(lb + <i32>(j * sj)) << 3));
          const v = exactV32(load<u32>(bits + (<usize>((o * ncat + j) * inner + i) << 2)), l);
          if (first || v > best) { best = v; arg = j; first = false; }
        }
      } else {
        for (let j: u32 = 0; j < ncat; j++) {
          const l = load<f64>(pl + (<usize>(lb + <i32>(j * sj)) << 3));
          const v = exactV32(load<u32>(bits + (<usize>((o * ncat + j) * inner + i) << 2)), l);
          if (v != v) { arg = j; break; }
          if (j == 0 || v > best) { best = v; arg = j; }
        }
      }
      store<i32>(out + (<usize>(o * inner + i) << 2), <i32>arg);
    }
  }
}

export function categoricalGumbelArgmaxF64(
  bits: usize, pl: usize, offO: usize, offI: usize, sj: u32, out: usize,
  outer: u32, ncat: u32, inner: u32, scratch: usize,
): void {
  for (let o: u32 = 0; o < outer; o++) {
    const lo = load<i32>(offO + (<usize>o << 2));
    for (let i: u32 = 0; i < inner; i++) {
      const lb = lo + load<i32>(offI + (<usize>i << 2));
      let best: f64 = -Infinity, arg: u32 = 0;
      for (let j: u32 = 0; j < ncat; j++) {
        const l = load<f64>(pl + (<usize>(lb + <i32>(j * sj)) << 3));
        let u = u01f64(bits + (<usize>((o * ncat + j) * inner + i) << 3));
        if (u < TINY64) u = TINY64;
        const v = -Math.log(-Math.log(u)) + l;
        if (v != v) { arg = j; break; }
        if (j == 0 || v > best) { best = v; arg = j; }
      }
      store<i32>(out + (<usize>(o * inner + i) << 2), <i32>arg);
    }
  }
}

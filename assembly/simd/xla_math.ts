/**
 * v128 building blocks of the float32 kernels' SIMD bodies: XLA's float32 log1p (and the
 * log it falls back to) run in stages over a block of lanes in scratch memory, plus the
 * small helpers uniformF32's body uses. The math and its provenance: ../special/xla_log.ts
 * (log32, log1p32) and ../special/fma.ts (fma32). Every lane is computed to the same bits
 * as `log1p32`, or it is reported for an exact recompute.
 *
 * Exactness, operation by operation (values are float32 numbers throughout):
 *  - plain f32 operations (x*x, r*r, r2*r, LQ1*e, x + 1, r - r2/2, p/q, ...) are f32x4
 *    operations, correctly rounded as in the scalar code (which computes them in f64 and
 *    rounds once: the same result, as double rounding is innocuous for +, -, *, / of f32
 *    operands).
 *  - fused multiply-adds fma(a, b, c) run on f64x2 lanes: s = fl64(a*b + c) (a*b is exact
 *    in f64), then the f32 rounding is done on the bits, half away from zero: t = bits(s)
 *    + 2^28, r = t & ~(2^29 - 1). That equals the correctly rounded fma unless s lies
 *    exactly on an f32 midpoint (exact ties, and the rare double-rounding cases): then
 *    t == r, the lane is flagged (`mid`) and the caller recomputes the element with the
 *    exact scalar routine. The f32 subnormal range, where this rounding would also be
 *    wrong, is never reached on the domains below. A sum a*b + c with c a non-zero f32
 *    is 0 or at least 2^-49 |c| in magnitude (it lies on the grid of a*b, of spacing
 *    >= 2^-49 |c| once |a*b| >= |c|/2), and every c here is a constant >= 2^-26, one of
 *    the log's parts y1, y2 (magnitude > 0.08), or r32(LQ1*e), which is 0 or > 2^-13;
 *    with c = 0 the sum is an exact product of magnitude 0 or >= 2^-75.
 *  - two fused steps have an exact f32 product and so are plain rounded sums of two f32
 *    values (f32x4 adds, no flag): fma(1, x, DEN1) = x + DEN1, and fma(LQ2, e, r) =
 *    (LQ2*e) + r, as LQ2 = 0.693359375 has 9 significant bits and |e| < 2^5. (Their exact
 *    ties are frequent: flagging them would send a few percent of lanes to the slow path.)
 * Exhaustively checked: the kernels read 23 bits of each word, and all 2^23 inputs of
 * normalF32 and exponentialF32 match the scalar reference (see the task report).
 *
 * Scheduling: one element is ~20 dependent roundings here. The work is split into stages
 * (loops over the block) with short dependency chains, 3 to 5 fused steps, two f64x2
 * chains per iteration, so the out-of-order core overlaps many iterations; intermediates
 * go through scratch arrays in list order. Each iteration whose lanes hit a midpoint
 * appends its four element offsets to REDO.
 *
 * NaN/inf: the stages accept only the finite domains stated on `log1pBlocks` (the normal
 * and exponential kernels produce nothing else) and carry no special-value handling.
 * Nothing at the top level mentions v128 (the scalar build compiles none of the v128
 * code); scratch and constant tables are plain static data.
 */

/** Elements per block of the staged kernels (a multiple of 4). */
export const NB: u32 = 256;
/** Redo list: byte offsets 4*j of elements to recompute exactly (room for 6 per element). */
export const REDO: usize = memory.data((NB * 6 + 16) << 2, 16);
/** Offsets 4*j of the block's elements with |x| < sqrt(2)-1, then of the others. */
const SMALL: usize = memory.data((NB + 8) << 2, 16);
const LARGE: usize = memory.data((NB + 8) << 2, 16);
// Scratch arrays in list order, shared by the stages: f32 (4 bytes per element) or
// f64 (8 bytes per element).
const F0: usize = memory.data(NB << 2, 16);
const F1: usize = memory.data(NB << 2, 16);
const F2: usize = memory.data(NB << 2, 16);
const D0: usize = memory.data(NB << 3, 16);
const D1: usize = memory.data(NB << 3, 16);
const D2: usize = memory.data(NB << 3, 16);
const D3: usize = memory.data(NB << 3, 16);

/** Lane flags of the uniform body: non-zero lanes must be recomputed by the scalar path. */
export const FLAGS: usize = memory.data(16, 16);

// Splatted f64 constants (each value twice), addressed by byte offset.
const KF: usize = memory.data<f64>([
  // 0: log1p rational numerator, as float32 (L1P_NUM of xla_log.ts)
  <f32>4.5270000862445199635215e-5, <f32>4.5270000862445199635215e-5,
  <f32>4.9854102823193375972212e-1, <f32>4.9854102823193375972212e-1,
  <f32>6.5787325942061044846969, <f32>6.5787325942061044846969,
  <f32>2.9911919328553073277375e1, <f32>2.9911919328553073277375e1,
  <f32>6.0949667980987787057556e1, <f32>6.0949667980987787057556e1,
  <f32>5.7112963590585538103336e1, <f32>5.7112963590585538103336e1,
  <f32>2.0039553499201281259648e1, <f32>2.0039553499201281259648e1,
  // 112: denominator (L1P_DEN[1..6]; DEN[0] = 1)
  <f32>1.5062909083469192043167e1, <f32>1.5062909083469192043167e1,
  <f32>8.3047565967967209469434e1, <f32>8.3047565967967209469434e1,
  <f32>2.2176239823732856465394e2, <f32>2.2176239823732856465394e2,
  <f32>3.0909872225312059774938e2, <f32>3.0909872225312059774938e2,
  <f32>2.1642788614495947685003e2, <f32>2.1642788614495947685003e2,
  <f32>6.0118660497603843919306e1, <f32>6.0118660497603843919306e1,
  // 208: Cephes logf polynomial LP0..LP8 (xla_log.ts)
  <f32>7.0376836292e-2, <f32>7.0376836292e-2,
  <f32>-1.1514610310e-1, <f32>-1.1514610310e-1,
  <f32>1.1676998740e-1, <f32>1.1676998740e-1,
  <f32>-1.2420140846e-1, <f32>-1.2420140846e-1,
  <f32>1.4249322787e-1, <f32>1.4249322787e-1,
  <f32>-1.6668057665e-1, <f32>-1.6668057665e-1,
  <f32>2.0000714765e-1, <f32>2.0000714765e-1,
  <f32>-2.4999993993e-1, <f32>-2.4999993993e-1,
  <f32>3.3333331174e-1, <f32>3.3333331174e-1,
], 16);
const K_NUM: usize = 0;
const K_DEN: usize = 112;
const K_LP: usize = 208;

// Splatted f32 / i32 constants (four lanes each).
const K4: usize = memory.data<f32>([
  <f32>1.5062909083469192043167e1, <f32>1.5062909083469192043167e1, // 0: DEN1
  <f32>1.5062909083469192043167e1, <f32>1.5062909083469192043167e1,
  <f32>0.41421356237309504880, <f32>0.41421356237309504880, // 16: LOG1P_SMALL32
  <f32>0.41421356237309504880, <f32>0.41421356237309504880,
  1.0, 1.0, 1.0, 1.0, // 32
  0.5, 0.5, 0.5, 0.5, // 48
  <f32>0.707106781186547524, <f32>0.707106781186547524, // 64: SQRTHF of xla_log.ts
  <f32>0.707106781186547524, <f32>0.707106781186547524,
  <f32>-2.12194440e-4, <f32>-2.12194440e-4, <f32>-2.12194440e-4, <f32>-2.12194440e-4, // 80: LQ1
  <f32>0.693359375, <f32>0.693359375, <f32>0.693359375, <f32>0.693359375, // 96: LQ2
], 16);
const K4_DEN1: usize = 0;
const K4_SMALL: usize = 16;
const K4_ONE: usize = 32;
const K4_HALF: usize = 48;
const K4_SQRTHF: usize = 64;
const K4_LQ1: usize = 80;
const K4_LQ2: usize = 96;
const KI4: usize = memory.data<u32>([
  0x007fffff, 0x007fffff, 0x007fffff, 0x007fffff, // 0: f32 mantissa
  0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, // 16: exponent of 0.5
  126, 126, 126, 126, // 32
], 16);

// Splatted 64-bit integer constants.
const KI: usize = memory.data<u64>([
  0x10000000, 0x10000000, // 0: 2^28, half an f32 ulp in f64 bits
  0xffffffffe0000000, 0xffffffffe0000000, // 16: clears the 29 bits below f32 precision
], 16);
const K_RHALF: usize = 0;
const K_RMASK: usize = 16;

/** 16-entry table: for a 4-bit mask m, the byte offsets 4*l of its set bits l, packed low. */
const PACK4: usize = memory.data<u32>([
  0, 0, 0, 0, /* 0001 */ 0, 0, 0, 0, /* 0010 */ 4, 0, 0, 0, /* 0011 */ 0, 4, 0, 0,
  8, 0, 0, 0, /* 0101 */ 0, 8, 0, 0, /* 0110 */ 4, 8, 0, 0, /* 0111 */ 0, 4, 8, 0,
  12, 0, 0, 0, /* 1001 */ 0, 12, 0, 0, /* 1010 */ 4, 12, 0, 0, /* 1011 */ 0, 4, 12, 0,
  8, 12, 0, 0, /* 1101 */ 0, 8, 12, 0, /* 1110 */ 4, 8, 12, 0, /* 1111 */ 0, 4, 8, 12,
], 16);

// @ts-ignore: decorator
@inline function kf(off: usize): v128 { return v128.load(KF + off); }
// @ts-ignore: decorator
@inline function k4(off: usize): v128 { return v128.load(K4 + off); }
// @ts-ignore: decorator
@inline function ki4(off: usize): v128 { return v128.load(KI4 + off); }

/** f64 lanes -> nearest-even f32 -> f64. */
// @ts-ignore: decorator
@inline export function r32x(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

/**
 * fl64(a*b + c) plus half an f32 ulp (H = `halfUlp()`), as bits; `rnd(t, M)` of it (M =
 * `precMask()`) is the f32 fma (see above). Stages load H and M once, before their loop.
 */
// @ts-ignore: decorator
@inline export function fmaT(a: v128, b: v128, c: v128, H: v128): v128 {
  return i64x2.add(f64x2.add(f64x2.mul(a, b), c), H);
}
// @ts-ignore: decorator
@inline export function rnd(t: v128, M: v128): v128 { return v128.and(t, M); }
// @ts-ignore: decorator
@inline export function halfUlp(): v128 { return v128.load(KI + K_RHALF); }
// @ts-ignore: decorator
@inline export function precMask(): v128 { return v128.load(KI + K_RMASK); }
/** All-ones where the fma sum sat on an f32 midpoint (t == rnd(t)). */
// @ts-ignore: decorator
@inline export function mid(t: v128, r: v128): v128 { return i64x2.eq(t, r); }
/**
 * Stores the running flags to a scratch slot. Only for scheduling: V8 otherwise sinks
 * every flag compare to the end of the loop body, keeping all intermediates live (spills);
 * a store fixes the compares before it. Costs one store.
 */
// @ts-ignore: decorator
@inline export function pin(bad: v128): void { v128.store(PIN, bad); }
const PIN: usize = memory.data(16, 16);

/** Lanes 0,1 and 2,3 of an f32x4 as two f64x2 (exact). */
// @ts-ignore: decorator
@inline export function lowHalf(v: v128): v128 { return f64x2.promote_low_f32x4(v); }
// @ts-ignore: decorator
@inline export function highHalf(v: v128): v128 { return f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)); }
/** Two f64x2 of f32 values back to one f32x4 (exact). */
// @ts-ignore: decorator
@inline export function join(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/** Appends the four offsets of list entries k..k+3 to the redo list. */
// @ts-ignore: decorator
@inline function redoList4(nredo: u32, list: usize, k: u32): u32 {
  v128.store(REDO + (<usize>nredo << 2), v128.load(list + (<usize>k << 2)));
  return nredo + 4;
}
/** Appends the four offsets 4j .. 4j+12 of a group to the redo list. */
// @ts-ignore: decorator
@inline export function redo4(nredo: u32, j: u32): u32 {
  v128.store(REDO + (<usize>nredo << 2), i32x4.add(i32x4.splat(j << 2), v128.load(PACK4 + (15 << 4))));
  return nredo + 4;
}

/**
 * Splits four lanes by |x| < sqrt(2)-1 (`ax`: the four |x| as f32x4, j: index of the
 * first) into the small and large lists. Returns the new counts as (small | large << 16).
 */
// @ts-ignore: decorator
@inline export function split4(ax: v128, j: u32, counts: u32): u32 {
  const cs = counts & 0xffff, cl = counts >>> 16;
  const msk = i32x4.bitmask(f32x4.lt(ax, k4(K4_SMALL)));
  const base = i32x4.splat(j << 2);
  v128.store(SMALL + (<usize>cs << 2), i32x4.add(base, v128.load(PACK4 + (<usize>msk << 4))));
  v128.store(LARGE + (<usize>cl << 2), i32x4.add(base, v128.load(PACK4 + (<usize>(msk ^ 15) << 4))));
  const ps = <u32>popcnt(msk);
  return (cs + ps) | ((cl + 4 - ps) << 16);
}

/** Pads an offset list to a multiple of 4 with copies of its last entry; returns the length. */
// @ts-ignore: decorator
@inline function pad4(list: usize, cnt: u32): u32 {
  if (cnt & 3) {
    v128.store(list + (<usize>cnt << 2), i32x4.splat(load<u32>(list + (<usize>(cnt - 1) << 2))));
    cnt = (cnt + 3) & ~3;
  }
  return cnt;
}

/** Four f32 values at the offsets of list entries k..k+3. */
// @ts-ignore: decorator
@inline function gather4(xs: usize, list: usize, k: u32): v128 {
  const l = list + (<usize>k << 2);
  let v = v128.load32_zero(xs + <usize>load<u32>(l));
  v = v128.load32_lane(xs + <usize>load<u32>(l, 4), v, 1);
  v = v128.load32_lane(xs + <usize>load<u32>(l, 8), v, 2);
  return v128.load32_lane(xs + <usize>load<u32>(l, 12), v, 3);
}
// @ts-ignore: decorator
@inline function scatter4(ws: usize, list: usize, k: u32, w: v128): void {
  const l = list + (<usize>k << 2);
  v128.store32_lane(ws + <usize>load<u32>(l), w, 0);
  v128.store32_lane(ws + <usize>load<u32>(l, 4), w, 1);
  v128.store32_lane(ws + <usize>load<u32>(l, 8), w, 2);
  v128.store32_lane(ws + <usize>load<u32>(l, 12), w, 3);
}

// log1p rational, |x| < sqrt(2)-1, four lanes per iteration (two f64x2 chains each for
// the numerator p and the denominator q). B1: x^2, q1 = x + DEN1, p steps 1-3, q steps
// 2-3; B2: steps 4-6 of both, p/q; B3: x + ((x * x^2) * (p/q) - x^2/2), w = -that.
function smallB1(xs: usize, cnt: u32, nredo: u32): u32 {
  const H = halfUlp(), M = precMask();
  for (let k: u32 = 0; k < cnt; k += 4) {
    const x = gather4(xs, SMALL, k);
    const o4 = <usize>k << 2, o8 = <usize>k << 3;
    v128.store(F0 + o4, x);
    v128.store(F1 + o4, f32x4.mul(x, x));
    const q4 = f32x4.add(x, k4(K4_DEN1)); // fma(1, x, DEN1) = the f32 sum (see above)
    const x0 = lowHalf(x), x1 = highHalf(x);
    let q0 = lowHalf(q4), q1 = highHalf(q4);
    let t0 = fmaT(kf(K_NUM), x0, kf(K_NUM + 16), H), t1 = fmaT(kf(K_NUM), x1, kf(K_NUM + 16), H);
    let p0 = rnd(t0, M), p1 = rnd(t1, M);
    let bad = v128.or(mid(t0, p0), mid(t1, p1));
    let u0 = fmaT(q0, x0, kf(K_DEN + 16), H), u1 = fmaT(q1, x1, kf(K_DEN + 16), H);
    q0 = rnd(u0, M); q1 = rnd(u1, M);
    bad = v128.or(bad, v128.or(mid(u0, q0), mid(u1, q1))); pin(bad);
    t0 = fmaT(p0, x0, kf(K_NUM + 32), H); t1 = fmaT(p1, x1, kf(K_NUM + 32), H);
    p0 = rnd(t0, M); p1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
    u0 = fmaT(q0, x0, kf(K_DEN + 32), H); u1 = fmaT(q1, x1, kf(K_DEN + 32), H);
    q0 = rnd(u0, M); q1 = rnd(u1, M);
    bad = v128.or(bad, v128.or(mid(u0, q0), mid(u1, q1))); pin(bad);
    t0 = fmaT(p0, x0, kf(K_NUM + 48), H); t1 = fmaT(p1, x1, kf(K_NUM + 48), H);
    p0 = rnd(t0, M); p1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
    v128.store(D0 + o8, x0); v128.store(D0 + o8, x1, 16);
    v128.store(D1 + o8, p0); v128.store(D1 + o8, p1, 16);
    v128.store(D2 + o8, q0); v128.store(D2 + o8, q1, 16);
    if (v128.any_true(bad)) nredo = redoList4(nredo, SMALL, k);
  }
  return nredo;
}

function smallB2(cnt: u32, nredo: u32): u32 {
  const H = halfUlp(), M = precMask();
  for (let k: u32 = 0; k < cnt; k += 4) {
    const o8 = <usize>k << 3;
    const x0 = v128.load(D0 + o8), x1 = v128.load(D0 + o8, 16);
    let p0 = v128.load(D1 + o8), p1 = v128.load(D1 + o8, 16);
    let q0 = v128.load(D2 + o8), q1 = v128.load(D2 + o8, 16);
    let t0 = fmaT(p0, x0, kf(K_NUM + 64), H), t1 = fmaT(p1, x1, kf(K_NUM + 64), H);
    p0 = rnd(t0, M); p1 = rnd(t1, M);
    let bad = v128.or(mid(t0, p0), mid(t1, p1));
    let u0 = fmaT(q0, x0, kf(K_DEN + 48), H), u1 = fmaT(q1, x1, kf(K_DEN + 48), H);
    q0 = rnd(u0, M); q1 = rnd(u1, M);
    bad = v128.or(bad, v128.or(mid(u0, q0), mid(u1, q1))); pin(bad);
    t0 = fmaT(p0, x0, kf(K_NUM + 80), H); t1 = fmaT(p1, x1, kf(K_NUM + 80), H);
    p0 = rnd(t0, M); p1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
    u0 = fmaT(q0, x0, kf(K_DEN + 64), H); u1 = fmaT(q1, x1, kf(K_DEN + 64), H);
    q0 = rnd(u0, M); q1 = rnd(u1, M);
    bad = v128.or(bad, v128.or(mid(u0, q0), mid(u1, q1))); pin(bad);
    t0 = fmaT(p0, x0, kf(K_NUM + 96), H); t1 = fmaT(p1, x1, kf(K_NUM + 96), H);
    p0 = rnd(t0, M); p1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, p0), mid(t1, p1))); pin(bad);
    u0 = fmaT(q0, x0, kf(K_DEN + 80), H); u1 = fmaT(q1, x1, kf(K_DEN + 80), H);
    q0 = rnd(u0, M); q1 = rnd(u1, M);
    bad = v128.or(bad, v128.or(mid(u0, q0), mid(u1, q1))); pin(bad);
    v128.store(F2 + (<usize>k << 2), f32x4.div(join(p0, p1), join(q0, q1)));
    if (v128.any_true(bad)) nredo = redoList4(nredo, SMALL, k);
  }
  return nredo;
}

function smallB3(ws: usize, cnt: u32): void {
  for (let k: u32 = 0; k < cnt; k += 4) {
    const o4 = <usize>k << 2;
    const x = v128.load(F0 + o4), xx = v128.load(F1 + o4), pq = v128.load(F2 + o4);
    const s = f32x4.mul(f32x4.mul(x, xx), pq);
    const r = f32x4.add(x, f32x4.sub(s, f32x4.mul(k4(K4_HALF), xx))); // xx/2 exact
    scatter4(ws, SMALL, k, f32x4.neg(r));
  }
}

// log(1 + x), |x| >= sqrt(2)-1, four lanes per iteration. C1: X = 1 + x = m 2^e with m in
// [sqrt(1/2), sqrt(2)) as r = m - 1, r^2, r^3, LQ1*e, LQ2*e, r - r^2/2 in f32; the three
// polynomial parts' first two steps and y = fma(y, r3, y1) in f64. C2: the last two
// steps, r - r^2/2 + y, fma(LQ2, e, .) and w = -log(1 + x).
function largeC1(xs: usize, cnt: u32, nredo: u32): u32 {
  const H = halfUlp(), M = precMask();
  for (let k: u32 = 0; k < cnt; k += 4) {
    const x = gather4(xs, LARGE, k);
    const X = f32x4.add(k4(K4_ONE), x); // a normal f32 in [2^-23, 0.586]
    let e = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(X, 23), ki4(32)));
    const m = v128.or(v128.and(X, ki4(0)), ki4(16)); // X = m 2^e, m in [0.5, 1)
    const lt = f32x4.lt(m, k4(K4_SQRTHF));
    e = f32x4.sub(e, v128.and(lt, k4(K4_ONE)));
    const r = f32x4.sub(f32x4.add(m, v128.and(lt, m)), k4(K4_ONE)); // 2m - 1 or m - 1, exact
    const r2 = f32x4.mul(r, r);
    const r3 = f32x4.mul(r2, r);
    const o4 = <usize>k << 2, o8 = <usize>k << 3;
    // r - 0.5*r2 (fused in XLA; the product is exact) and LQ2*e (exact: 9 + 5 bits)
    v128.store(F0 + o4, f32x4.sub(r, f32x4.mul(k4(K4_HALF), r2)));
    v128.store(F1 + o4, f32x4.mul(k4(K4_LQ2), e));
    const lq1e = f32x4.mul(k4(K4_LQ1), e);
    v128.store(D2 + o8, lowHalf(lq1e)); v128.store(D2 + o8, highHalf(lq1e), 16);
    const r0 = lowHalf(r), r1 = highHalf(r), c0 = lowHalf(r3), c1 = highHalf(r3);
    let t0 = fmaT(r0, kf(K_LP), kf(K_LP + 16), H), t1 = fmaT(r1, kf(K_LP), kf(K_LP + 16), H);
    let y0 = rnd(t0, M), y1 = rnd(t1, M);
    let bad = v128.or(mid(t0, y0), mid(t1, y1));
    let s0 = fmaT(r0, kf(K_LP + 48), kf(K_LP + 64), H), s1 = fmaT(r1, kf(K_LP + 48), kf(K_LP + 64), H);
    let z0 = rnd(s0, M), z1 = rnd(s1, M); // y1 of xla_log.ts
    bad = v128.or(bad, v128.or(mid(s0, z0), mid(s1, z1))); pin(bad);
    let v0 = fmaT(r0, kf(K_LP + 96), kf(K_LP + 112), H), v1 = fmaT(r1, kf(K_LP + 96), kf(K_LP + 112), H);
    let w0 = rnd(v0, M), w1 = rnd(v1, M); // y2 of xla_log.ts
    bad = v128.or(bad, v128.or(mid(v0, w0), mid(v1, w1))); pin(bad);
    t0 = fmaT(y0, r0, kf(K_LP + 32), H); t1 = fmaT(y1, r1, kf(K_LP + 32), H);
    y0 = rnd(t0, M); y1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, y0), mid(t1, y1))); pin(bad);
    s0 = fmaT(z0, r0, kf(K_LP + 80), H); s1 = fmaT(z1, r1, kf(K_LP + 80), H);
    z0 = rnd(s0, M); z1 = rnd(s1, M);
    bad = v128.or(bad, v128.or(mid(s0, z0), mid(s1, z1))); pin(bad);
    v0 = fmaT(w0, r0, kf(K_LP + 128), H); v1 = fmaT(w1, r1, kf(K_LP + 128), H);
    w0 = rnd(v0, M); w1 = rnd(v1, M);
    bad = v128.or(bad, v128.or(mid(v0, w0), mid(v1, w1))); pin(bad);
    t0 = fmaT(y0, c0, z0, H); t1 = fmaT(y1, c1, z1, H);
    y0 = rnd(t0, M); y1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, y0), mid(t1, y1))); pin(bad);
    v128.store(D0 + o8, y0); v128.store(D0 + o8, y1, 16);
    v128.store(D1 + o8, w0); v128.store(D1 + o8, w1, 16);
    v128.store(D3 + o8, c0); v128.store(D3 + o8, c1, 16);
    if (v128.any_true(bad)) nredo = redoList4(nredo, LARGE, k);
  }
  return nredo;
}

function largeC2(ws: usize, cnt: u32, nredo: u32): u32 {
  const H = halfUlp(), M = precMask();
  for (let k: u32 = 0; k < cnt; k += 4) {
    const o4 = <usize>k << 2, o8 = <usize>k << 3;
    const c0 = v128.load(D3 + o8), c1 = v128.load(D3 + o8, 16);
    let t0 = fmaT(v128.load(D0 + o8), c0, v128.load(D1 + o8), H);
    let t1 = fmaT(v128.load(D0 + o8, 16), c1, v128.load(D1 + o8, 16), H);
    let y0 = rnd(t0, M), y1 = rnd(t1, M);
    let bad = v128.or(mid(t0, y0), mid(t1, y1));
    t0 = fmaT(y0, c0, v128.load(D2 + o8), H); t1 = fmaT(y1, c1, v128.load(D2 + o8, 16), H);
    y0 = rnd(t0, M); y1 = rnd(t1, M);
    bad = v128.or(bad, v128.or(mid(t0, y0), mid(t1, y1))); pin(bad);
    const rr = f32x4.add(v128.load(F0 + o4), join(y0, y1));
    // fma(LQ2, e, rr) with LQ2*e exact is the f32 sum (see above)
    scatter4(ws, LARGE, k, f32x4.neg(f32x4.add(v128.load(F1 + o4), rr)));
    if (v128.any_true(bad)) nredo = redoList4(nredo, LARGE, k);
  }
  return nredo;
}

/**
 * w = -log1p32(x) for the elements of a block whose lists `split4` built (`counts`): xs,
 * ws are f32 arrays (ws may be the output), offsets 4*j. Domain: small list x an f32
 * value in (-0.4143, 0.4143) (0 and -0 included); large list x in [-1 + 2^-23, -0.4142]
 * (so 1 + x is a normal f32 in [2^-23, 0.586]). Flagged elements' offsets are appended
 * to REDO from `nredo`; returns the new length. Their w is still written (not trusted).
 */
export function log1pBlocks(xs: usize, ws: usize, counts: u32, nredo: u32): u32 {
  const cs = pad4(SMALL, counts & 0xffff), cl = pad4(LARGE, counts >>> 16);
  nredo = smallB1(xs, cs, nredo);
  nredo = smallB2(cs, nredo);
  smallB3(ws, cs);
  nredo = largeC1(xs, cl, nredo);
  return largeC2(ws, cl, nredo);
}

/** Midpoint or f32-subnormal-range test of an f64 sum (used by the uniform body). */
// @ts-ignore: decorator
@inline export function suspectx(s: v128): v128 {
  const m = i64x2.eq(v128.and(s, i64x2.splat(0x1fffffff)), i64x2.splat(0x10000000));
  return v128.or(m, f64x2.lt(f64x2.abs(s), f64x2.splat(1.1754943508222875e-38)));
}

// @ts-ignore: decorator
@inline export function flag(bad: v128): void {
  v128.store(FLAGS, v128.or(v128.load(FLAGS), bad));
}

/** Four f32 u01 values of four 32-bit words. */
// @ts-ignore: decorator
@inline export function u01x4(b: v128): v128 {
  return f32x4.sub(v128.or(i32x4.shr_u(b, 9), i32x4.splat(0x3f800000)), f32x4.splat(1.0));
}

/**
 * Reductions and scans along one axis of an array viewed as [outer, n, inner] (row-major;
 * the reduced axis has length n and stride `inner`). Output: [outer, inner].
 *
 * Ops (enum Red): Sum, Max, Min, Prod, ArgMax, ArgMin (i32 indices), LogSumExp.
 *  - Sum/Prod of float32 accumulate in f64 and round once: |error| <= 0.5 ulp32 +
 *    n * 2^-53 * sum|x| (Sum), i.e. correctly rounded unless there is heavy cancellation.
 *    float64 Sum: |error| <= (n/4 + 2) * 2^-53 * sum|x| (four partial sums, below);
 *    Prod: relative error <= (n + 2) * 2^-53 (+ 0.5 ulp32). A float32 Prod can only hit
 *    f64 overflow/underflow in a partial product while the f32 result is finite and
 *    non-zero if a quarter of the factors multiplies to beyond 2^±1000 (not a real case).
 *  - Max/Min: NaN-propagating like jnp.max (any NaN -> NaN), -0 < +0 (wasm max/min).
 *  - ArgMax/ArgMin: index of the first occurrence of the max/min; a NaN counts as the
 *    max/min (the first NaN wins), like jnp.argmax. -0 and +0 compare equal (first wins).
 *  - LogSumExp: two passes, m = max, then m + log(sum exp(x - m)) in f64 (float32 rounds
 *    once): error a few ulp of the result. All -inf (or n == 0) -> -inf; any +inf -> +inf
 *    (unless a NaN is present); any NaN -> NaN.
 *  - n == 0: Sum 0, Prod 1, Max -inf, Min +inf, LogSumExp -inf, ArgMax/ArgMin -1 (JAX
 *    rejects an empty argmax; the TypeScript side should too).
 * Scans: cumsum (float32: f64 running sum, each output rounded once, so the error of an
 * output is that of the f64 prefix sum, <= i * 2^-53 * sum|x| + 0.5 ulp32) and
 * cumLogSumExp (running acc = logaddexp(acc, x) in f64 in JAX's form
 * max(a,b) + log1p(exp(-|a-b|)), with a+b when a-b is NaN, i.e. equal infinities or NaN),
 * both sequential, forward or reverse (reverse: output i covers x[i..n-1]). The first
 * output is x[0] itself (keeps -0).
 *
 * Bit parity of the two builds. Contiguous case (inner == 1): element i goes to partial
 * accumulator i % 4 (each partial sequential in i), the result is (s0 + s1) + (s2 + s3)
 * (max/min alike); the SIMD build holds s0..s3 in vector lanes, the scalar build in four
 * locals: same operations, same bits (max/min are exact and order-free, so the SIMD body
 * may fold more lanes). Strided case (inner > 1): every output column is
 * reduced sequentially over n; the SIMD build vectorizes across columns (lanes are
 * columns), which is the scalar loop's order. Scans are sequential per column. exp/log
 * are the same scalar calls in both builds. Only NaN payloads may differ (NaN is NaN).
 * Provenance: the stable forms are JAX's (jax.nn.logsumexp, jnp.logaddexp).
 */
import {
  contigSumSimdF32, contigSumSimdF64, contigMaxSimdF32, contigMaxSimdF64,
  findSimdF32, findSimdF64, rowsAccSimdF32, rowsAccSimdF64, rowsMaxSimdF32, rowsMaxSimdF64,
  rowsArgSimdF32, rowsArgSimdF64, cumRowSimdF32, cumRowSimdF64,
} from "../simd/reduce";

export const enum Red { Sum = 0, Max = 1, Min = 2, Prod = 3, ArgMax = 4, ArgMin = 5, LogSumExp = 6 }

/** Columns per block in the strided case (inner > 1). */
const RW: u32 = 256;
/** f64 accumulators of a column block. */
const RACC: usize = memory.data(RW << 3, 16);
/** Running max / best values of a column block (f32 or f64 as the input). */
const RAUX: usize = memory.data(RW << 3, 16);
/** Contiguous rows shorter than this are reduced by the scalar loop in both builds. */
const SIMD_MIN_ROW: u32 = 16;
/** The four partial accumulators handed back by the SIMD bodies (f64 or f32 lanes). */
const RSLOT: usize = memory.data(32, 16);

// ---------------------------------------------------------------- contiguous (inner == 1)

/** Sum (prod=false) or product of n contiguous f32/f64 values, in f64 with 4 partials. */
// @ts-ignore: decorator
@inline function contigSum<T>(p: usize, n: u32, prod: bool): f64 {
  let i: u32 = 0;
  let s0: f64 = prod ? 1 : 0, s1 = s0, s2 = s0, s3 = s0;
  const sz = <usize>sizeof<T>();
  // Short rows skip the SIMD body: the scalar loop performs the same operations on the same
  // partials (same bits), without the call and the vector store / scalar reload of RSLOT.
  if (ASC_FEATURE_SIMD && n >= SIMD_MIN_ROW) {
    i = sz == 4 ? contigSumSimdF32(p, n, prod, RSLOT) : contigSumSimdF64(p, n, prod, RSLOT);
    s0 = load<f64>(RSLOT); s1 = load<f64>(RSLOT, 8); s2 = load<f64>(RSLOT, 16); s3 = load<f64>(RSLOT, 24);
  }
  if (prod) {
    for (; i + 4 <= n; i += 4) {
      const q = p + <usize>i * sz;
      s0 *= <f64>load<T>(q); s1 *= <f64>load<T>(q + sz); s2 *= <f64>load<T>(q + 2 * sz); s3 *= <f64>load<T>(q + 3 * sz);
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      const q = p + <usize>i * sz;
      s0 += <f64>load<T>(q); s1 += <f64>load<T>(q + sz); s2 += <f64>load<T>(q + 2 * sz); s3 += <f64>load<T>(q + 3 * sz);
    }
  }
  const q = p + <usize>i * sz, r = n - i; // 0..3 left; element i + t goes to partial t
  if (prod) {
    if (r > 0) s0 *= <f64>load<T>(q);
    if (r > 1) s1 *= <f64>load<T>(q + sz);
    if (r > 2) s2 *= <f64>load<T>(q + 2 * sz);
    return (s0 * s1) * (s2 * s3);
  }
  if (r > 0) s0 += <f64>load<T>(q);
  if (r > 1) s1 += <f64>load<T>(q + sz);
  if (r > 2) s2 += <f64>load<T>(q + 2 * sz);
  return (s0 + s1) + (s2 + s3);
}

// @ts-ignore: decorator
@inline function mm<T>(isMax: bool, x: T, y: T): T {
  return isMax ? max<T>(x, y) : min<T>(x, y);
}

/** Max (isMax) or min of n contiguous values, 4 partials; -inf/+inf when n == 0. */
// @ts-ignore: decorator
@inline function contigMax<T>(p: usize, n: u32, isMax: bool): T {
  let i: u32 = 0;
  let s0: T = <T>(isMax ? -Infinity : Infinity), s1 = s0, s2 = s0, s3 = s0;
  const sz = <usize>sizeof<T>();
  if (ASC_FEATURE_SIMD && n >= SIMD_MIN_ROW) { // short rows: as in contigSum
    if (sz == 4) i = contigMaxSimdF32(p, n, isMax, RSLOT);
    else i = contigMaxSimdF64(p, n, isMax, RSLOT);
    s0 = load<T>(RSLOT); s1 = load<T>(RSLOT + sz); s2 = load<T>(RSLOT + 2 * sz); s3 = load<T>(RSLOT + 3 * sz);
  }
  for (; i + 4 <= n; i += 4) {
    const q = p + <usize>i * sz;
    s0 = mm<T>(isMax, s0, load<T>(q)); s1 = mm<T>(isMax, s1, load<T>(q + sz));
    s2 = mm<T>(isMax, s2, load<T>(q + 2 * sz)); s3 = mm<T>(isMax, s3, load<T>(q + 3 * sz));
  }
  const q = p + <usize>i * sz, r = n - i;
  if (r > 0) s0 = mm<T>(isMax, s0, load<T>(q));
  if (r > 1) s1 = mm<T>(isMax, s1, load<T>(q + sz));
  if (r > 2) s2 = mm<T>(isMax, s2, load<T>(q + 2 * sz));
  return mm<T>(isMax, mm<T>(isMax, s0, s1), mm<T>(isMax, s2, s3));
}

/** First index of v in n contiguous values (v NaN: first NaN); -1 if absent. */
function contigFind<T>(p: usize, n: u32, v: T): i32 {
  let i: u32 = 0;
  const sz = <usize>sizeof<T>();
  if (ASC_FEATURE_SIMD) {
    const r = sz == 4 ? findSimdF32(p, n, <f32>v) : findSimdF64(p, n, <f64>v);
    if (r >= 0) return r;
    i = n & ~3;
  }
  if (v != v) {
    for (; i < n; i++) { const x = load<T>(p + <usize>i * sz); if (x != x) return <i32>i; }
  } else {
    for (; i < n; i++) if (load<T>(p + <usize>i * sz) == v) return <i32>i;
  }
  return -1;
}

/** log(sum(exp(x))) of n contiguous values given their max m (same dtype). */
function contigLse<T>(p: usize, n: u32, m: T): f64 {
  const mf = <f64>m;
  if (mf != mf || mf == Infinity || mf == -Infinity) return mf;
  const sz = <usize>sizeof<T>();
  let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
  let i: u32 = 0;
  for (; i + 4 <= n; i += 4) {
    const q = p + <usize>i * sz;
    s0 += Math.exp(<f64>load<T>(q) - mf); s1 += Math.exp(<f64>load<T>(q + sz) - mf);
    s2 += Math.exp(<f64>load<T>(q + 2 * sz) - mf); s3 += Math.exp(<f64>load<T>(q + 3 * sz) - mf);
  }
  const q = p + <usize>i * sz, r = n - i;
  if (r > 0) s0 += Math.exp(<f64>load<T>(q) - mf);
  if (r > 1) s1 += Math.exp(<f64>load<T>(q + sz) - mf);
  if (r > 2) s2 += Math.exp(<f64>load<T>(q + 2 * sz) - mf);
  return mf + Math.log((s0 + s1) + (s2 + s3));
}

/**
 * Reduces `outer` contiguous rows of n values (a [outer, n] -> out [outer]). The op is
 * dispatched once, outside the row loop: many short rows (a softmax axis of 3) cost a few
 * instructions each.
 */
function contigRows<T>(op: i32, a: usize, out: usize, outer: u32, n: u32): void {
  const sz = <usize>sizeof<T>();
  const rb = <usize>n * sz;
  switch (op) {
    case Red.Sum:
    case Red.Prod: {
      const prod = op == Red.Prod;
      for (let o: u32 = 0; o < outer; o++) {
        const s = sz == 4 ? contigSum<f32>(a + <usize>o * rb, n, prod) : contigSum<f64>(a + <usize>o * rb, n, prod);
        store<T>(out + <usize>o * sz, <T>s);
      }
      break;
    }
    case Red.Max:
    case Red.Min: {
      const isMax = op == Red.Max;
      for (let o: u32 = 0; o < outer; o++) store<T>(out + <usize>o * sz, contigMax<T>(a + <usize>o * rb, n, isMax));
      break;
    }
    case Red.ArgMax:
    case Red.ArgMin: {
      const isMax = op == Red.ArgMax;
      for (let o: u32 = 0; o < outer; o++) {
        const p = a + <usize>o * rb;
        store<i32>(out + (<usize>o << 2), n == 0 ? -1 : contigFind<T>(p, n, contigMax<T>(p, n, isMax)));
      }
      break;
    }
    default: { // LogSumExp
      for (let o: u32 = 0; o < outer; o++) {
        const p = a + <usize>o * rb;
        store<T>(out + <usize>o * sz, <T>contigLse<T>(p, n, contigMax<T>(p, n, true)));
      }
    }
  }
}

// ---------------------------------------------------------------- strided (inner > 1)

/** dst[j] = max/min over the n rows (stride `rs` bytes) of column j, j < w. */
function rowsMax<T>(src: usize, n: u32, rs: usize, w: u32, dst: usize, isMax: bool): void {
  const sz = <usize>sizeof<T>();
  const fill = <T>(isMax ? -Infinity : Infinity);
  if (n == 0) { for (let j: u32 = 0; j < w; j++) store<T>(dst + <usize>j * sz, fill); return; }
  memory.copy(dst, src, <usize>w * sz);
  for (let i: u32 = 1; i < n; i++) {
    const row = src + <usize>i * rs;
    let j: u32 = 0;
    if (ASC_FEATURE_SIMD && w >= 4) j = sz == 4 ? rowsMaxSimdF32(row, dst, w, isMax) : rowsMaxSimdF64(row, dst, w, isMax);
    for (; j < w; j++) {
      const d = dst + <usize>j * sz;
      store<T>(d, mm<T>(isMax, load<T>(d), load<T>(row + <usize>j * sz)));
    }
  }
}

function stridedBlock<T>(op: i32, src: usize, n: u32, rs: usize, w: u32, dst: usize): void {
  const sz = <usize>sizeof<T>();
  if (op == Red.Max || op == Red.Min) { rowsMax<T>(src, n, rs, w, dst, op == Red.Max); return; }
  if (op == Red.Sum || op == Red.Prod) {
    const prod = op == Red.Prod;
    const init: f64 = prod ? 1 : 0;
    for (let j: u32 = 0; j < w; j++) store<f64>(RACC + (<usize>j << 3), init);
    for (let i: u32 = 0; i < n; i++) {
      const row = src + <usize>i * rs;
      let j: u32 = 0;
      if (ASC_FEATURE_SIMD && w >= 4) j = sz == 4 ? rowsAccSimdF32(row, RACC, w, prod) : rowsAccSimdF64(row, RACC, w, prod);
      for (; j < w; j++) {
        const d = RACC + (<usize>j << 3), x = <f64>load<T>(row + <usize>j * sz);
        store<f64>(d, prod ? load<f64>(d) * x : load<f64>(d) + x);
      }
    }
    for (let j: u32 = 0; j < w; j++) store<T>(dst + <usize>j * sz, <T>load<f64>(RACC + (<usize>j << 3)));
    return;
  }
  if (op == Red.ArgMax || op == Red.ArgMin) {
    const isMax = op == Red.ArgMax;
    if (n == 0) { for (let j: u32 = 0; j < w; j++) store<i32>(dst + (<usize>j << 2), -1); return; }
    memory.copy(RAUX, src, <usize>w * sz);
    memory.fill(dst, 0, <usize>w << 2);
    for (let i: u32 = 1; i < n; i++) {
      const row = src + <usize>i * rs;
      let j: u32 = 0;
      if (ASC_FEATURE_SIMD && w >= 4) j = sz == 4 ? rowsArgSimdF32(row, RAUX, dst, w, i, isMax) : rowsArgSimdF64(row, RAUX, dst, w, i, isMax);
      for (; j < w; j++) {
        const b = RAUX + <usize>j * sz;
        const x = load<T>(row + <usize>j * sz), best = load<T>(b);
        const better = isMax ? x > best : x < best;
        if (better || (x != x && best == best)) { store<T>(b, x); store<i32>(dst + (<usize>j << 2), <i32>i); }
      }
    }
    return;
  }
  // LogSumExp: pass 1 max into RAUX (input dtype), pass 2 sums of exp in RACC (f64).
  rowsMax<T>(src, n, rs, w, RAUX, true);
  for (let j: u32 = 0; j < w; j++) store<f64>(RACC + (<usize>j << 3), 0);
  for (let i: u32 = 0; i < n; i++) {
    const row = src + <usize>i * rs;
    for (let j: u32 = 0; j < w; j++) {
      const d = RACC + (<usize>j << 3);
      store<f64>(d, load<f64>(d) + Math.exp(<f64>load<T>(row + <usize>j * sz) - <f64>load<T>(RAUX + <usize>j * sz)));
    }
  }
  for (let j: u32 = 0; j < w; j++) {
    const m = <f64>load<T>(RAUX + <usize>j * sz);
    const r = (m != m || m == Infinity || m == -Infinity) ? m : m + Math.log(load<f64>(RACC + (<usize>j << 3)));
    store<T>(dst + <usize>j * sz, <T>r);
  }
}

function reduce<T>(op: i32, a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  const sz = <usize>sizeof<T>();
  const osz: usize = (op == Red.ArgMax || op == Red.ArgMin) ? 4 : sz;
  const rs = <usize>inner * sz; // bytes between consecutive elements of the reduced axis
  if (inner == 1) { contigRows<T>(op, a, out, outer, n); return; }
  for (let o: u32 = 0; o < outer; o++) {
    const src = a + <usize>o * <usize>n * rs;
    const dst = out + <usize>o * <usize>inner * osz;
    for (let j0: u32 = 0; j0 < inner; j0 += RW) {
      const w = min(RW, inner - j0);
      stridedBlock<T>(op, src + <usize>j0 * sz, n, rs, w, dst + <usize>j0 * osz);
    }
  }
}

/** out[o, j] = op over i of a[o, i, j] (a viewed as [outer, n, inner]); see the contract above. */
export function reduceF32(op: i32, a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  reduce<f32>(op, a, out, outer, n, inner);
}

export function reduceF64(op: i32, a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  reduce<f64>(op, a, out, outer, n, inner);
}

// ---------------------------------------------------------------- scans

/** logaddexp as jnp.logaddexp: max(a,b) + log1p(exp(-|a-b|)), a+b where a-b is NaN. */
// @ts-ignore: decorator
@inline function logaddexp(x: f64, y: f64): f64 {
  const d = x - y;
  return d != d ? x + y : max(x, y) + Math.log1p(Math.exp(-abs(d)));
}

function scan<T>(lse: bool, a: usize, out: usize, outer: u32, n: u32, inner: u32, reverse: bool): void {
  if (n == 0) return;
  const sz = <usize>sizeof<T>();
  const rs = <usize>inner * sz;
  for (let o: u32 = 0; o < outer; o++) {
    const src = a + <usize>o * <usize>n * rs, dst = out + <usize>o * <usize>n * rs;
    if (inner == 1) { // same operations as below, accumulator in a register
      let acc: f64 = 0;
      for (let t: u32 = 0; t < n; t++) {
        const e = <usize>(reverse ? n - 1 - t : t) * sz;
        const x = load<T>(src + e);
        if (t == 0) { acc = <f64>x; store<T>(dst + e, x); continue; }
        acc = lse ? logaddexp(acc, <f64>x) : acc + <f64>x;
        store<T>(dst + e, <T>acc);
      }
      continue;
    }
    for (let j0: u32 = 0; j0 < inner; j0 += RW) {
      const w = min(RW, inner - j0);
      for (let t: u32 = 0; t < n; t++) {
        const i = reverse ? n - 1 - t : t;
        const row = src + <usize>i * rs + <usize>j0 * sz, orow = dst + <usize>i * rs + <usize>j0 * sz;
        if (t == 0) { // acc = x[first]
          for (let j: u32 = 0; j < w; j++) {
            const x = load<T>(row + <usize>j * sz);
            store<f64>(RACC + (<usize>j << 3), <f64>x);
            store<T>(orow + <usize>j * sz, x);
          }
          continue;
        }
        let j: u32 = 0;
        if (ASC_FEATURE_SIMD) {
          if (!lse) j = sz == 4 ? cumRowSimdF32(row, RACC, orow, w) : cumRowSimdF64(row, RACC, orow, w);
        }
        for (; j < w; j++) {
          const d = RACC + (<usize>j << 3), x = <f64>load<T>(row + <usize>j * sz);
          const acc = lse ? logaddexp(load<f64>(d), x) : load<f64>(d) + x;
          store<f64>(d, acc);
          store<T>(orow + <usize>j * sz, <T>acc);
        }
      }
    }
  }
}

/** Cumulative sum along the middle axis of [outer, n, inner]; reverse != 0 sums from the end. */
export function cumsumF32(a: usize, out: usize, outer: u32, n: u32, inner: u32, reverse: i32): void {
  scan<f32>(false, a, out, outer, n, inner, reverse != 0);
}

export function cumsumF64(a: usize, out: usize, outer: u32, n: u32, inner: u32, reverse: i32): void {
  scan<f64>(false, a, out, outer, n, inner, reverse != 0);
}

/** Cumulative logsumexp (jax.lax.cumlogsumexp) along the middle axis of [outer, n, inner]. */
export function cumLogSumExpF32(a: usize, out: usize, outer: u32, n: u32, inner: u32, reverse: i32): void {
  scan<f32>(true, a, out, outer, n, inner, reverse != 0);
}

export function cumLogSumExpF64(a: usize, out: usize, outer: u32, n: u32, inner: u32, reverse: i32): void {
  scan<f64>(true, a, out, outer, n, inner, reverse != 0);
}

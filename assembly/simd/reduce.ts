/**
 * v128 bodies of the reductions (contract in ../kernels/reduce.ts). Contiguous sum/prod
 * bodies hold the four partial accumulators of the scalar loop in lanes (element i ->
 * partial i % 4) and hand them back through `slot` (max/min fold more lanes, exactly); strided bodies run one column per lane, sequentially
 * over rows, exactly the scalar order. Each returns how many elements/columns it handled.
 */

/** Sum/prod of the first n & ~3 f32 values into f64 partials s0..s3 (stored at slot). */
export function contigSumSimdF32(p: usize, n: u32, prod: bool, slot: usize): u32 {
  const n4 = n & ~3;
  let a01 = f64x2.splat(prod ? 1 : 0), a23 = a01;
  if (prod) {
    for (let i: u32 = 0; i < n4; i += 4) {
      const x = v128.load(p + (<usize>i << 2));
      a01 = f64x2.mul(a01, f64x2.promote_low_f32x4(x));
      a23 = f64x2.mul(a23, f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1)));
    }
  } else {
    for (let i: u32 = 0; i < n4; i += 4) {
      const x = v128.load(p + (<usize>i << 2));
      a01 = f64x2.add(a01, f64x2.promote_low_f32x4(x));
      a23 = f64x2.add(a23, f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1)));
    }
  }
  v128.store(slot, a01);
  v128.store(slot, a23, 16);
  return n4;
}

export function contigSumSimdF64(p: usize, n: u32, prod: bool, slot: usize): u32 {
  const n4 = n & ~3;
  let a01 = f64x2.splat(prod ? 1 : 0), a23 = a01;
  if (prod) {
    for (let i: u32 = 0; i < n4; i += 4) {
      const q = p + (<usize>i << 3);
      a01 = f64x2.mul(a01, v128.load(q));
      a23 = f64x2.mul(a23, v128.load(q, 16));
    }
  } else {
    for (let i: u32 = 0; i < n4; i += 4) {
      const q = p + (<usize>i << 3);
      a01 = f64x2.add(a01, v128.load(q));
      a23 = f64x2.add(a23, v128.load(q, 16));
    }
  }
  v128.store(slot, a01);
  v128.store(slot, a23, 16);
  return n4;
}

/**
 * Max/min of the first n & ~3 f32 values, folded into partials s0..s3 (f32, stored at
 * slot). Max/min are exact and order-free (NaN if any NaN, -0 < +0), so the SIMD body may
 * use four vector accumulators and fold them: the result equals the scalar partials'.
 */
export function contigMaxSimdF32(p: usize, n: u32, isMax: bool, slot: usize): u32 {
  const n4 = n & ~3, n16 = n & ~15;
  let a = f32x4.splat(isMax ? -Infinity : Infinity), b = a, c = a, d = a;
  let i: u32 = 0;
  if (isMax) {
    for (; i < n16; i += 16) {
      const q = p + (<usize>i << 2);
      a = f32x4.max(a, v128.load(q)); b = f32x4.max(b, v128.load(q, 16));
      c = f32x4.max(c, v128.load(q, 32)); d = f32x4.max(d, v128.load(q, 48));
    }
    for (; i < n4; i += 4) a = f32x4.max(a, v128.load(p + (<usize>i << 2)));
    a = f32x4.max(f32x4.max(a, b), f32x4.max(c, d));
  } else {
    for (; i < n16; i += 16) {
      const q = p + (<usize>i << 2);
      a = f32x4.min(a, v128.load(q)); b = f32x4.min(b, v128.load(q, 16));
      c = f32x4.min(c, v128.load(q, 32)); d = f32x4.min(d, v128.load(q, 48));
    }
    for (; i < n4; i += 4) a = f32x4.min(a, v128.load(p + (<usize>i << 2)));
    a = f32x4.min(f32x4.min(a, b), f32x4.min(c, d));
  }
  v128.store(slot, a);
  return n4;
}

export function contigMaxSimdF64(p: usize, n: u32, isMax: bool, slot: usize): u32 {
  const n4 = n & ~3, n8 = n & ~7;
  let a = f64x2.splat(isMax ? -Infinity : Infinity), b = a, c = a, d = a;
  let i: u32 = 0;
  if (isMax) {
    for (; i < n8; i += 8) {
      const q = p + (<usize>i << 3);
      a = f64x2.max(a, v128.load(q)); b = f64x2.max(b, v128.load(q, 16));
      c = f64x2.max(c, v128.load(q, 32)); d = f64x2.max(d, v128.load(q, 48));
    }
    if (i < n4) { const q = p + (<usize>i << 3); a = f64x2.max(a, v128.load(q)); b = f64x2.max(b, v128.load(q, 16)); }
    a = f64x2.max(a, c); b = f64x2.max(b, d);
  } else {
    for (; i < n8; i += 8) {
      const q = p + (<usize>i << 3);
      a = f64x2.min(a, v128.load(q)); b = f64x2.min(b, v128.load(q, 16));
      c = f64x2.min(c, v128.load(q, 32)); d = f64x2.min(d, v128.load(q, 48));
    }
    if (i < n4) { const q = p + (<usize>i << 3); a = f64x2.min(a, v128.load(q)); b = f64x2.min(b, v128.load(q, 16)); }
    a = f64x2.min(a, c); b = f64x2.min(b, d);
  }
  v128.store(slot, a);
  v128.store(slot, b, 16);
  return n4;
}

/** First index < n & ~3 holding v (v NaN: a NaN), or -1. */
export function findSimdF32(p: usize, n: u32, v: f32): i32 {
  const n4 = n & ~3;
  const isnan = v != v;
  const vv = f32x4.splat(v);
  for (let i: u32 = 0; i < n4; i += 4) {
    const x = v128.load(p + (<usize>i << 2));
    const m = isnan ? f32x4.ne(x, x) : f32x4.eq(x, vv);
    if (v128.any_true(m)) return <i32>(i + ctz(i32x4.bitmask(m)));
  }
  return -1;
}

export function findSimdF64(p: usize, n: u32, v: f64): i32 {
  const n4 = n & ~3; // the caller's scalar loop resumes at n & ~3
  const isnan = v != v;
  const vv = f64x2.splat(v);
  for (let i: u32 = 0; i < n4; i += 2) {
    const x = v128.load(p + (<usize>i << 3));
    const m = isnan ? f64x2.ne(x, x) : f64x2.eq(x, vv);
    if (v128.any_true(m)) return <i32>(i + ctz(i64x2.bitmask(m)));
  }
  return -1;
}

/** acc[j] (f64) += or *= row[j] (f32) for j < w & ~3. */
export function rowsAccSimdF32(row: usize, acc: usize, w: u32, prod: bool): u32 {
  const w4 = w & ~3;
  for (let j: u32 = 0; j < w4; j += 4) {
    const x = v128.load(row + (<usize>j << 2));
    const d = acc + (<usize>j << 3);
    const lo = f64x2.promote_low_f32x4(x), hi = f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1));
    if (prod) {
      v128.store(d, f64x2.mul(v128.load(d), lo));
      v128.store(d, f64x2.mul(v128.load(d, 16), hi), 16);
    } else {
      v128.store(d, f64x2.add(v128.load(d), lo));
      v128.store(d, f64x2.add(v128.load(d, 16), hi), 16);
    }
  }
  return w4;
}

export function rowsAccSimdF64(row: usize, acc: usize, w: u32, prod: bool): u32 {
  const w2 = w & ~1;
  for (let j: u32 = 0; j < w2; j += 2) {
    const o = <usize>j << 3;
    const x = v128.load(row + o), a = v128.load(acc + o);
    v128.store(acc + o, prod ? f64x2.mul(a, x) : f64x2.add(a, x));
  }
  return w2;
}

/** dst[j] = max/min(dst[j], row[j]) for j < w & ~3 (f32). */
export function rowsMaxSimdF32(row: usize, dst: usize, w: u32, isMax: bool): u32 {
  const w4 = w & ~3;
  for (let j: u32 = 0; j < w4; j += 4) {
    const o = <usize>j << 2;
    const x = v128.load(row + o), a = v128.load(dst + o);
    v128.store(dst + o, isMax ? f32x4.max(a, x) : f32x4.min(a, x));
  }
  return w4;
}

export function rowsMaxSimdF64(row: usize, dst: usize, w: u32, isMax: bool): u32 {
  const w2 = w & ~1;
  for (let j: u32 = 0; j < w2; j += 2) {
    const o = <usize>j << 3;
    const x = v128.load(row + o), a = v128.load(dst + o);
    v128.store(dst + o, isMax ? f64x2.max(a, x) : f64x2.min(a, x));
  }
  return w2;
}

/** Arg step for row i: where x beats best (strictly, or x NaN and best not), take x and i. */
export function rowsArgSimdF32(row: usize, best: usize, idx: usize, w: u32, i: u32, isMax: bool): u32 {
  const w4 = w & ~3;
  const vi = i32x4.splat(<i32>i);
  for (let j: u32 = 0; j < w4; j += 4) {
    const o = <usize>j << 2;
    const x = v128.load(row + o), b = v128.load(best + o);
    const better = isMax ? f32x4.gt(x, b) : f32x4.lt(x, b);
    const take = v128.or(better, v128.and(f32x4.ne(x, x), f32x4.eq(b, b)));
    v128.store(best + o, v128.bitselect(x, b, take));
    v128.store(idx + o, v128.bitselect(vi, v128.load(idx + o), take));
  }
  return w4;
}

export function rowsArgSimdF64(row: usize, best: usize, idx: usize, w: u32, i: u32, isMax: bool): u32 {
  const w2 = w & ~1;
  const vi = i32x4.splat(<i32>i);
  for (let j: u32 = 0; j < w2; j += 2) {
    const o = <usize>j << 3;
    const x = v128.load(row + o), b = v128.load(best + o);
    const better = isMax ? f64x2.gt(x, b) : f64x2.lt(x, b);
    const take = v128.or(better, v128.and(f64x2.ne(x, x), f64x2.eq(b, b)));
    v128.store(best + o, v128.bitselect(x, b, take));
    const t32 = i32x4.shuffle(take, take, 0, 2, 0, 2); // 64-bit lane masks -> 32-bit
    const q = idx + (<usize>j << 2);
    v128.store64_lane(q, v128.bitselect(vi, v128.load64_zero(q), t32), 0);
  }
  return w2;
}

/** Scan step: acc[j] (f64) += row[j]; out[j] = acc[j] rounded, for j < w & ~3 (f32). */
export function cumRowSimdF32(row: usize, acc: usize, orow: usize, w: u32): u32 {
  const w4 = w & ~3;
  for (let j: u32 = 0; j < w4; j += 4) {
    const x = v128.load(row + (<usize>j << 2));
    const d = acc + (<usize>j << 3);
    const lo = f64x2.add(v128.load(d), f64x2.promote_low_f32x4(x));
    const hi = f64x2.add(v128.load(d, 16), f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1)));
    v128.store(d, lo);
    v128.store(d, hi, 16);
    const l32 = f32x4.demote_f64x2_zero(lo), h32 = f32x4.demote_f64x2_zero(hi);
    v128.store(orow + (<usize>j << 2), i32x4.shuffle(l32, h32, 0, 1, 4, 5));
  }
  return w4;
}

export function cumRowSimdF64(row: usize, acc: usize, orow: usize, w: u32): u32 {
  const w2 = w & ~1;
  for (let j: u32 = 0; j < w2; j += 2) {
    const o = <usize>j << 3;
    const s = f64x2.add(v128.load(acc + o), v128.load(row + o));
    v128.store(acc + o, s);
    v128.store(orow + o, s);
  }
  return w2;
}

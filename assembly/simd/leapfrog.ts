/**
 * v128 bodies of the leapfrog integrator kernels (contract in ../integrators/leapfrog.ts).
 * Elementwise kernels do the scalar loop's IEEE operations lane for lane; the row
 * reductions keep the scalar loop's four accumulators as the four f32 lanes (two f64x2
 * for float64) and combine them as (a0 + a1) + (a2 + a3), so results equal the scalar
 * build bit for bit. Elementwise bodies return how many elements they handled (the caller
 * finishes the tail); row reductions cover the first `d4` (a multiple of 4) elements.
 * Only referenced from inside `if (ASC_FEATURE_SIMD)` guards.
 */

export function momentumSimdF32(p: usize, g: usize, eps: usize, scale: f32, n: u32): u32 {
  const n4 = n & ~3;
  const s = f32x4.splat(scale);
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(p + o, f32x4.add(v128.load(p + o), f32x4.mul(f32x4.mul(s, v128.load(eps + o)), v128.load(g + o))));
  }
  return n4;
}

export function momentumSimdF64(p: usize, g: usize, eps: usize, scale: f64, n: u32): u32 {
  const n2 = n & ~1;
  const s = f64x2.splat(scale);
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    v128.store(p + o, f64x2.add(v128.load(p + o), f64x2.mul(f64x2.mul(s, v128.load(eps + o)), v128.load(g + o))));
  }
  return n2;
}

export function positionSimdF32(q: usize, p: usize, eps: usize, w: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(q + o, f32x4.add(v128.load(q + o), f32x4.mul(v128.load(eps + o), f32x4.mul(v128.load(w + o), v128.load(p + o)))));
  }
  return n4;
}

export function positionSimdF64(q: usize, p: usize, eps: usize, w: usize, n: u32): u32 {
  const n2 = n & ~1;
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    v128.store(q + o, f64x2.add(v128.load(q + o), f64x2.mul(v128.load(eps + o), f64x2.mul(v128.load(w + o), v128.load(p + o)))));
  }
  return n2;
}

export function drawSimdF32(z: usize, w: usize, out: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, f32x4.div(v128.load(z + o), f32x4.sqrt(v128.load(w + o))));
  }
  return n4;
}

export function drawSimdF64(z: usize, w: usize, out: usize, n: u32): u32 {
  const n2 = n & ~1;
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    v128.store(out + o, f64x2.div(v128.load(z + o), f64x2.sqrt(v128.load(w + o))));
  }
  return n2;
}

export function accumulateSimdF32(dst: usize, src: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  return n4;
}

export function accumulateSimdF64(dst: usize, src: usize, n: u32): u32 {
  const n2 = n & ~1;
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    v128.store(dst + o, f64x2.add(v128.load(dst + o), v128.load(src + o)));
  }
  return n2;
}

// @ts-ignore: decorator
@inline function sum4F32(a: v128): f32 {
  return (f32x4.extract_lane(a, 0) + f32x4.extract_lane(a, 1)) + (f32x4.extract_lane(a, 2) + f32x4.extract_lane(a, 3));
}

// @ts-ignore: decorator
@inline function sum4F64(a: v128, b: v128): f64 {
  return (f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1)) + (f64x2.extract_lane(b, 0) + f64x2.extract_lane(b, 1));
}

/** Sum over the first d4 elements of x * (w * x), four lanes. */
export function kineticRowSimdF32(p: usize, w: usize, d4: u32): f32 {
  let acc = f32x4.splat(0);
  for (let j: u32 = 0; j < d4; j += 4) {
    const o = <usize>j << 2;
    const x = v128.load(p + o);
    acc = f32x4.add(acc, f32x4.mul(x, f32x4.mul(v128.load(w + o), x)));
  }
  return sum4F32(acc);
}

export function kineticRowSimdF64(p: usize, w: usize, d4: u32): f64 {
  let a = f64x2.splat(0), b = f64x2.splat(0);
  for (let j: u32 = 0; j < d4; j += 4) {
    const o = <usize>j << 3;
    const x = v128.load(p + o), y = v128.load(p + o + 16);
    a = f64x2.add(a, f64x2.mul(x, f64x2.mul(v128.load(w + o), x)));
    b = f64x2.add(b, f64x2.mul(y, f64x2.mul(v128.load(w + o + 16), y)));
  }
  return sum4F64(a, b);
}

/** U-turn dot products of one row over its first d4 elements; writes the partial sums to outL/outR. */
export function uturnRowSimdF32(r: usize, q: usize, w: usize, a: usize, b: usize, d4: u32, outL: usize, outR: usize): void {
  let l = f32x4.splat(0), rr = f32x4.splat(0);
  for (let j: u32 = 0; j < d4; j += 4) {
    const o = <usize>j << 2;
    const s = q ? f32x4.sub(v128.load(r + o), v128.load(q + o)) : v128.load(r + o);
    const ww = v128.load(w + o);
    l = f32x4.add(l, f32x4.mul(s, f32x4.mul(ww, v128.load(a + o))));
    rr = f32x4.add(rr, f32x4.mul(s, f32x4.mul(ww, v128.load(b + o))));
  }
  store<f32>(outL, sum4F32(l));
  store<f32>(outR, sum4F32(rr));
}

export function uturnRowSimdF64(r: usize, q: usize, w: usize, a: usize, b: usize, d4: u32, outL: usize, outR: usize): void {
  let l0 = f64x2.splat(0), l1 = f64x2.splat(0), r0 = f64x2.splat(0), r1 = f64x2.splat(0);
  for (let j: u32 = 0; j < d4; j += 4) {
    const o = <usize>j << 3;
    const s0 = q ? f64x2.sub(v128.load(r + o), v128.load(q + o)) : v128.load(r + o);
    const s1 = q ? f64x2.sub(v128.load(r + o + 16), v128.load(q + o + 16)) : v128.load(r + o + 16);
    const w0 = v128.load(w + o), w1 = v128.load(w + o + 16);
    l0 = f64x2.add(l0, f64x2.mul(s0, f64x2.mul(w0, v128.load(a + o))));
    l1 = f64x2.add(l1, f64x2.mul(s1, f64x2.mul(w1, v128.load(a + o + 16))));
    r0 = f64x2.add(r0, f64x2.mul(s0, f64x2.mul(w0, v128.load(b + o))));
    r1 = f64x2.add(r1, f64x2.mul(s1, f64x2.mul(w1, v128.load(b + o + 16))));
  }
  store<f64>(outL, sum4F64(l0, l1));
  store<f64>(outR, sum4F64(r0, r1));
}

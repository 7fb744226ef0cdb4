/**
 * Leapfrog (Störmer–Verlet) integrator kernels for HMC and NUTS over linear memory.
 *
 * The integrator state of a transition (positions q, momenta p, gradients g of the target
 * log density) lives in linear memory as one flat vector per chain: `nChains` rows of `d`
 * elements (all state parts of a chain, concatenated), `n = nChains * d` elements in all.
 * Per-element coefficient vectors (step size `eps`, with its sign for the direction of
 * integration, and the diagonal inverse mass matrix `invMass`) have the same layout; the
 * TypeScript side (wrapper/mcmc/leapfrog.ts) materializes them, so the kernels are flat
 * loops without shape logic. One leapfrog step of TFP's `SimpleLeapfrogIntegrator` is
 *   p += (0.5 eps) g(q);  q += eps (invMass p);  g = grad log p(q);  p += eps g;  p -= (0.5 eps) g
 * (TFP keeps full momentum steps between position steps and takes the last half step back).
 *
 * Kernels (F32: every operation in f32; F64: in f64; pointers are byte offsets):
 *   leapfrogMomentum(p, g, eps, scale, n)      p[i] = p[i] + (scale * eps[i]) * g[i]
 *   leapfrogPosition(q, p, eps, invMass, n)    q[i] = q[i] + eps[i] * (invMass[i] * p[i])
 *   leapfrogKinetic(p, invMass, out, nChains, d)
 *                                              out[c] = 0.5 * sum_j p[c,j] * (invMass[j'] * p[c,j])
 *   leapfrogMomentumDraw(z, invMass, out, n)   out[i] = z[i] / sqrt(invMass[i])   (p ~ N(0, M))
 *   leapfrogUturnDots(rho, rhoPrev, invMass, pl, pr, outL, outR, nChains, d)
 *                                              s = rho - rhoPrev (rho when rhoPrev = 0),
 *                                              outL[c] = sum_j s * (invMass * pl),
 *                                              outR[c] = sum_j s * (invMass * pr)
 *   leapfrogAccumulate(dst, src, n)            dst[i] = dst[i] + src[i]
 * `invMass` in the reductions has the full `n` layout (j' = c*d + j). `scale` is a small
 * exact constant (+-0.5, +-1), so the product scale*eps is exact and the sign of the
 * direction can live either in `eps` or in `scale`. Outputs may alias inputs only where
 * the formula reads an element before writing it (p, q and dst in place).
 *
 * Reductions (kinetic energy, U-turn dot products) sum each chain's row with four
 * accumulators (element j goes to accumulator j mod 4 for j < d & ~3), combined as
 * (a0 + a1) + (a2 + a3), then add the tail elements in order. The SIMD build keeps the four
 * accumulators in one f32x4 (two f64x2 for F64) and does the same additions in the same
 * order, so both builds agree bit for bit (tests-ts/mcmc-integrator.test.ts).
 * Numerics: IEEE arithmetic only (no fused multiply-add: AssemblyScript does not contract);
 * NaN and inf propagate (a NaN gradient makes the momentum NaN; the samplers treat the
 * resulting NaN energy as a divergence / rejection). sqrt(invMass) of a non-positive mass
 * gives inf or NaN momenta: the wrapper validates invMass > 0.
 */
import {
  momentumSimdF32, momentumSimdF64, positionSimdF32, positionSimdF64, drawSimdF32, drawSimdF64,
  accumulateSimdF32, accumulateSimdF64, kineticRowSimdF32, kineticRowSimdF64, uturnRowSimdF32, uturnRowSimdF64,
} from "../simd/leapfrog";

export function leapfrogMomentumF32(p: usize, g: usize, eps: usize, scale: f32, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = momentumSimdF32(p, g, eps, scale, n);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(p + o, load<f32>(p + o) + (scale * load<f32>(eps + o)) * load<f32>(g + o));
  }
}

export function leapfrogMomentumF64(p: usize, g: usize, eps: usize, scale: f64, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = momentumSimdF64(p, g, eps, scale, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(p + o, load<f64>(p + o) + (scale * load<f64>(eps + o)) * load<f64>(g + o));
  }
}

export function leapfrogPositionF32(q: usize, p: usize, eps: usize, invMass: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = positionSimdF32(q, p, eps, invMass, n);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(q + o, load<f32>(q + o) + load<f32>(eps + o) * (load<f32>(invMass + o) * load<f32>(p + o)));
  }
}

export function leapfrogPositionF64(q: usize, p: usize, eps: usize, invMass: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = positionSimdF64(q, p, eps, invMass, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(q + o, load<f64>(q + o) + load<f64>(eps + o) * (load<f64>(invMass + o) * load<f64>(p + o)));
  }
}

export function leapfrogMomentumDrawF32(z: usize, invMass: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = drawSimdF32(z, invMass, out, n);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(z + o) / Mathf.sqrt(load<f32>(invMass + o)));
  }
}

export function leapfrogMomentumDrawF64(z: usize, invMass: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = drawSimdF64(z, invMass, out, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, load<f64>(z + o) / Math.sqrt(load<f64>(invMass + o)));
  }
}

export function leapfrogAccumulateF32(dst: usize, src: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = accumulateSimdF32(dst, src, n);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

export function leapfrogAccumulateF64(dst: usize, src: usize, n: u32): void {
  let i: u32 = 0;
  if (ASC_FEATURE_SIMD) i = accumulateSimdF64(dst, src, n);
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(dst + o, load<f64>(dst + o) + load<f64>(src + o));
  }
}

// ---- reductions: one row (chain) of d elements, four accumulators ----

// @ts-ignore: decorator
@inline function kineticTerm32(p: usize, w: usize, o: usize): f32 {
  const x = load<f32>(p + o);
  return x * (load<f32>(w + o) * x);
}

// @ts-ignore: decorator
@inline function kineticTerm64(p: usize, w: usize, o: usize): f64 {
  const x = load<f64>(p + o);
  return x * (load<f64>(w + o) * x);
}

function kineticRowF32(p: usize, w: usize, d: u32): f32 {
  const d4 = d & ~3;
  let s: f32;
  if (ASC_FEATURE_SIMD) {
    s = kineticRowSimdF32(p, w, d4);
  } else {
    let a0: f32 = 0, a1: f32 = 0, a2: f32 = 0, a3: f32 = 0;
    for (let j: u32 = 0; j < d4; j += 4) {
      const o = <usize>j << 2;
      a0 += kineticTerm32(p, w, o);
      a1 += kineticTerm32(p, w, o + 4);
      a2 += kineticTerm32(p, w, o + 8);
      a3 += kineticTerm32(p, w, o + 12);
    }
    s = (a0 + a1) + (a2 + a3);
  }
  for (let j = d4; j < d; j++) s += kineticTerm32(p, w, <usize>j << 2);
  return s;
}

function kineticRowF64(p: usize, w: usize, d: u32): f64 {
  const d4 = d & ~3;
  let s: f64;
  if (ASC_FEATURE_SIMD) {
    s = kineticRowSimdF64(p, w, d4);
  } else {
    let a0: f64 = 0, a1: f64 = 0, a2: f64 = 0, a3: f64 = 0;
    for (let j: u32 = 0; j < d4; j += 4) {
      const o = <usize>j << 3;
      a0 += kineticTerm64(p, w, o);
      a1 += kineticTerm64(p, w, o + 8);
      a2 += kineticTerm64(p, w, o + 16);
      a3 += kineticTerm64(p, w, o + 24);
    }
    s = (a0 + a1) + (a2 + a3);
  }
  for (let j = d4; j < d; j++) s += kineticTerm64(p, w, <usize>j << 3);
  return s;
}

export function leapfrogKineticF32(p: usize, invMass: usize, out: usize, nChains: u32, d: u32): void {
  for (let c: u32 = 0; c < nChains; c++) {
    const row = <usize>(c * d) << 2;
    store<f32>(out + (<usize>c << 2), <f32>0.5 * kineticRowF32(p + row, invMass + row, d));
  }
}

export function leapfrogKineticF64(p: usize, invMass: usize, out: usize, nChains: u32, d: u32): void {
  for (let c: u32 = 0; c < nChains; c++) {
    const row = <usize>(c * d) << 3;
    store<f64>(out + (<usize>c << 3), 0.5 * kineticRowF64(p + row, invMass + row, d));
  }
}

// @ts-ignore: decorator
@inline function diff32(rho: usize, prev: usize, o: usize): f32 {
  return prev ? load<f32>(rho + o) - load<f32>(prev + o) : load<f32>(rho + o);
}

// @ts-ignore: decorator
@inline function diff64(rho: usize, prev: usize, o: usize): f64 {
  return prev ? load<f64>(rho + o) - load<f64>(prev + o) : load<f64>(rho + o);
}

export function leapfrogUturnDotsF32(
  rho: usize, prev: usize, w: usize, pl: usize, pr: usize, outL: usize, outR: usize, nChains: u32, d: u32,
): void {
  const d4 = d & ~3;
  for (let c: u32 = 0; c < nChains; c++) {
    const row = <usize>(c * d) << 2;
    const r = rho + row, q = prev ? prev + row : 0, ww = w + row, a = pl + row, b = pr + row;
    let sl: f32, sr: f32;
    if (ASC_FEATURE_SIMD) {
      uturnRowSimdF32(r, q, ww, a, b, d4, outL + (<usize>c << 2), outR + (<usize>c << 2));
      sl = load<f32>(outL + (<usize>c << 2));
      sr = load<f32>(outR + (<usize>c << 2));
    } else {
      let l0: f32 = 0, l1: f32 = 0, l2: f32 = 0, l3: f32 = 0;
      let r0: f32 = 0, r1: f32 = 0, r2: f32 = 0, r3: f32 = 0;
      for (let j: u32 = 0; j < d4; j += 4) {
        const o = <usize>j << 2;
        let s = diff32(r, q, o);
        l0 += s * (load<f32>(ww + o) * load<f32>(a + o)); r0 += s * (load<f32>(ww + o) * load<f32>(b + o));
        s = diff32(r, q, o + 4);
        l1 += s * (load<f32>(ww + o + 4) * load<f32>(a + o + 4)); r1 += s * (load<f32>(ww + o + 4) * load<f32>(b + o + 4));
        s = diff32(r, q, o + 8);
        l2 += s * (load<f32>(ww + o + 8) * load<f32>(a + o + 8)); r2 += s * (load<f32>(ww + o + 8) * load<f32>(b + o + 8));
        s = diff32(r, q, o + 12);
        l3 += s * (load<f32>(ww + o + 12) * load<f32>(a + o + 12)); r3 += s * (load<f32>(ww + o + 12) * load<f32>(b + o + 12));
      }
      sl = (l0 + l1) + (l2 + l3);
      sr = (r0 + r1) + (r2 + r3);
    }
    for (let j = d4; j < d; j++) {
      const o = <usize>j << 2;
      const s = diff32(r, q, o);
      sl += s * (load<f32>(ww + o) * load<f32>(a + o));
      sr += s * (load<f32>(ww + o) * load<f32>(b + o));
    }
    store<f32>(outL + (<usize>c << 2), sl);
    store<f32>(outR + (<usize>c << 2), sr);
  }
}

export function leapfrogUturnDotsF64(
  rho: usize, prev: usize, w: usize, pl: usize, pr: usize, outL: usize, outR: usize, nChains: u32, d: u32,
): void {
  const d4 = d & ~3;
  for (let c: u32 = 0; c < nChains; c++) {
    const row = <usize>(c * d) << 3;
    const r = rho + row, q = prev ? prev + row : 0, ww = w + row, a = pl + row, b = pr + row;
    let sl: f64, sr: f64;
    if (ASC_FEATURE_SIMD) {
      uturnRowSimdF64(r, q, ww, a, b, d4, outL + (<usize>c << 3), outR + (<usize>c << 3));
      sl = load<f64>(outL + (<usize>c << 3));
      sr = load<f64>(outR + (<usize>c << 3));
    } else {
      let l0: f64 = 0, l1: f64 = 0, l2: f64 = 0, l3: f64 = 0;
      let r0: f64 = 0, r1: f64 = 0, r2: f64 = 0, r3: f64 = 0;
      for (let j: u32 = 0; j < d4; j += 4) {
        const o = <usize>j << 3;
        let s = diff64(r, q, o);
        l0 += s * (load<f64>(ww + o) * load<f64>(a + o)); r0 += s * (load<f64>(ww + o) * load<f64>(b + o));
        s = diff64(r, q, o + 8);
        l1 += s * (load<f64>(ww + o + 8) * load<f64>(a + o + 8)); r1 += s * (load<f64>(ww + o + 8) * load<f64>(b + o + 8));
        s = diff64(r, q, o + 16);
        l2 += s * (load<f64>(ww + o + 16) * load<f64>(a + o + 16)); r2 += s * (load<f64>(ww + o + 16) * load<f64>(b + o + 16));
        s = diff64(r, q, o + 24);
        l3 += s * (load<f64>(ww + o + 24) * load<f64>(a + o + 24)); r3 += s * (load<f64>(ww + o + 24) * load<f64>(b + o + 24));
      }
      sl = (l0 + l1) + (l2 + l3);
      sr = (r0 + r1) + (r2 + r3);
    }
    for (let j = d4; j < d; j++) {
      const o = <usize>j << 3;
      const s = diff64(r, q, o);
      sl += s * (load<f64>(ww + o) * load<f64>(a + o));
      sr += s * (load<f64>(ww + o) * load<f64>(b + o));
    }
    store<f64>(outL + (<usize>c << 3), sl);
    store<f64>(outR + (<usize>c << 3), sr);
  }
}

/**
 * The sampling kernels composed as probasm's random.uniform / random.normal compose them
 * (assembly/random/{uniform,normal}.ts over the Threefry layouts): JAX's published float32
 * bit patterns (tests-ts/fixtures/golden/prng.json), which need XLA's exact erf_inv, log1p
 * and fused multiply-adds. Also: the vector path of the SIMD build agrees bit for bit with
 * the scalar per-element formula, and the build under test is the one the runner asked for.
 */
import { tfClassicU32, tfPartU32 } from "../assembly/random/threefry";
import { uniformF32, u01f32 } from "../assembly/random/uniform";
import { normalF32, normal32 } from "../assembly/random/normal";
import { simdBuild } from "../assembly/runtime";

/** 1 when scripts/test-as.mjs compiled this run with SIMD, 0 without, -1 when run by hand. */
@external("probasm_test", "expectSimd")
declare function expectSimd(): i32;

const BITS = memory.data(65536, 16);
const OUT = memory.data(65536, 16);

function outBits(i: i32): u32 {
  return load<u32>(OUT + (<usize>i << 2));
}
function normals(k0: u32, k1: u32, n: u32, partitionable: bool): void {
  if (partitionable) tfPartU32(k0, k1, BITS, n, 0); else tfClassicU32(k0, k1, BITS, n);
  normalF32(BITS, OUT, n);
}
function uniforms(k0: u32, k1: u32, n: u32, partitionable: bool): void {
  if (partitionable) tfPartU32(k0, k1, BITS, n, 0); else tfClassicU32(k0, k1, BITS, n);
  uniformF32(BITS, OUT, n, 0, 1);
}
/** First i where normalF32 differs from the scalar normal32 on the same words, or -1. */
function normalPathMismatch(n: u32): i32 {
  tfPartU32(0x243f6a88, 0x85a308d3, BITS, n, 0);
  normalF32(BITS, OUT, n);
  for (let i: u32 = 0; i < n; i++) {
    if (outBits(i) != reinterpret<u32>(<f32>normal32(load<u32>(BITS + (<usize>i << 2))))) return <i32>i;
  }
  return -1;
}

describe("the build under test", () => {
  it("is the one the runner compiled (ASC_FEATURE_SIMD and simdBuild agree with it)", () => {
    const want = expectSimd();
    const have: i32 = ASC_FEATURE_SIMD ? 1 : 0;
    expect<i32>(simdBuild()).toBe(have);
    if (want >= 0) expect<i32>(have).toBe(want);
  });
});

describe("uniformF32 over Threefry bits: JAX's random.uniform", () => {
  it("gives uniform(PRNGKey(0), [3]) bit for bit (classic layout)", () => {
    uniforms(0, 0, 3, false);
    expect<u32>(outBits(0)).toBe(0x3f771f4e);
    expect<u32>(outBits(1)).toBe(0x3ea11df4);
    expect<u32>(outBits(2)).toBe(0x3f220e40);
  });
  it("gives uniform(PRNGKey(0), [3]) bit for bit (partitionable layout)", () => {
    uniforms(0, 0, 3, true);
    expect<u32>(outBits(0)).toBe(0x3f729a4e);
    expect<u32>(outBits(1)).toBe(0x3f7a8436);
    expect<u32>(outBits(2)).toBe(0x3eaa221c);
  });
  it("maps words to [0, 1) as u01f32 does", () => {
    tfPartU32(1, 2, BITS, 1001, 0);
    uniformF32(BITS, OUT, 1001, 0, 1);
    let bad = -1;
    for (let i = 0; i < 1001; i++) {
      const u = u01f32(load<u32>(BITS + (<usize>i << 2)));
      if (outBits(i) != reinterpret<u32>(<f32>u) || !(u >= 0 && u < 1)) { bad = i; break; }
    }
    expect<i32>(bad).toBe(-1);
  });
});

describe("normalF32 over Threefry bits: JAX's random.normal", () => {
  it("gives normal(PRNGKey(7), [3]) bit for bit (classic layout)", () => {
    normals(0, 7, 3, false);
    expect<u32>(outBits(0)).toBe(0xbf416640);
    expect<u32>(outBits(1)).toBe(0xbe3ea03f);
    expect<u32>(outBits(2)).toBe(0xbdeeb061);
  });
  it("gives normal(PRNGKey(0), [5]) bit for bit (classic; element 3 needs XLA's FMA in erf_inv)", () => {
    normals(0, 0, 5, false);
    expect<u32>(outBits(0)).toBe(0x3e405a23);
    expect<u32>(outBits(1)).toBe(0xbfa44492);
    expect<u32>(outBits(2)).toBe(0xbe8acc88);
    expect<u32>(outBits(3)).toBe(0x3f9fe12e);
    expect<u32>(outBits(4)).toBe(0x3e7a565a);
  });
  it("gives normal(PRNGKey(7), [3]) bit for bit (partitionable layout)", () => {
    normals(0, 7, 3, true);
    expect<u32>(outBits(0)).toBe(0x3ee7084b);
    expect<u32>(outBits(1)).toBe(0x3ffa0aae);
    expect<u32>(outBits(2)).toBe(0xbf042845);
  });
  it("gives normal(PRNGKey(0), [5]) bit for bit (partitionable; element 0 needs XLA's log1p)", () => {
    normals(0, 0, 5, true);
    expect<u32>(outBits(0)).toBe(0x3fcfb2bd);
    expect<u32>(outBits(1)).toBe(0x40019df0);
    expect<u32>(outBits(2)).toBe(0xbede0017);
    expect<u32>(outBits(3)).toBe(0xbda10222);
    expect<u32>(outBits(4)).toBe(0x3e34512c);
  });
  it("matches the scalar per-element normal32 bit for bit for every length up to 33 and 10007", () => {
    for (let n: u32 = 1; n <= 33; n++) expect<i32>(normalPathMismatch(n)).toBe(-1);
    expect<i32>(normalPathMismatch(10007)).toBe(-1);
  });
});

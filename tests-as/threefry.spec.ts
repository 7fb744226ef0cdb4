/**
 * Threefry-2x32-20 and JAX's two counter layouts (assembly/random/threefry.ts).
 * Known answers: Random123's published vectors (tests-ts/fixtures/golden/prng.json,
 * "threefry2x32_20_known_answers") and JAX's published bits. The layout kernels are also
 * checked against their definition in terms of the one-block `threefry2x32`, for lengths
 * that do and do not fill the SIMD lanes, so the SIMD compile's vector path is covered.
 *
 * as-pect note: only primitives go to matchers (see as-pect.config.js).
 */
import { threefry2x32, tfClassicU32, tfClassicU64, tfPartU32, tfPartPairs } from "../assembly/random/threefry";

const OUT = memory.data(16384, 16);
const BLK = memory.data(16, 16);

function y0(k0: u32, k1: u32, x0: u32, x1: u32): u32 {
  threefry2x32(k0, k1, x0, x1, BLK);
  return load<u32>(BLK);
}
function y1(k0: u32, k1: u32, x0: u32, x1: u32): u32 {
  threefry2x32(k0, k1, x0, x1, BLK);
  return load<u32>(BLK, 4);
}
function word(i: i32): u32 {
  return load<u32>(OUT + (<usize>i << 2));
}

/** First index where tfClassicU32(k, n) differs from its definition, or -1. */
function classicMismatch(k0: u32, k1: u32, n: u32): i32 {
  tfClassicU32(k0, k1, OUT, n);
  const h = (n + 1) >>> 1;
  for (let j: u32 = 0; j < h; j++) {
    const second: u32 = j + h < n ? j + h : 0; // odd n: the last pair's counter is padded with 0
    if (word(j) != y0(k0, k1, j, second)) return <i32>j;
    if (j + h < n && word(j + h) != y1(k0, k1, j, j + h)) return <i32>(j + h);
  }
  return -1;
}
/** First index where tfPartU32(k, n, start) differs from y0 ^ y1 of counter (0, start + i), or -1. */
function partMismatch(k0: u32, k1: u32, n: u32, start: u32): i32 {
  tfPartU32(k0, k1, OUT, n, start);
  for (let i: u32 = 0; i < n; i++) {
    if (word(i) != (y0(k0, k1, 0, start + i) ^ y1(k0, k1, 0, start + i))) return <i32>i;
  }
  return -1;
}
/** First index where tfPartPairs(k, n, start, swap) differs from its definition, or -1. */
function pairsMismatch(k0: u32, k1: u32, n: u32, start: u32, swap: u32): i32 {
  tfPartPairs(k0, k1, OUT, n, start, swap);
  for (let i: u32 = 0; i < n; i++) {
    const a = y0(k0, k1, 0, start + i), b = y1(k0, k1, 0, start + i);
    if (word(2 * i) != (swap ? b : a) || word(2 * i + 1) != (swap ? a : b)) return <i32>i;
  }
  return -1;
}
/** First index where tfClassicU64(k, n) differs from (y0 << 32 | y1) of pair (i, i + n), or -1. */
function classic64Mismatch(k0: u32, k1: u32, n: u32): i32 {
  tfClassicU64(k0, k1, OUT, n);
  for (let i: u32 = 0; i < n; i++) {
    const want: u64 = (<u64>y0(k0, k1, i, i + n) << 32) | <u64>y1(k0, k1, i, i + n);
    if (load<u64>(OUT + (<usize>i << 3)) != want) return <i32>i;
  }
  return -1;
}

describe("threefry2x32: the Random123 Threefry-2x32-20 known answers", () => {
  it("hashes key (0, 0), counter (0, 0) to (0x6b200159, 0x99ba4efe)", () => {
    expect<u32>(y0(0, 0, 0, 0)).toBe(0x6b200159);
    expect<u32>(y1(0, 0, 0, 0)).toBe(0x99ba4efe);
  });
  it("hashes key (~0, ~0), counter (~0, ~0) to (0x1cb996fc, 0xbb002be7)", () => {
    expect<u32>(y0(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)).toBe(0x1cb996fc);
    expect<u32>(y1(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)).toBe(0xbb002be7);
  });
  it("hashes the pi-digits key and counter to (0xc4923a9c, 0x483df7a0)", () => {
    expect<u32>(y0(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3)).toBe(0xc4923a9c);
    expect<u32>(y1(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3)).toBe(0x483df7a0);
  });
});

describe("tfClassicU32: JAX's classic layout", () => {
  it("gives JAX's bits(PRNGKey(0), [3]) for key (0, 0), n = 3", () => {
    tfClassicU32(0, 0, OUT, 3);
    expect<u32>(word(0)).toBe(4146024105);
    expect<u32>(word(1)).toBe(1351547692);
    expect<u32>(word(2)).toBe(2718843009);
  });
  it("gives JAX's bits(PRNGKey(0), [2, 3]) for key (0, 0), n = 6", () => {
    tfClassicU32(0, 0, OUT, 6);
    expect<u32>(word(0)).toBe(2467461003);
    expect<u32>(word(1)).toBe(428148500);
    expect<u32>(word(2)).toBe(3186719485);
    expect<u32>(word(3)).toBe(3840466878);
    expect<u32>(word(4)).toBe(2562233961);
    expect<u32>(word(5)).toBe(1946702221);
  });
  it("gives JAX's split(PRNGKey(1), 3) keys for key (0, 1), n = 6", () => {
    tfClassicU32(0, 1, OUT, 6);
    expect<u32>(word(0)).toBe(3568232559);
    expect<u32>(word(1)).toBe(713140391);
    expect<u32>(word(2)).toBe(3620866055);
    expect<u32>(word(3)).toBe(2761185182);
    expect<u32>(word(4)).toBe(2442350529);
    expect<u32>(word(5)).toBe(2639019713);
  });
  it("hashes counter pair (j, j + ceil(n/2)) into elements j and j + ceil(n/2), for n = 1..64 and 1001", () => {
    for (let n: u32 = 1; n <= 64; n++) expect<i32>(classicMismatch(0x13198a2e, 0x03707344, n)).toBe(-1);
    expect<i32>(classicMismatch(7, 0xdeadbeef, 1001)).toBe(-1);
  });
  it("writes nothing past element n - 1", () => {
    for (let i = 0; i < 16; i++) store<u32>(OUT + (<usize>i << 2), 0xa5a5a5a5);
    tfClassicU32(3, 4, OUT, 9);
    for (let i = 9; i < 16; i++) expect<u32>(word(i)).toBe(0xa5a5a5a5);
  });
});

describe("tfPartU32: JAX's partitionable layout", () => {
  it("gives JAX's bits(PRNGKey(0), [2, 3]) for key (0, 0), n = 6", () => {
    tfPartU32(0, 0, OUT, 6, 0);
    expect<u32>(word(0)).toBe(4070199207);
    expect<u32>(word(1)).toBe(4202968722);
    expect<u32>(word(2)).toBe(1427181096);
    expect<u32>(word(3)).toBe(2012915765);
    expect<u32>(word(4)).toBe(2447653815);
    expect<u32>(word(5)).toBe(710830403);
  });
  it("stores y0 ^ y1 of counter (0, start + i), for n = 1..64 and several starts", () => {
    for (let n: u32 = 1; n <= 64; n++) expect<i32>(partMismatch(0x13198a2e, 0x03707344, n, 0)).toBe(-1);
    expect<i32>(partMismatch(1, 2, 37, 5)).toBe(-1);
    expect<i32>(partMismatch(1, 2, 37, 0xfffffffe)).toBe(-1); // the counter wraps mod 2^32
  });
  it("is prefix-stable: element i does not depend on n", () => {
    tfPartU32(9, 10, OUT, 3, 0);
    const a = word(0), b = word(1), c = word(2);
    tfPartU32(9, 10, OUT, 1000, 0);
    expect<u32>(word(0)).toBe(a);
    expect<u32>(word(1)).toBe(b);
    expect<u32>(word(2)).toBe(c);
  });
});

describe("tfPartPairs and tfClassicU64: key pairs and 64-bit words", () => {
  it("gives JAX's partitionable split(PRNGKey(1), 3) keys for key (0, 1)", () => {
    tfPartPairs(0, 1, OUT, 3, 0, 0);
    expect<u32>(word(0)).toBe(507451445);
    expect<u32>(word(1)).toBe(1853169794);
    expect<u32>(word(2)).toBe(1948878966);
    expect<u32>(word(3)).toBe(4237131848);
    expect<u32>(word(4)).toBe(2441914641);
    expect<u32>(word(5)).toBe(3819641963);
  });
  it("stores [y0, y1] (swap = 0) or [y1, y0] (swap = 1) of counter (0, start + i)", () => {
    for (let n: u32 = 1; n <= 24; n++) {
      expect<i32>(pairsMismatch(5, 6, n, 0, 0)).toBe(-1);
      expect<i32>(pairsMismatch(5, 6, n, 3, 1)).toBe(-1);
    }
  });
  it("tfClassicU64 stores (y0 << 32) | y1 of counter pair (i, i + n)", () => {
    for (let n: u32 = 1; n <= 24; n++) expect<i32>(classic64Mismatch(11, 12, n)).toBe(-1);
    expect<i32>(classic64Mismatch(0, 0, 333)).toBe(-1);
  });
});

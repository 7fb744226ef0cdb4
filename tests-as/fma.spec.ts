/**
 * Fused multiply-add emulation (assembly/special/fma.ts): fma32Exact, fma32Batch (the
 * SIMD build's f64x2 fast path plus midpoint/subnormal detection) and fma64, against exact
 * answers. Expected values were computed with exact rational arithmetic (Python
 * fractions) and are correctly rounded; rows are [a, b, c, fma(a, b, c)].
 */
import { fma32Exact, fma64, fma32Batch } from "../assembly/special/fma";

/** f32 double-rounding traps: fl32(fl64(a*b + c)) is wrong here, the FMA must not be. */
const MIDPOINT: StaticArray<f64> = [
  1.000244140625, 65520.00390625, 1099511627776.0, 1099511758848.0,
  -1.000244140625, 65520.00390625, -1099511627776.0, -1099511758848.0,
  1.0000056028366089, 0.9999943971633911, 21114106.0, 21114106.0,
  1.0004225969314575, 0.9995775818824768, 25101196.0, 25101198.0,
  1.0000224113464355, 0.9999775886535645, 23426954.0, 23426954.0,
  1.0000046491622925, 0.9999953508377075, 22231758.0, 22231758.0,
];
/** Results in or near the f32 subnormal range (first row: a tie that rounds to +0). */
const SUBNORMAL: StaticArray<f64> = [
  2.6469779601696886e-23, 2.6469779601696886e-23, 0.0, 0.0,
  2.6469779601696886e-23, 2.6469782757140506e-23, 0.0, 1.401298464324817e-45,
  2.481541837659083e-24, 4.235164736271502e-21, -7.174648137343064e-43, -7.062544260197078e-43,
];
/** Ordinary random f32 triples. */
const RANDOM32: StaticArray<f64> = [
  -1.4093378782272339, -2.7932066917419434, 4.8299031257629395, 8.766474723815918,
  -3.4205098152160645, 0.287056028842926, -4.297954559326172, -5.279832363128662,
  -3.536008596420288, 0.05948586389422417, -14.800138473510742, -15.010480880737305,
  -0.5308345556259155, -3.4411566257476807, -13.097183227539062, -11.270498275756836,
  -0.6038464903831482, 2.614816904067993, -12.038337707519531, -13.61728572845459,
  -2.214088201522827, 1.0194658041000366, 14.326685905456543, 12.069499015808105,
  0.6168236136436462, -0.8265562057495117, 15.240163803100586, 14.730324745178223,
  -3.6273386478424072, 2.8677477836608887, -6.7325029373168945, -17.134796142578125,
  -2.845959424972534, -3.057662010192871, -6.128581523895264, 2.5734004974365234,
  2.529010772705078, -2.5541889667510986, 2.6112053394317627, -3.8483660221099854,
  1.1113077402114868, -1.0208196640014648, 1.5278228521347046, 0.39337804913520813,
  -3.4976882934570312, -3.52319073677063, -9.409320831298828, 2.9137022495269775,
];
/** float64: cancellations where a*b + c without fusion gives 0 or loses all digits. */
const EXACT64: StaticArray<f64> = [
  1.0000000009313226, 0.9999999990686774, -1.0, -8.673617379884035e-19,
  0.1, 10.0, -1.0, 5.551115123125783e-17,
  1.0000000000000002, 1.0000000000000002, -1.0000000000000004, 4.930380657631324e-32,
  -524.0707458162173, 88.45845059190378, 46358.486175433965, -1.2055199074195044e-08,
  207.8400771923889, 251.4406082161081, -52259.435420891714, 4.540634224496137e-08,
  -973.6640168902517, 674.9381641929199, 657163.0041002943, -3.1628603523932783e-07,
  -531.3380779066073, 991.2896710209257, 526709.9484489004, -3.133098210306817e-08,
  672.9229025487775, -47.29358260133006, 31824.934876026244, 8.856362785795962e-09,
  -698.7671519529522, 269.721316570377, 188472.39620102168, 1.3874238929818788e-07,
  46.36242076660278, 482.50371240298045, -22370.040135882547, -7.670407377717196e-09,
  -871.9371235460054, 516.4604925736346, 450321.0763198901, 8.204622735277365e-08,
  -397.4646809685753, -937.9764970605, -372812.52916044596, -2.7251402421353085e-07,
  -54.501822669066314, 437.6478481316062, 23852.60541038534, 1.807082804465759e-08,
];

const A = memory.data(4096, 16);
const B = memory.data(4096, 16);
const C = memory.data(4096, 16);
const OUT = memory.data(4096, 16);

/** Index of the first row where fma32Exact misses the expected bits, or -1. */
function firstMiss32(rows: StaticArray<f64>): i32 {
  for (let i = 0; i < rows.length; i += 4) {
    const got = fma32Exact(rows[i], rows[i + 1], rows[i + 2]);
    if (reinterpret<u64>(got) != reinterpret<u64>(rows[i + 3])) return i / 4;
  }
  return -1;
}
/** Same through fma32Batch (float32 arrays; the vector path in the SIMD build). */
function firstMissBatch(rows: StaticArray<f64>, copies: i32): i32 {
  const m = rows.length / 4;
  const n = m * copies;
  for (let i = 0; i < n; i++) {
    const r = (i % m) * 4;
    store<f32>(A + (<usize>i << 2), <f32>rows[r]);
    store<f32>(B + (<usize>i << 2), <f32>rows[r + 1]);
    store<f32>(C + (<usize>i << 2), <f32>rows[r + 2]);
  }
  fma32Batch(A, B, C, OUT, <u32>n);
  for (let i = 0; i < n; i++) {
    const want = reinterpret<u32>(<f32>rows[(i % m) * 4 + 3]);
    if (load<u32>(OUT + (<usize>i << 2)) != want) return i;
  }
  return -1;
}

describe("fma32Exact: the correctly rounded float32 FMA", () => {
  it("is right where rounding a*b + c to f64 and then to f32 lands on an f32 midpoint", () => {
    expect<i32>(firstMiss32(MIDPOINT)).toBe(-1);
  });
  it("is right in the f32 subnormal range, ties to even included", () => {
    expect<i32>(firstMiss32(SUBNORMAL)).toBe(-1);
  });
  it("is right on ordinary random inputs", () => {
    expect<i32>(firstMiss32(RANDOM32)).toBe(-1);
  });
  it("gives NaN for NaN inputs, inf * 0 and inf - inf", () => {
    expect<bool>(isNaN(fma32Exact(NaN, 1, 1))).toBe(true);
    expect<bool>(isNaN(fma32Exact(1, 1, NaN))).toBe(true);
    expect<bool>(isNaN(fma32Exact(Infinity, 0, 1))).toBe(true);
    expect<bool>(isNaN(fma32Exact(Infinity, 2, -Infinity))).toBe(true);
  });
  it("gives +inf for +inf products or addends and on f32 overflow", () => {
    expect<f64>(fma32Exact(Infinity, 2, 1)).toBe(Infinity);
    expect<f64>(fma32Exact(2, 3, Infinity)).toBe(Infinity);
    expect<f64>(fma32Exact(3.0e38, 3.0e38, 0)).toBe(Infinity);
  });
  it("gives -inf (not NaN) for -inf products or addends and on f32 overflow", () => {
    expect<f64>(fma32Exact(-3.0e38, 3.0e38, 1)).toBe(-Infinity);
    expect<f64>(fma32Exact(-Infinity, 2, 1)).toBe(-Infinity);
    expect<f64>(fma32Exact(2, 3, -Infinity)).toBe(-Infinity);
  });
});

describe("fma32Batch: elementwise float32 FMA over arrays", () => {
  it("gives the correctly rounded result for every row, in every lane position", () => {
    expect<i32>(firstMissBatch(MIDPOINT, 7)).toBe(-1);
    expect<i32>(firstMissBatch(SUBNORMAL, 5)).toBe(-1);
    expect<i32>(firstMissBatch(RANDOM32, 3)).toBe(-1);
  });
});

describe("fma64: the correctly rounded float64 FMA", () => {
  it("recovers the exact residual of cancelling products", () => {
    for (let i = 0; i < EXACT64.length; i += 4) {
      const got = fma64(EXACT64[i], EXACT64[i + 1], EXACT64[i + 2]);
      expect<u64>(reinterpret<u64>(got)).toBe(reinterpret<u64>(EXACT64[i + 3]), "row " + (i / 4).toString());
    }
  });
  it("gives fma(0.1, 10, -1) = 2^-54 where the unfused expression gives 0", () => {
    expect<f64>(0.1 * 10.0 - 1.0).toBe(0.0);
    expect<f64>(fma64(0.1, 10.0, -1.0)).toBe(5.551115123125783e-17);
  });
  it("propagates IEEE specials", () => {
    expect<f64>(fma64(2, 3, -Infinity)).toBe(-Infinity);
    expect<f64>(fma64(-Infinity, 2, 1)).toBe(-Infinity);
    expect<f64>(fma64(Infinity, 2, 1)).toBe(Infinity);
    expect<bool>(isNaN(fma64(Infinity, 0, 1))).toBe(true);
    expect<bool>(isNaN(fma64(NaN, 1, 1))).toBe(true);
  });
  it("is exact when a*b + c is representable", () => {
    expect<f64>(fma64(3.0, 7.0, 1.0)).toBe(22.0);
    expect<f64>(fma64(-0.5, 0.25, 0.125)).toBe(0.0);
    expect<f64>(fma64(1e300, 1e-300, 0.0)).toBe(1e300 * 1e-300);
  });
});

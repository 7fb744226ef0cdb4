/** v128 body of normalF32 (contract in ../random/normal.ts); exact fallback per group. */
import { FLAGS, r32x, erfinv32x, u01x4, lowHalf, highHalf, join } from "./xla_math";
import { normal32, NORMAL_LO32, SQRT2_32 } from "../random/normal";

// @ts-ignore: decorator
@inline function normal2(u01: v128): v128 {
  const lo = f64x2.splat(NORMAL_LO32);
  // fma(u01, 2, lo) is exact in f64 (at most 25 significant bits): no flag needed
  const u = f64x2.max(r32x(f64x2.add(f64x2.mul(u01, f64x2.splat(2.0)), lo)), lo);
  return r32x(f64x2.mul(f64x2.splat(SQRT2_32), erfinv32x(u)));
}

export function normalF32Simd(inp: usize, out: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const b = v128.load(inp + (<usize>i << 2));
    const u = u01x4(b);
    v128.store(FLAGS, i64x2.splat(0));
    const r = join(normal2(lowHalf(u)), normal2(highHalf(u)));
    if (v128.any_true(v128.load(FLAGS))) {
      const p = out + (<usize>i << 2);
      store<f32>(p, <f32>normal32(i32x4.extract_lane(b, 0)));
      store<f32>(p, <f32>normal32(i32x4.extract_lane(b, 1)), 4);
      store<f32>(p, <f32>normal32(i32x4.extract_lane(b, 2)), 8);
      store<f32>(p, <f32>normal32(i32x4.extract_lane(b, 3)), 12);
    } else {
      v128.store(out + (<usize>i << 2), r);
    }
  }
  return n4;
}

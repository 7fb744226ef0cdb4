/** v128 body of uniformF32 (contract in ../random/uniform.ts); exact fallback per group. */
import { FLAGS, suspectx, flag, r32x, u01x4, lowHalf, highHalf, join } from "./xla_math";
import { uniform32 } from "../random/uniform";

// @ts-ignore: decorator
@inline function uni2(u: v128, lo: v128, span: v128): v128 {
  const s = f64x2.add(f64x2.mul(u, span), lo);
  flag(suspectx(s));
  return f64x2.max(r32x(s), lo);
}

export function uniformF32Simd(inp: usize, out: usize, n: u32, minval: f64, span: f64): u32 {
  const n4 = n & ~3;
  const LO = f64x2.splat(minval), SPAN = f64x2.splat(span);
  for (let i: u32 = 0; i < n4; i += 4) {
    const b = v128.load(inp + (<usize>i << 2));
    const u = u01x4(b);
    v128.store(FLAGS, i64x2.splat(0));
    const r = join(uni2(lowHalf(u), LO, SPAN), uni2(highHalf(u), LO, SPAN));
    if (v128.any_true(v128.load(FLAGS))) {
      const p = out + (<usize>i << 2);
      store<f32>(p, <f32>uniform32(i32x4.extract_lane(b, 0), minval, span));
      store<f32>(p, <f32>uniform32(i32x4.extract_lane(b, 1), minval, span), 4);
      store<f32>(p, <f32>uniform32(i32x4.extract_lane(b, 2), minval, span), 8);
      store<f32>(p, <f32>uniform32(i32x4.extract_lane(b, 3), minval, span), 12);
    } else {
      v128.store(out + (<usize>i << 2), r);
    }
  }
  return n4;
}

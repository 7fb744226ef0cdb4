/** v128 body of fma32Batch (contract in ../special/fma.ts): two f64x2 halves per group. */
import { suspectx, r32x, lowHalf, highHalf, join } from "./xla_math";
import { fma32Exact } from "../special/fma";

export function fma32BatchSimd(a: usize, b: usize, c: usize, out: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const va = v128.load(a + o), vb = v128.load(b + o), vc = v128.load(c + o);
    const slo = f64x2.add(f64x2.mul(lowHalf(va), lowHalf(vb)), lowHalf(vc));
    const shi = f64x2.add(f64x2.mul(highHalf(va), highHalf(vb)), highHalf(vc));
    if (v128.any_true(v128.or(suspectx(slo), suspectx(shi)))) {
      for (let j: usize = 0; j < 16; j += 4) {
        store<f32>(out + o + j, <f32>fma32Exact(load<f32>(a + o + j), load<f32>(b + o + j), load<f32>(c + o + j)));
      }
    } else {
      v128.store(out + o, join(r32x(slo), r32x(shi)));
    }
  }
  return n4;
}

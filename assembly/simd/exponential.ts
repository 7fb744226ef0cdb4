/**
 * v128 body of exponentialF32 (contract in ../random/exponential.ts): bit for bit
 * `exponential32`, x = -log1p32(-u01) with XLA's float32 log1p, in blocks of NB elements:
 *   A   bits -> u01 (exact), a = -u01 to scratch, lists for u01 < sqrt(2)-1 or not;
 *   B,C -log1p(a) by xla_math.log1pBlocks, written straight to the output;
 *   then every element a stage flagged (an fma sum on an f32 midpoint, see xla_math.ts)
 *   is recomputed by the exact scalar `exponential32` from a copy of its input word, so
 *   `inp` may equal `out`.
 * Output is finite, in [0, 15.95] (+0 for u01 = 0); no NaN/inf can arise.
 */
import { u01x4, split4, log1pBlocks, NB, REDO } from "./xla_math";
import { exponential32 } from "../random/exponential";

const BITS: usize = memory.data(NB << 2, 16); // copy of the block's input words
const A: usize = memory.data(NB << 2, 16); // a = -u01 (f32)

export function exponentialF32Simd(inp: usize, out: usize, n: u32): u32 {
  const n4 = n & ~3;
  for (let base: u32 = 0; base < n4; base += NB) {
    const nb = min(NB, n4 - base);
    const src = inp + (<usize>base << 2), dst = out + (<usize>base << 2);
    let counts: u32 = 0;
    for (let j: u32 = 0; j < nb; j += 4) {
      const o4 = <usize>j << 2;
      const b = v128.load(src + o4);
      v128.store(BITS + o4, b);
      const u01 = u01x4(b);
      v128.store(A + o4, f32x4.neg(u01));
      counts = split4(u01, j, counts);
    }
    const nredo = log1pBlocks(A, dst, counts, 0);
    for (let k: u32 = 0; k < nredo; k++) {
      const o4 = <usize>load<u32>(REDO + (<usize>k << 2));
      store<f32>(dst + o4, <f32>exponential32(load<u32>(BITS + o4)));
    }
  }
  return n4;
}

/**
 * v128 body of the LU kernels (contract in ../linalg/lu.ts): the row update
 * dst[j] = dst[j] - f·src[j] over j, two f64 lanes at a time (a separate multiply and
 * subtract per lane, as the scalar loop: wasm has no implicit fused multiply-add, so the
 * lanes get the scalar loop's bits). Unaligned rows are fine (v128.load/store need no
 * alignment).
 */

/** dst[j] -= f·src[j] for j < len & ~1 (f64 rows); returns the count done. */
export function luRowSubSimd(dst: usize, src: usize, f: f64, len: u32): u32 {
  const vf = f64x2.splat(f);
  let j: u32 = 0;
  for (; j + 8 <= len; j += 8) {
    const o = <usize>j << 3, d = dst + o, s = src + o;
    const a0 = f64x2.sub(v128.load(d), f64x2.mul(vf, v128.load(s)));
    const a1 = f64x2.sub(v128.load(d, 16), f64x2.mul(vf, v128.load(s, 16)));
    const a2 = f64x2.sub(v128.load(d, 32), f64x2.mul(vf, v128.load(s, 32)));
    const a3 = f64x2.sub(v128.load(d, 48), f64x2.mul(vf, v128.load(s, 48)));
    v128.store(d, a0); v128.store(d, a1, 16); v128.store(d, a2, 32); v128.store(d, a3, 48);
  }
  for (; j + 2 <= len; j += 2) {
    const o = <usize>j << 3;
    v128.store(dst + o, f64x2.sub(v128.load(dst + o), f64x2.mul(vf, v128.load(src + o))));
  }
  return j;
}

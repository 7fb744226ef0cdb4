/**
 * v128 bodies of the elementwise kernels (contract in ../kernels/elementwise.ts): the ops
 * that are single IEEE instructions per lane, so results equal the scalar loops bit for bit.
 * Each returns how many elements it handled (0 for ops it leaves to the scalar loop).
 */
import { Bin, Un } from "../kernels/elementwise";

export function binarySimdF32(op: i32, a: usize, b: usize, out: usize, n: u32): u32 {
  if (op > Bin.Min) return 0;
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const x = v128.load(a + o), y = v128.load(b + o);
    let r: v128;
    switch (op) {
      case Bin.Add: { r = f32x4.add(x, y); break; }
      case Bin.Sub: { r = f32x4.sub(x, y); break; }
      case Bin.Mul: { r = f32x4.mul(x, y); break; }
      case Bin.Div: { r = f32x4.div(x, y); break; }
      case Bin.Max: { r = f32x4.max(x, y); break; }
      default: { r = f32x4.min(x, y); }
    }
    v128.store(out + o, r);
  }
  return n4;
}

export function binarySimdF64(op: i32, a: usize, b: usize, out: usize, n: u32): u32 {
  if (op > Bin.Min) return 0;
  const n2 = n & ~1;
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    const x = v128.load(a + o), y = v128.load(b + o);
    let r: v128;
    switch (op) {
      case Bin.Add: { r = f64x2.add(x, y); break; }
      case Bin.Sub: { r = f64x2.sub(x, y); break; }
      case Bin.Mul: { r = f64x2.mul(x, y); break; }
      case Bin.Div: { r = f64x2.div(x, y); break; }
      case Bin.Max: { r = f64x2.max(x, y); break; }
      default: { r = f64x2.min(x, y); }
    }
    v128.store(out + o, r);
  }
  return n2;
}

export function unarySimdF32(op: i32, a: usize, out: usize, n: u32): u32 {
  if (op != Un.Neg && op != Un.Abs && op != Un.Sqrt && op != Un.Square) return 0;
  const n4 = n & ~3;
  for (let i: u32 = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const x = v128.load(a + o);
    v128.store(out + o, op == Un.Neg ? f32x4.neg(x) : op == Un.Abs ? f32x4.abs(x) : op == Un.Sqrt ? f32x4.sqrt(x) : f32x4.mul(x, x));
  }
  return n4;
}

export function unarySimdF64(op: i32, a: usize, out: usize, n: u32): u32 {
  if (op != Un.Neg && op != Un.Abs && op != Un.Sqrt && op != Un.Square) return 0;
  const n2 = n & ~1;
  for (let i: u32 = 0; i < n2; i += 2) {
    const o = <usize>i << 3;
    const x = v128.load(a + o);
    v128.store(out + o, op == Un.Neg ? f64x2.neg(x) : op == Un.Abs ? f64x2.abs(x) : op == Un.Sqrt ? f64x2.sqrt(x) : f64x2.mul(x, x));
  }
  return n2;
}

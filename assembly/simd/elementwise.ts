/**
 * v128 bodies of the elementwise kernels (contract in ../kernels/elementwise.ts): the ops
 * that are single IEEE instructions per lane, and float32 exp/log, whose f32x4 bodies
 * (./expf.ts, ./logf.ts) repeat the scalar f32 operation sequence lane for lane; results
 * equal the scalar loops bit for bit.
 * Each returns how many elements it handled (0 for ops it leaves to the scalar loop).
 */
import { Bin, Un } from "../kernels/elementwise";
import { expF32x4 } from "./expf";
import { logF32x4 } from "./logf";

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
  // float32 exp/log: lane-for-lane the scalar expf32/logf32 (../special/expf.ts, logf.ts).
  // Two vectors per iteration (independent chains); a last single vector, if any.
  if (op == Un.Exp || op == Un.Log) {
    const n4 = n & ~3, n8 = n & ~7;
    let i: u32 = 0;
    if (op == Un.Exp) {
      for (; i < n8; i += 8) {
        const o = <usize>i << 2;
        const x0 = v128.load(a + o), x1 = v128.load(a + o, 16);
        v128.store(out + o, expF32x4(x0));
        v128.store(out + o, expF32x4(x1), 16);
      }
      if (i < n4) v128.store(out + (<usize>i << 2), expF32x4(v128.load(a + (<usize>i << 2))));
    } else {
      for (; i < n8; i += 8) {
        const o = <usize>i << 2;
        const x0 = v128.load(a + o), x1 = v128.load(a + o, 16);
        v128.store(out + o, logF32x4(x0));
        v128.store(out + o, logF32x4(x1), 16);
      }
      if (i < n4) v128.store(out + (<usize>i << 2), logF32x4(v128.load(a + (<usize>i << 2))));
    }
    return n4;
  }
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

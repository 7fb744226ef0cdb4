/**
 * Binary elementwise ops on operands broadcast against each other, without materializing
 * the broadcast. The TypeScript side (wrapper/np/prims/elementwise.ts) collapses the output
 * shape to at most three dims [d0, d1, d2] and gives each operand its element strides
 * (s0, s1, s2), 0 along the dims it is broadcast over.
 *
 * Every output element is the operation of binaryF32 / binaryF64 (./elementwise.ts) on the
 * two broadcast inputs: rows of 16 or more elements whose inner stride is 1 in both
 * operands go through binaryF32/F64 themselves (their SIMD body in the SIMD build), the
 * other rows (short rows would mostly pay for the call) through the
 * same per-element operation (binElemF32/F64), so results equal broadcasting first and
 * both builds agree bit for bit. NaN/inf behaviour, error and provenance: those of
 * binaryF32/F64 (IEEE add/sub/mul/div; wasm max/min; musl pow/atan2).
 */
import { binaryF32, binaryF64, binElemF32, binElemF64, Bin } from "./elementwise";

// @ts-ignore: decorator
@inline function run<T>(op: i32, a: usize, b: usize, out: usize, d0: u32, d1: u32, d2: u32,
  a0: u32, a1: u32, a2: u32, b0: u32, b1: u32, b2: u32): void {
  const sz = <usize>sizeof<T>();
  let po = out;
  for (let i0: u32 = 0; i0 < d0; i0++) {
    for (let i1: u32 = 0; i1 < d1; i1++) {
      const ra = a + <usize>(i0 * a0 + i1 * a1) * sz, rb = b + <usize>(i0 * b0 + i1 * b1) * sz;
      if (a2 == 1 && b2 == 1 && d2 >= 16) {
        if (sz == 4) binaryF32(op, ra, rb, po, d2);
        else binaryF64(op, ra, rb, po, d2);
      } else {
        const sa = <usize>a2 * sz, sb = <usize>b2 * sz;
        let pa = ra, pb = rb, q = po;
        const end = po + <usize>d2 * sz;
        while (q < end) {
          const x = load<T>(pa), y = load<T>(pb);
          if (sz == 4) store<f32>(q, binElemF32(op, <f32>x, <f32>y));
          else store<f64>(q, binElemF64(op, <f64>x, <f64>y));
          pa += sa; pb += sb; q += sz;
        }
      }
      po += <usize>d2 * sz;
    }
  }
}

// A constant op per case lets the optimizer drop the per-element dispatch.
// @ts-ignore: decorator
@inline function dispatch<T>(op: i32, a: usize, b: usize, out: usize, d0: u32, d1: u32, d2: u32,
  a0: u32, a1: u32, a2: u32, b0: u32, b1: u32, b2: u32): void {
  switch (op) {
    case Bin.Add: run<T>(Bin.Add, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2); break;
    case Bin.Sub: run<T>(Bin.Sub, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2); break;
    case Bin.Mul: run<T>(Bin.Mul, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2); break;
    case Bin.Div: run<T>(Bin.Div, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2); break;
    default: run<T>(op, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2);
  }
}

/** out[i0, i1, i2] = op(a[i0 a0 + i1 a1 + i2 a2], b[i0 b0 + i1 b1 + i2 b2]) in float32. */
export function binaryBroadcastF32(op: i32, a: usize, b: usize, out: usize, d0: u32, d1: u32, d2: u32,
  a0: u32, a1: u32, a2: u32, b0: u32, b1: u32, b2: u32): void {
  dispatch<f32>(op, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2);
}

/** The float64 twin of binaryBroadcastF32. */
export function binaryBroadcastF64(op: i32, a: usize, b: usize, out: usize, d0: u32, d1: u32, d2: u32,
  a0: u32, a1: u32, a2: u32, b0: u32, b1: u32, b2: u32): void {
  dispatch<f64>(op, a, b, out, d0, d1, d2, a0, a1, a2, b0, b1, b2);
}

/**
 * Fused log-softmax over the middle axis of an array viewed as [outer, n, inner]:
 * out = x - max - log(sum(exp(x - max))), one kernel pass per output instead of six ops.
 * Computed in f64 (float32 inputs widened exactly, each output rounded once: error
 * <= 1 ulp32 + the f64 error, ~1e-15 relative). NaN anywhere in a row gives NaN for that
 * row; a row of all -inf gives NaN (like jax.nn.log_softmax); +inf entries give NaN for
 * their row except the +inf entries themselves (0 - log(count) semantics are not
 * attempted: NaN). Scalar loops in both builds, so they agree bit for bit.
 *
 * logSoftmaxVjp: the cotangent of log-softmax, xbar = g - exp(y) * sum(g) over the axis,
 * in one call instead of five primitives. It performs exactly the operations of that
 * composition of np ops, in the same order, so its bits equal theirs: exp(y) by the
 * elementwise kernel's exp (float32: expf32 / its f32x4 twin, <= 1 ulp; float64: Math.exp),
 * sum(g) by the reduction kernel (float32 accumulates in f64 and rounds once), then one
 * multiply and one subtract in the array's dtype. SIMD and scalar builds agree bit for
 * bit (each piece does). `scratch` holds outer * inner sums.
 */
import { unaryF32, unaryF64, Un } from "./elementwise";
import { reduceF32, reduceF64, Red } from "./reduce";

// @ts-ignore: decorator
@inline function rowLogSoftmax<T>(a: usize, out: usize, n: u32, inner: u32): void {
  const sz = sizeof<T>();
  const step = <usize>inner * sz;
  let m: f64 = -Infinity;
  for (let i: u32 = 0; i < n; i++) { const v = <f64>load<T>(a + <usize>i * step); m = v > m || v != v ? v : m; }
  const shift = isFinite(m) ? m : 0.0;
  let s: f64 = 0;
  for (let i: u32 = 0; i < n; i++) s += Math.exp(<f64>load<T>(a + <usize>i * step) - shift);
  const ls = Math.log(s) + shift;
  for (let i: u32 = 0; i < n; i++) store<T>(out + <usize>i * step, <T>(<f64>load<T>(a + <usize>i * step) - ls));
}

// @ts-ignore: decorator
@inline function logSoftmax<T>(a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  const sz = sizeof<T>();
  for (let o: u32 = 0; o < outer; o++) {
    for (let j: u32 = 0; j < inner; j++) {
      const off = (<usize>o * n * inner + j) * sz;
      rowLogSoftmax<T>(a + off, out + off, n, inner);
    }
  }
}

export function logSoftmaxF32(a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  logSoftmax<f32>(a, out, outer, n, inner);
}

export function logSoftmaxF64(a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  logSoftmax<f64>(a, out, outer, n, inner);
}

// @ts-ignore: decorator
@inline function logSoftmaxVjp<T>(g: usize, y: usize, out: usize, scratch: usize, outer: u32, n: u32, inner: u32): void {
  const sz = <usize>sizeof<T>();
  const total = outer * n * inner;
  if (sz == 4) { unaryF32(Un.Exp, y, out, total); reduceF32(Red.Sum, g, scratch, outer, n, inner); }
  else { unaryF64(Un.Exp, y, out, total); reduceF64(Red.Sum, g, scratch, outer, n, inner); }
  let k: usize = 0;
  for (let o: u32 = 0; o < outer; o++) {
    const srow = scratch + <usize>o * <usize>inner * sz;
    for (let i: u32 = 0; i < n; i++) {
      for (let j: u32 = 0; j < inner; j++) {
        const s = load<T>(srow + <usize>j * sz);
        const q = k * sz;
        const e = load<T>(out + q);
        store<T>(out + q, load<T>(g + q) - e * s);
        k++;
      }
    }
  }
}

/** out = g - exp(y) * sum(g) over the middle axis of [outer, n, inner] (see the header). */
export function logSoftmaxVjpF32(g: usize, y: usize, out: usize, scratch: usize, outer: u32, n: u32, inner: u32): void {
  logSoftmaxVjp<f32>(g, y, out, scratch, outer, n, inner);
}

export function logSoftmaxVjpF64(g: usize, y: usize, out: usize, scratch: usize, outer: u32, n: u32, inner: u32): void {
  logSoftmaxVjp<f64>(g, y, out, scratch, outer, n, inner);
}

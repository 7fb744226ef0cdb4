/**
 * Fused log-softmax over the middle axis of an array viewed as [outer, n, inner]:
 * out = x - max - log(sum(exp(x - max))), one kernel pass per output instead of six ops.
 * Computed in f64 (float32 inputs widened exactly, each output rounded once: error
 * <= 1 ulp32 + the f64 error, ~1e-15 relative). NaN anywhere in a row gives NaN for that
 * row; a row of all -inf gives NaN (like jax.nn.log_softmax); +inf entries give NaN for
 * their row except the +inf entries themselves (0 - log(count) semantics are not
 * attempted: NaN).
 *
 * float64: scalar loops with Math.exp / Math.log (musl) in both builds.
 * float32: the same formula, the same f64 operations and order (max, d = x - max, a
 * sequential f64 sum over the row, ls = Math.log(sum) + max, out = f32(x - ls)), except
 * that exp(d) is not Math.exp but expF64Block / expF64x2Block (../special/exp_f64.ts,
 * ../simd/exp_f64.ts: Cody-Waite reduction + degree-11 Chebyshev polynomial, <= 1 ulp64,
 * bit-identical in both builds), run over a block of whole rows at once through a static
 * f64 scratch (LS_D, 512 slots; longer rows go in chunks). So both builds agree bit for
 * bit, and the error budget above is unchanged (exp's error is part of the f64 error);
 * the outputs differ from the Math.exp version only where exp's last f64 bit moves the
 * f32 rounding (none in the ~10^6 outputs of tests-ts/np-fast-paths). Rows whose max is
 * not finite (+-inf, NaN) take the Math.exp row path, so their results are unchanged.
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
import { expBlockF64 } from "../special/exp_f64";

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

// float32 forward: rows are batched through a static f64 scratch so that exp runs as one
// vectorizable pass (expF64x2 / its scalar twin expF64) instead of Math.exp per element.
const LS_CAP: u32 = 512; // f64 slots per block
const LS_D: usize = memory.data(<i32>LS_CAP << 3, 16); // d = x - shift, then exp(d)
const LS_SH: usize = memory.data(<i32>LS_CAP << 3, 16); // the shift of each row in the block

// The row max (NaN if the row has one); rows whose max is not finite go to rowLogSoftmax.
// @ts-ignore: decorator
@inline function rowMaxF32(a: usize, n: u32, step: usize): f64 {
  let m: f64 = -Infinity;
  for (let i: u32 = 0; i < n; i++) { const v = <f64>load<f32>(a + <usize>i * step); m = v > m || v != v ? v : m; }
  return m;
}

export function logSoftmaxF32(a: usize, out: usize, outer: u32, n: u32, inner: u32): void {
  if (n == 0) return;
  const rows = outer * inner;
  const step = <usize>inner << 2;
  const wrap = <usize>(n - 1) * step; // row (o, inner-1) -> row (o+1, 0): off += 4 + wrap
  let q0: u32 = 0, j0: u32 = 0;
  let off0: usize = 0;
  while (q0 < rows) {
    if (n > LS_CAP) {
      // One long row: exp in chunks, the sum still sequential over i.
      const ar = a + off0, orow = out + off0;
      const m = rowMaxF32(ar, n, step);
      if (!isFinite(m)) rowLogSoftmax<f32>(ar, orow, n, inner);
      else {
        let s: f64 = 0;
        for (let c: u32 = 0; c < n; c += LS_CAP) {
          const cnt = min<u32>(LS_CAP, n - c);
          for (let i: u32 = 0; i < cnt; i++) store<f64>(LS_D + (<usize>i << 3), <f64>load<f32>(ar + <usize>(c + i) * step) - m);
          expBlockF64(LS_D, cnt);
          for (let i: u32 = 0; i < cnt; i++) s += load<f64>(LS_D + (<usize>i << 3));
        }
        const ls = Math.log(s) + m;
        for (let i: u32 = 0; i < n; i++) store<f32>(orow + <usize>i * step, <f32>(<f64>load<f32>(ar + <usize>i * step) - ls));
      }
      q0++; off0 += 4; j0++;
      if (j0 == inner) { j0 = 0; off0 += wrap; }
      continue;
    }
    // A block of whole rows: shifted values into LS_D, one exp pass, then sums and outputs.
    const nb = min<u32>(rows - q0, LS_CAP / n);
    let off = off0, j = j0;
    for (let b: u32 = 0; b < nb; b++) {
      const ar = a + off;
      const m = rowMaxF32(ar, n, step);
      store<f64>(LS_SH + (<usize>b << 3), m);
      const d = LS_D + (<usize>(b * n) << 3);
      if (isFinite(m)) {
        for (let i: u32 = 0; i < n; i++) store<f64>(d + (<usize>i << 3), <f64>load<f32>(ar + <usize>i * step) - m);
      } else {
        // redone by rowLogSoftmax below (0 keeps exp's domain)
        for (let i: u32 = 0; i < n; i++) store<f64>(d + (<usize>i << 3), 0.0);
      }
      off += 4; j++;
      if (j == inner) { j = 0; off += wrap; }
    }
    expBlockF64(LS_D, nb * n);
    off = off0; j = j0;
    for (let b: u32 = 0; b < nb; b++) {
      const ar = a + off, orow = out + off;
      const m = load<f64>(LS_SH + (<usize>b << 3));
      if (!isFinite(m)) rowLogSoftmax<f32>(ar, orow, n, inner);
      else {
        const d = LS_D + (<usize>(b * n) << 3);
        let s: f64 = 0;
        for (let i: u32 = 0; i < n; i++) s += load<f64>(d + (<usize>i << 3));
        const ls = Math.log(s) + m;
        for (let i: u32 = 0; i < n; i++) store<f32>(orow + <usize>i * step, <f32>(<f64>load<f32>(ar + <usize>i * step) - ls));
      }
      off += 4; j++;
      if (j == inner) { j = 0; off += wrap; }
    }
    q0 += nb; off0 = off; j0 = j;
  }
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

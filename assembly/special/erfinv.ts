/**
 * Inverse error function, as XLA computes it (xla/client/lib/math.cc ErfInv32/ErfInv64,
 * after M. Giles, "Approximating the erfinv function", GPU Computing Gems, 2010).
 *
 * erfinv32: w = -log1p(-x^2) with XLA's float32 log1p; for w < 5 a degree-8 polynomial
 * in w - 2.5, else in sqrt(w) - 3; every Horner step is a fused multiply-add, as XLA:CPU
 * contracts it. Bit-exact with JAX's float32 `erf_inv` (and hence `random.normal`).
 * |x| = 1 gives +-inf, |x| > 1 and NaN give NaN. Error vs the true erfinv (measured):
 * <= 4 ulp for |x| <= 0.99, growing to ~50 ulp as |x| -> 1. That is Giles' single-precision
 * approximation as XLA ships it; reproducing XLA, not the true erfinv, is the contract.
 *
 * erfinv64: XLA's ErfInv64 (three branches: w < 6.25, w < 16, else) with fused Horner
 * steps (exact fma64). Bits are not verified against published JAX output (there is none
 * for float64); its log1p uses musl's log for |x^2| >= sqrt(2)-1 (see xla_log.ts).
 */
import { fma32, r32, fma64 } from "./fma";
import { log1p32, log1p64 } from "./xla_log";

// @ts-ignore: decorator
@lazy export const EI32_LT5: StaticArray<f64> = [
  <f32>2.81022636e-08, <f32>3.43273939e-07, <f32>-3.5233877e-06, <f32>-4.39150654e-06,
  <f32>0.00021858087, <f32>-0.00125372503, <f32>-0.00417768164, <f32>0.246640727, <f32>1.50140941,
];
// @ts-ignore: decorator
@lazy export const EI32_GE5: StaticArray<f64> = [
  <f32>-0.000200214257, <f32>0.000100950558, <f32>0.00134934322, <f32>-0.00367342844,
  <f32>0.00573950773, <f32>-0.0076224613, <f32>0.00943887047, <f32>1.00167406, <f32>2.83297682,
];

/** XLA float32 erf_inv (x is an f32 value in f64). */
export function erfinv32(x: f64): f64 {
  const w = -log1p32(-r32(x * x));
  let p: f64;
  if (w < 5) {
    const ww = r32(w - 2.5);
    p = unchecked(EI32_LT5[0]);
    for (let i = 1; i < 9; i++) p = fma32(p, ww, unchecked(EI32_LT5[i]));
  } else {
    const ww = r32(r32(Math.sqrt(w)) - 3); // f64 sqrt rounded to f32 is the correctly rounded f32 sqrt
    p = unchecked(EI32_GE5[0]);
    for (let i = 1; i < 9; i++) p = fma32(p, ww, unchecked(EI32_GE5[i]));
  }
  if (abs(x) == 1) return x * Infinity;
  return r32(p * x);
}

// @ts-ignore: decorator
@lazy const EI64_A: StaticArray<f64> = [
  -3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18,
  1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17,
  6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14,
  2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
  1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08,
  4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05,
  0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533,
  0.24015818242558961693, 1.6536545626831027356,
];
// @ts-ignore: decorator
@lazy const EI64_B: StaticArray<f64> = [
  2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07,
  1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06,
  2.9234449089955446044e-06, 1.2475304481671778723e-05, -4.7318229009055733981e-05,
  6.8284851459573175448e-05, 2.4031110387097893999e-05, -0.0003550375203628474796,
  0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066,
  -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334,
  3.0838856104922207635,
];
// @ts-ignore: decorator
@lazy const EI64_C: StaticArray<f64> = [
  -2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09,
  -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08,
  2.9147953450901080826e-08, -6.7711997758452339498e-08, 2.2900482228026654717e-07,
  -9.9298272942317002539e-07, 4.5260625972231537039e-06, -1.9681778105531670567e-05,
  7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026,
  1.0103004648645343977, 4.8499064014085844221,
];

/** XLA float64 erf_inv (see the contract above). */
export function erfinv64(x: f64): f64 {
  const w = -log1p64(-x * x);
  let p: f64;
  if (w < 6.25) {
    const ww = w - 3.125;
    p = unchecked(EI64_A[0]);
    for (let i = 1; i < 23; i++) p = fma64(p, ww, unchecked(EI64_A[i]));
  } else if (w < 16) {
    const ww = Math.sqrt(w) - 3.25;
    p = unchecked(EI64_B[0]);
    for (let i = 1; i < 19; i++) p = fma64(p, ww, unchecked(EI64_B[i]));
  } else {
    const ww = Math.sqrt(w) - 5.0;
    p = unchecked(EI64_C[0]);
    for (let i = 1; i < 17; i++) p = fma64(p, ww, unchecked(EI64_C[i]));
  }
  if (abs(x) == 1) return x * Infinity;
  return p * x;
}

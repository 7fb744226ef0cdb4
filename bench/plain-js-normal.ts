/**
 * The peer "a user would write by hand": Threefry-2x32-20 and Giles' float32 erfinv in
 * plain JavaScript (Math.fround for float32 rounding, no FMA emulation, Math.log1p), in
 * JAX's classic layout. Used only by the benchmark; close to, not bit-exact with, JAX.
 */
const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

export function threefryInto(k0: number, k1: number, n: number, out: Uint32Array): void {
  const k2 = (k0 ^ k1 ^ 0x1bd11bda) >>> 0;
  const ks = [k0, k1, k2];
  const R = [13, 15, 26, 6, 17, 29, 16, 24];
  const h = (n + 1) >>> 1;
  for (let j = 0; j < h; j++) {
    let x0 = (j + k0) | 0, x1 = ((j + h < n ? j + h : 0) + k1) | 0;
    for (let g = 0; g < 5; g++) {
      for (let r = 0; r < 4; r++) {
        x0 = (x0 + x1) | 0; x1 = rotl(x1, R[(g & 1) * 4 + r]) ^ x0;
      }
      x0 = (x0 + ks[(g + 1) % 3]) | 0; x1 = (x1 + ks[(g + 2) % 3] + g + 1) | 0;
    }
    out[j] = x0;
    if (j + h < n) out[j + h] = x1;
  }
}

const A = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941];
const B = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682];
const f = Math.fround;

function erfinv(x: number): number {
  let w = -f(Math.log1p(f(-x * x)));
  let p: number;
  if (w < 5) {
    w = f(w - 2.5); p = A[0];
    for (let i = 1; i < 9; i++) p = f(f(p * w) + A[i]);
  } else {
    w = f(f(Math.sqrt(w)) - 3); p = B[0];
    for (let i = 1; i < 9; i++) p = f(f(p * w) + B[i]);
  }
  return f(p * x);
}

const view = new DataView(new ArrayBuffer(4));
const LO = f(-0.99999994);
const SQRT2 = f(Math.SQRT2);

/** n float32 standard normals from a key, written to `out`. */
export function plainNormal(k0: number, k1: number, n: number, bits: Uint32Array, out: Float32Array): void {
  threefryInto(k0, k1, n, bits);
  for (let i = 0; i < n; i++) {
    view.setUint32(0, (bits[i] >>> 9) | 0x3f800000);
    const u01 = view.getFloat32(0) - 1;
    const u = Math.max(LO, f(u01 * 2 + LO));
    out[i] = f(SQRT2 * erfinv(u));
  }
}

/** n float32 uniforms in [0, 1). */
export function plainUniform(k0: number, k1: number, n: number, bits: Uint32Array, out: Float32Array): void {
  threefryInto(k0, k1, n, bits);
  for (let i = 0; i < n; i++) {
    view.setUint32(0, (bits[i] >>> 9) | 0x3f800000);
    out[i] = view.getFloat32(0) - 1;
  }
}

/**
 * The smallest module using a v128 instruction (i8x16.splat + i8x16.popcnt): it validates
 * exactly when the runtime implements fixed-width wasm SIMD.
 */
const PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

let cached: boolean | undefined;

/** Whether this runtime supports wasm SIMD (cached). */
export function simdSupported(): boolean {
  if (cached === undefined) {
    try {
      cached = WebAssembly.validate(PROBE);
    } catch {
      cached = false;
    }
  }
  return cached;
}

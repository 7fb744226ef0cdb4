/**
 * Runtime feature detection by validating the smallest module that uses a feature.
 */

/** A cached check: whether this runtime validates `probe` (false if validate throws). */
export function featureProbe(probe: Uint8Array<ArrayBuffer>): () => boolean {
  let cached: boolean | undefined;
  return () => {
    if (cached === undefined) {
      try {
        cached = WebAssembly.validate(probe);
      } catch {
        cached = false;
      }
    }
    return cached;
  };
}

/**
 * The smallest module using a v128 instruction (i8x16.splat + i8x16.popcnt): it validates
 * exactly when the runtime implements fixed-width wasm SIMD.
 */
const PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** Whether this runtime supports wasm SIMD (cached). */
export const simdSupported: () => boolean = featureProbe(PROBE);

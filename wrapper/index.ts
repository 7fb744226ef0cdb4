/**
 * probasm: TensorFlow Probability's JAX-substrate feature set for JavaScript.
 *
 * This is the default entry (Node ESM/CJS, Deno, Bun, browsers, bundlers): both builds
 * of the wasm core (and the 4 KB relaxed-SIMD side module, runtime/relaxed.ts) are
 * inlined as base64, so `await init()` needs no files, no fetch and no bundler plugin.
 *
 * @example
 * ```ts
 * import { init, random } from 'probasm';
 * await init();
 * const [k1, k2] = random.split(random.key(0));
 * console.log(String(random.normal(k1, [3])));
 * ```
 */
import { setDefaultSources } from './runtime/core.js';
import { decodeBase64 } from './runtime/base64.js';
import { SIMD_WASM_BASE64, SCALAR_WASM_BASE64, RELAXED_WASM_BASE64 } from './runtime/wasm-inline.generated.js';

setDefaultSources({
  simd: () => decodeBase64(SIMD_WASM_BASE64),
  scalar: () => decodeBase64(SCALAR_WASM_BASE64),
  relaxed: () => decodeBase64(RELAXED_WASM_BASE64),
});

export * from './api.js';

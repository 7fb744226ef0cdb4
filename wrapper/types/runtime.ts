/** Which build of the core is running. */
export type Backend = 'wasm-simd' | 'wasm-scalar';

/**
 * A compiled or compilable core: a precompiled `WebAssembly.Module` (Cloudflare Workers,
 * where compiling from bytes is forbidden), raw bytes, or a `Response` (streaming compile).
 */
export type ModuleSource = WebAssembly.Module | ArrayBuffer | ArrayBufferView | Response | PromiseLike<Response>;

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * `true` forces the SIMD build, `false` the scalar build; omitted, the SIMD build is
   * used when the runtime validates wasm SIMD. Calling `init` again with the other value
   * switches builds (tensors live in JS memory, so existing values stay valid).
   */
  simd?: boolean;
  /**
   * The core to use instead of the bundled one. Pair it with `simd` to say which build it
   * is (default: the SIMD build if it validates, which a scalar module also does).
   */
  module?: ModuleSource;
  /**
   * `false` turns off the relaxed-SIMD float32 normal / exponential / gumbel samplers (same
   * bits, faster) that the default entry attaches to the SIMD build where the runtime has
   * relaxed SIMD and a hardware FMA; omitted or `true`, they are used when available. Each
   * `init` call sets it.
   */
  relaxedSimd?: boolean;
}

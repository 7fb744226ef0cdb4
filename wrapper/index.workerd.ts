/**
 * The Cloudflare Workers (workerd) entry, chosen by the `workerd` export condition.
 * Workers forbid compiling wasm from bytes at run time, so the two builds are imported as
 * precompiled `WebAssembly.Module`s (wrangler and workerd's `wasm` modules do this).
 */
import { setDefaultSources } from './runtime/core.js';
// @ts-ignore: resolved by workerd/wrangler to a WebAssembly.Module
import simdModule from './probasm.simd.wasm';
// @ts-ignore: resolved by workerd/wrangler to a WebAssembly.Module
import scalarModule from './probasm.scalar.wasm';

setDefaultSources({
  simd: () => simdModule as WebAssembly.Module,
  scalar: () => scalarModule as WebAssembly.Module,
});

export * from './api.js';

import type { Backend, InitOptions, ModuleSource } from '../types/runtime.js';
import type { CoreExports } from './exports.js';
import { Workspace } from './workspace.js';
import { simdSupported } from './simd.js';
import { attachRelaxed, type RelaxedKernels } from './relaxed.js';

/** A loaded build of the core. */
export interface Core {
  readonly ex: CoreExports;
  readonly backend: Backend;
  readonly ws: Workspace;
  /** The relaxed-SIMD kernels attached to this (SIMD) core, or null (./relaxed.ts). */
  relaxed: RelaxedKernels | null;
}

/** Where each entry point finds the bundled builds (set once by the entry module). */
export interface DefaultSources {
  simd(): ModuleSource | Promise<ModuleSource>;
  scalar(): ModuleSource | Promise<ModuleSource>;
  /** The relaxed-SIMD side module (./relaxed.ts), where the entry bundles it. */
  relaxed?(): ModuleSource | Promise<ModuleSource>;
}

let sources: DefaultSources | undefined;
let current: Core | undefined;
const loaded = new Map<Backend, Core>();
const inflight = new Map<string, Promise<void>>();
let relaxedOn = true;

/** @internal Called by each entry point (inline base64, workerd modules, ...). */
export function setDefaultSources(s: DefaultSources): void {
  sources = s;
}

function isResponseLike(x: unknown): x is Response | PromiseLike<Response> {
  return typeof x === 'object' && x !== null && ('arrayBuffer' in x || 'then' in x);
}

async function instantiate(src: ModuleSource): Promise<CoreExports> {
  if (src instanceof WebAssembly.Module) {
    return (await WebAssembly.instantiate(src, {})).exports as unknown as CoreExports;
  }
  if (isResponseLike(src)) {
    const res = await src;
    const bytes = await res.arrayBuffer();
    return (await WebAssembly.instantiate(bytes, {})).instance.exports as unknown as CoreExports;
  }
  if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) {
    const bytes = src instanceof ArrayBuffer ? src : src.buffer.slice(src.byteOffset, src.byteOffset + src.byteLength);
    return (await WebAssembly.instantiate(bytes as ArrayBuffer, {})).instance.exports as unknown as CoreExports;
  }
  throw new TypeError('init: module must be a WebAssembly.Module, an ArrayBuffer, a typed array or a Response');
}

function checkExports(ex: CoreExports): void {
  if (typeof ex.heapBase !== 'function' || typeof ex.tfClassicU32 !== 'function' || !(ex.memory instanceof WebAssembly.Memory)) {
    throw new TypeError('init: module is not a probasm core (missing heapBase/tfClassicU32/memory exports)');
  }
}

/**
 * Loads the WebAssembly core. Call (and await) it once before anything else; later calls
 * are cheap, and concurrent calls share one load.
 *
 * By default the SIMD build is used when the runtime validates wasm SIMD, else the scalar
 * build. `init({ simd: false })` forces the scalar build; calling `init` with the other
 * value later switches builds. `init({ module })` uses a module you supply, e.g. the
 * precompiled `WebAssembly.Module` that Cloudflare Workers give for
 * `import m from 'probasm/wasm/simd'`.
 *
 * On runtimes with relaxed SIMD and a hardware FMA (current Chrome, Edge, Firefox, Deno,
 * Node 22+, or Node 20 with `--experimental-wasm-relaxed-simd`), the default entry also
 * attaches a small relaxed-SIMD module that samples float32 normals, exponentials and
 * gumbels faster with the same bits (checked when it loads); `init({ relaxedSimd: false })`
 * turns it off.
 *
 * @example
 * ```ts
 * import { init, backend, random } from 'probasm';
 * await init();
 * backend(); // 'wasm-simd' on every current runtime
 * ```
 */
export function init(options: InitOptions = {}): Promise<void> {
  if (typeof options !== 'object' || options === null) {
    return Promise.reject(new TypeError('init: options must be an object like { simd: false }'));
  }
  const { simd, module, relaxedSimd } = options;
  if (simd !== undefined && typeof simd !== 'boolean') {
    return Promise.reject(new TypeError(`init: simd must be true or false; got ${String(simd)}`));
  }
  if (relaxedSimd !== undefined && typeof relaxedSimd !== 'boolean') {
    return Promise.reject(new TypeError(`init: relaxedSimd must be true or false; got ${String(relaxedSimd)}`));
  }
  relaxedOn = relaxedSimd !== false;
  if (simd === true && module === undefined && !simdSupported()) {
    return Promise.reject(new Error('init: simd: true was asked for, but this runtime does not support wasm SIMD'));
  }
  if (module !== undefined) return loadFrom(module, simd);
  const want: Backend = (simd ?? simdSupported()) ? 'wasm-simd' : 'wasm-scalar';
  const have = loaded.get(want);
  if (have) {
    current = have;
    return Promise.resolve();
  }
  const key = want;
  let p = inflight.get(key);
  if (!p) {
    p = (async () => {
      if (!sources) throw new Error('init: this entry point has no bundled core; pass init({ module })');
      const src = await (want === 'wasm-simd' ? sources.simd() : sources.scalar());
      const ex = await instantiate(src);
      const c = install(ex, want);
      if (want === 'wasm-simd' && sources.relaxed) c.relaxed = await attachRelaxed(ex, c.ws, await sources.relaxed());
    })().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

async function loadFrom(module: ModuleSource, simd: boolean | undefined): Promise<void> {
  const ex = await instantiate(module);
  checkExports(ex);
  const isSimd = ex.simdBuild() === 1;
  if (simd !== undefined && simd !== isSimd) {
    throw new Error(`init: simd: ${simd} was asked for, but the module given is the ${isSimd ? 'SIMD' : 'scalar'} build`);
  }
  install(ex, isSimd ? 'wasm-simd' : 'wasm-scalar');
}

function install(ex: CoreExports, backend: Backend): Core {
  checkExports(ex);
  const c: Core = { ex, backend, ws: new Workspace(ex), relaxed: null };
  loaded.set(backend, c);
  current = c;
  return c;
}

/** @internal The relaxed kernels to use now: attached to the active core and not turned off. */
export function relaxedKernels(c: Core): RelaxedKernels | null {
  return relaxedOn ? c.relaxed : null;
}

/**
 * Which build of the core is running: `'wasm-simd'` or `'wasm-scalar'`.
 *
 * @example
 * ```ts
 * await init({ simd: false });
 * backend(); // 'wasm-scalar'
 * ```
 */
export function backend(): Backend {
  return core().backend;
}

/** @internal The active core; throws a clear error before `init()`. */
export function core(): Core {
  if (!current) throw new Error('probasm is not initialized: call `await init()` first');
  return current;
}

// Test worker for Cloudflare's workerd. scripts/test-workerd.mjs bundles it with esbuild
// under the `workerd` export condition, so 'probasm' resolves (by package self-reference)
// to dist/workerd.js, which imports dist/probasm.{simd,scalar}.wasm as precompiled modules.
//
// It answers with the golden calls on both builds and both Threefry layouts as JSON (see
// golden-sample.mjs); the script checks them against tests-ts/fixtures/golden/prng.json.
// collect() calls `init()` first with NO arguments: the workerd entry must supply the
// modules itself.
import * as probasm from 'probasm';
import { collect } from './golden-sample.mjs';

// Evidence that this really runs under the Workers rule "no wasm compiled from bytes".
function compileFromBytesForbidden() {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return false;
  } catch (e) {
    return /disallowed|not allowed|code generation/i.test(String(e?.message ?? e));
  }
}

export default {
  async fetch() {
    try {
      const out = await collect(probasm);
      out.runtime = typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown';
      out.compileFromBytesForbidden = compileFromBytesForbidden();
      return Response.json(out);
    } catch (e) {
      return Response.json({ error: String(e?.stack ?? e) }, { status: 500 });
    }
  },
};

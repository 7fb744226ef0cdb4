// The built package under Cloudflare's workerd (the Workers runtime, which forbids
// compiling wasm from bytes at run time).
//
// 1. esbuild bundles tests-ts/portable/worker.mjs with `--conditions=workerd
//    --platform=neutral --format=esm --bundle --external:*.wasm`; 'probasm' resolves to this
//    package by self-reference through package.json "exports" (workerd -> dist/workerd.js,
//    which imports ./probasm.{simd,scalar}.wasm). The .wasm files are copied next to it.
// 2. A config.capnp declares main.js (esModule) and the two wasm modules (`wasm = embed`),
//    compatibilityDate "2026-11-01", one socket on 127.0.0.1:<free port>.
// 3. `npx workerd serve config.capnp` runs in its own process group (always killed), and
//    the worker's JSON answer is checked against tests-ts/fixtures/golden/prng.json.
import { existsSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start, run, tempDir, freePort, waitFor, requireDist, Checks, skip } from '../tests-ts/portable/harness.mjs';
import { checkCollected } from '../tests-ts/portable/golden-check.mjs';

const COMPAT_DATE = '2026-11-01';
const START_TIMEOUT_MS = 30_000;
const SERVE_TIMEOUT_MS = 90_000; // hard bound on the whole workerd process

const workerdBin = join(ROOT, 'node_modules', '.bin', 'workerd');
if (!existsSync(workerdBin)) skip('workerd is not installed (node_modules/.bin/workerd missing: run npm ci)');
requireDist(['dist/workerd.js', 'dist/probasm.simd.wasm', 'dist/probasm.scalar.wasm']);
const t = new Checks();

const v = await run('npx', ['--no', '--', 'workerd', '--version'], { timeoutMs: 30_000, echo: false });
if (v.code !== 0) skip(`workerd does not run here: ${(v.stdout + v.stderr).trim().split('\n').pop()}`);
console.log(`--- ${v.stdout.trim()}`);

// 1. bundle
const dir = tempDir('workerd');
let esbuild;
try { esbuild = await import('esbuild'); } catch (e) { t.fail('esbuild is importable', String(e)); t.finish(); }
try {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['tests-ts/portable/worker.mjs'],
    outfile: join(dir, 'main.js'),
    bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker'],
    external: ['*.wasm'], logLevel: 'warning',
  });
} catch (e) {
  t.fail('esbuild bundles the test worker under the workerd condition', String(e));
  t.finish();
}
const bundle = readFileSync(join(dir, 'main.js'), 'utf8');
t.ok(/from\s*["']\.\/probasm\.simd\.wasm["']/.test(bundle) && /from\s*["']\.\/probasm\.scalar\.wasm["']/.test(bundle),
  "the workerd condition picks dist/workerd.js (the bundle imports ./probasm.{simd,scalar}.wasm as modules)");
t.ok(!/SIMD_WASM_BASE64|AGFzbQ/.test(bundle), 'the workerd bundle carries no base64-inlined wasm');
for (const f of ['probasm.simd.wasm', 'probasm.scalar.wasm']) copyFileSync(join(ROOT, 'dist', f), join(dir, f));

// 2. config + 3. serve, retrying on a port taken between freePort() and workerd's bind
const capnp = (port) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .testWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);

const testWorker :Workerd.Worker = (
  modules = [
    (name = "main.js", esModule = embed "main.js"),
    (name = "probasm.simd.wasm", wasm = embed "probasm.simd.wasm"),
    (name = "probasm.scalar.wasm", wasm = embed "probasm.scalar.wasm"),
  ],
  compatibilityDate = "${COMPAT_DATE}",
);
`;

let body, status, server, port;
for (let attempt = 1; attempt <= 3 && body === undefined; attempt++) {
  port = await freePort();
  writeFileSync(join(dir, 'config.capnp'), capnp(port));
  const t0 = Date.now();
  server = start('npx', ['--no', '--', 'workerd', 'serve', join(dir, 'config.capnp')], { cwd: ROOT, timeoutMs: SERVE_TIMEOUT_MS });
  let exited = false;
  server.done.then(() => { exited = true; });
  try {
    const res = await waitFor(async () => {
      const ctl = AbortSignal.timeout(20_000);
      return await fetch(`http://127.0.0.1:${port}/`, { signal: ctl });
    }, { timeoutMs: START_TIMEOUT_MS, everyMs: 150, what: `workerd on 127.0.0.1:${port}`, alive: () => !exited });
    status = res.status;
    body = await res.text();
    console.log(`workerd answered on 127.0.0.1:${port} after ${Date.now() - t0} ms (HTTP ${status})`);
  } catch (e) {
    console.log(`attempt ${attempt}: ${e.message}`);
    const out = server.output();
    await server.stop();
    if (!/address already in use|EADDRINUSE|bind/i.test(out)) break; // not a port race: do not retry
  }
}
if (server) await server.stop();

if (body === undefined) {
  t.fail('workerd serves the test worker', server ? server.output().slice(-4000) : 'not started');
  t.finish();
}
let out;
try { out = JSON.parse(body); } catch { t.fail('the worker answers JSON', body.slice(0, 2000)); t.finish(); }
if (!t.ok(status === 200 && !out.error, 'the worker runs without throwing', out.error)) t.finish();

console.log(`worker runtime: ${out.runtime}`);
t.ok(out.compileFromBytesForbidden === true, 'workerd forbids compiling wasm from bytes (so the test is meaningful)');
checkCollected(t, out, { where: 'workerd' });
t.finish();

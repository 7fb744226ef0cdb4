// The runtime-portable PRNG suite (tests-ts/portable/prng.portable.test.mjs, against the
// built dist/index.js) under Bun: `npx bun test ./tests-ts/portable/prng.portable.test.mjs`
// (bun test needs an explicit path). Node and Deno run the same file in scripts/test-deno.mjs.
// Skips (exit 77) when the bun binary is not installed (npm ci installs it from
// devDependencies; it needs its postinstall script).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, requireDist, finish, skip } from '../tests-ts/portable/harness.mjs';

const FILE = './tests-ts/portable/prng.portable.test.mjs';
const TIMEOUT_MS = 120_000;

const bunBin = join(ROOT, 'node_modules', '.bin', 'bun');
if (!existsSync(bunBin)) skip('bun is not installed (node_modules/.bin/bun missing: run npm ci)');
requireDist(['dist/index.js', 'dist/probasm.simd.wasm', 'dist/probasm.scalar.wasm']);

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' };
const v = await run('npx', ['--no', '--', 'bun', '--version'], { timeoutMs: 30_000, env, echo: false });
if (v.code !== 0) skip(`bun does not run here: ${(v.stdout + v.stderr).trim().split('\n').pop()}`);
console.log(`--- bun ${v.stdout.trim()}: bun test ${FILE}`);
const r = await run('npx', ['--no', '--', 'bun', 'test', FILE], { timeoutMs: TIMEOUT_MS, env });
const out = r.stdout + r.stderr;
const mp = /^\s*(\d+) pass\s*$/m.exec(out);
const mf = /^\s*(\d+) fail\s*$/m.exec(out);
const p = mp ? Number(mp[1]) : 0;
let f = mf ? Number(mf[1]) : 0;
if (r.timedOut) console.log(`bun test timed out after ${TIMEOUT_MS} ms`);
if ((r.code !== 0 || r.timedOut || !mp) && f === 0) f = 1;
console.log(`bun: ${p} passed, ${f} failed (${(r.ms / 1000).toFixed(1)}s)`);
finish(p, f);

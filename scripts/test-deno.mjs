// The runtime-portable PRNG suite (tests-ts/portable/prng.portable.test.mjs, against the
// built dist/index.js) under Node's own runner and under Deno. The same file runs under
// Bun in scripts/test-bun.mjs. Prints `RESULT passed=N failed=M` (sum of both runners).
//
// Deno: `npx deno test --allow-read --no-check` with DENO_NO_UPDATE_CHECK=1, a fresh
// XDG_RUNTIME_DIR (mode 0700) and DENO_DIR under node_modules/.cache. Skips (exit 77) when
// the deno binary is not installed (npm ci installs it from devDependencies).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, tempDir, requireDist, finish, skip } from '../tests-ts/portable/harness.mjs';

const FILE = 'tests-ts/portable/prng.portable.test.mjs';
const TIMEOUT_MS = 120_000;

const denoBin = join(ROOT, 'node_modules', '.bin', 'deno');
if (!existsSync(denoBin)) skip('deno is not installed (node_modules/.bin/deno missing: run npm ci)');
requireDist(['dist/index.js', 'dist/probasm.simd.wasm', 'dist/probasm.scalar.wasm']);
let passed = 0, failed = 0;

// 1. node --test (Node's runner on the built package; scripts/test-node.mjs covers the sources)
{
  console.log(`--- node ${process.version}: node --test ${FILE}`);
  const r = await run(process.execPath, ['--test', '--test-reporter=spec', FILE], {
    timeoutMs: TIMEOUT_MS, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const p = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
  let f = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
  if (r.timedOut) console.log(`node --test timed out after ${TIMEOUT_MS} ms`);
  if ((r.code !== 0 || r.timedOut) && f === 0) f = 1;
  console.log(`node: ${p} passed, ${f} failed (${(r.ms / 1000).toFixed(1)}s)`);
  passed += p; failed += f;
}

// 2. deno test
{
  const xdg = tempDir('deno-xdg'); // mkdtemp makes it 0700
  const denoDir = join(ROOT, 'node_modules', '.cache', 'probasm-deno');
  mkdirSync(denoDir, { recursive: true });
  const env = {
    ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1',
    XDG_RUNTIME_DIR: xdg, DENO_DIR: denoDir,
  };
  const v = await run('npx', ['--no', '--', 'deno', '--version'], { timeoutMs: 30_000, env, echo: false });
  console.log(`--- ${(v.stdout.split('\n')[0] || 'deno (version unknown)').trim()}: deno test --allow-read --no-check ${FILE}`);
  const r = await run('npx', ['--no', '--', 'deno', 'test', '--allow-read', '--no-check', '--no-lock', FILE], { timeoutMs: TIMEOUT_MS, env });
  const out = r.stdout + r.stderr;
  const m = /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(out);
  const p = m ? Number(m[1]) : 0;
  let f = m ? Number(m[2]) : 0;
  if (r.timedOut) console.log(`deno test timed out after ${TIMEOUT_MS} ms`);
  if ((r.code !== 0 || r.timedOut || !m) && f === 0) f = 1;
  console.log(`deno: ${p} passed, ${f} failed (${(r.ms / 1000).toFixed(1)}s)`);
  passed += p; failed += f;
}

finish(passed, failed);

// as-pect specs for the AssemblyScript kernels (tests-as/*.spec.ts), run against both
// compiles of the core: scalar (tests-as/as-pect.asconfig.json) and SIMD
// (tests-as/as-pect.simd.asconfig.json, `enable: ["simd"]`). The specs' host import
// probasm_test.expectSimd (tests-as/as-pect.config.js) reads PROBASM_AS_SIMD, so a spec
// checks that each run really compiled the build it claims.
//
// as-pect 8.1.0 runs on AssemblyScript 0.28 for specs that pass primitives to matchers
// (see shared/TOOLCHAIN.md); its config is ESM. Prints `RESULT passed=N failed=M`
// summed over both builds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, finish, skip } from '../tests-ts/portable/harness.mjs';

const TIMEOUT_MS = 180_000; // per build
const BUILDS = [
  { name: 'scalar', asconfig: 'tests-as/as-pect.asconfig.json', simd: '0' },
  { name: 'simd', asconfig: 'tests-as/as-pect.simd.asconfig.json', simd: '1' },
];

if (!existsSync(join(ROOT, 'node_modules', '@as-pect', 'cli', 'bin', 'asp.js'))) skip('@as-pect/cli is not installed: run npm ci');

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const NOISE = /^\s*npm warn |^\(node:\d+\) Warning: The 'NO_COLOR'|^\(Use `node --trace-warnings/;
const env = { ...process.env };
delete env.NO_COLOR; // colours are stripped below; NO_COLOR with npm's FORCE_COLOR only adds a warning

let passed = 0, failed = 0;
for (const b of BUILDS) {
  console.log(`--- as-pect, ${b.name} build (${b.asconfig})`);
  const r = await run('npx', ['--no', '--', 'asp', '--config', 'tests-as/as-pect.config.js', '--as-config', b.asconfig, '--no-logo'], {
    timeoutMs: TIMEOUT_MS, env: { ...env, PROBASM_AS_SIMD: b.simd }, echo: false,
  });
  const out = strip(r.stdout + r.stderr);
  // as-pect 8.1.0 prints its ASCII logo even with --no-logo: start at its banner line
  const lines = out.split('\n');
  const from = Math.max(0, lines.findIndex((l) => l.includes('AS-pect')));
  for (const line of lines.slice(from)) {
    if (!line.trim() || NOISE.test(line)) continue;
    console.log(`[${b.name}] ${line.trimEnd()}`);
  }
  const m = /\[Tests\]:\s*(\d+)\s*\/\s*(\d+)/.exec(out);
  const p = m ? Number(m[1]) : 0;
  let f = m ? Number(m[2]) - Number(m[1]) : 0;
  if (r.timedOut) console.log(`[${b.name}] as-pect timed out after ${TIMEOUT_MS} ms`);
  if ((r.code !== 0 || r.timedOut || !m) && f === 0) f = 1; // compile error, crash or timeout
  console.log(`as-pect ${b.name}: ${p} passed, ${f} failed (${(r.ms / 1000).toFixed(1)}s)`);
  passed += p; failed += f;
}
finish(passed, failed);

// Runs tests-ts/**/*.test.ts with node's built-in runner (through tsx, against the wrapper
// sources), listing files explicitly (Node 20's --test does not expand globs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) { if (e !== 'fixtures' && e !== 'portable') out.push(...find(p)); }
    else if (e.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}
const files = find('tests-ts');
// Relaxed SIMD (the f32x4.relaxed_madd samplers, wrapper/runtime/relaxed.ts) is on by
// default from Node 22; on older Node the V8 flag turns it on so its tests run everywhere.
const RELAXED_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 61, 1, 59, 0,
  253, 12, ...new Array(16).fill(0), 253, 12, ...new Array(16).fill(0), 253, 12, ...new Array(16).fill(0), 253, 133, 2, 11]);
const v8Flags = WebAssembly.validate(RELAXED_PROBE) ? [] : ['--experimental-wasm-relaxed-simd'];
const r = spawnSync(process.execPath, [...v8Flags, '--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 << 20,
  env: { ...process.env, NODE_OPTIONS: '' },
});
process.stdout.write(r.stdout);
const pass = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
const fail = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
console.log(`RESULT passed=${pass} failed=${fail}`);
process.exit(r.status === 0 && fail === 0 ? 0 : 1);

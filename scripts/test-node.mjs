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
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 << 20,
  env: { ...process.env, NODE_OPTIONS: '' },
});
process.stdout.write(r.stdout);
const pass = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
const fail = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
console.log(`RESULT passed=${pass} failed=${fail}`);
process.exit(r.status === 0 && fail === 0 ? 0 : 1);

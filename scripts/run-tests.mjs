// Runs every test suite and prints one closing line: "N passed, N failed, N skipped".
//
// Suites are scripts in scripts/ that follow one contract: they print their own output,
// end with a line `RESULT passed=N failed=M`, and exit 0 when all passed, 1 on failure,
// or 77 when the suite cannot run here (after printing `SKIP: <reason>`). A skipped suite
// fails the run when CI=true (CI must run everything) unless PROBASM_ALLOW_SKIP=1.
//
// Usage: node scripts/run-tests.mjs [suite ...]   (default: all suites, in order)
import { spawnSync } from 'node:child_process';

const SUITES = [
  ['typecheck (tsc)', 'scripts/test-types.mjs'],
  ['assembly (as-pect)', 'scripts/test-as.mjs'],
  ['node:test (tests-ts)', 'scripts/test-node.mjs'],
  ['deno', 'scripts/test-deno.mjs'],
  ['bun', 'scripts/test-bun.mjs'],
  ['workerd', 'scripts/test-workerd.mjs'],
  ['chromium', 'scripts/test-browser.mjs'],
];

const only = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
const report = [];
for (const [name, script] of SUITES) {
  if (only.length && !only.some((o) => name.startsWith(o) || script.includes(o))) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 << 20 });
  process.stdout.write(r.stdout ?? '');
  const m = /RESULT passed=(\d+) failed=(\d+)/.exec(r.stdout ?? '');
  const p = m ? Number(m[1]) : 0, f = m ? Number(m[2]) : 0;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status === 77) {
    const why = /SKIP: (.*)/.exec(r.stdout ?? '')?.[1] ?? 'no reason given';
    skipped++;
    report.push(`SKIPPED ${name}: ${why}`);
  } else if (r.status === 0 && f === 0 && m) {
    passed += p;
    report.push(`ok      ${name}: ${p} passed (${secs}s)`);
  } else {
    passed += p; failed += Math.max(f, 1);
    report.push(`FAILED  ${name}: ${p} passed, ${f} failed, exit ${r.status ?? r.signal} (${secs}s)`);
  }
}
console.log('\n=== summary ===');
for (const line of report) console.log(line);
const strict = process.env.CI === 'true' && process.env.PROBASM_ALLOW_SKIP !== '1';
if (strict && skipped) {
  console.log(`CI=true: ${skipped} suite(s) skipped, which CI does not allow (install what .ci/run installs)`);
  failed += skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);

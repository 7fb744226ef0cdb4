// bench/random: normals, exponentials, gumbels, uniforms and raw Threefry bits per second
// for 10^6 and 10^7 values: probasm's SIMD build (with and without the relaxed-SIMD
// samplers, wrapper/runtime/relaxed.ts) vs its scalar build vs plain JS vs @stdlib. Ratios are
// measured in one run on one machine. Usage: npm run bench  (or: node --import tsx bench/random.ts)
import { spawnSync } from 'node:child_process';
import { init, random } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { relaxedSimdSupported } from '../wrapper/runtime/relaxed.ts';
import stdlibNormal from '@stdlib/random-base-normal';
import { plainNormal, plainUniform, threefryInto } from './plain-js-normal.ts';
import { best } from './timing.ts';


// Relaxed SIMD is on by default from Node 22 (and in browsers and Deno); Node 20 needs the
// V8 flag: re-run under it so the table has the relaxed-SIMD row.
if (!relaxedSimdSupported() && !process.execArgv.includes('--experimental-wasm-relaxed-simd')) {
  const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const rows: { what: string; n: number; impl: string; rate: number }[] = [];
const key = random.key(42);
const quick = process.argv.includes('--quick');
const sizes = quick ? [1e6] : [1e6, 1e7];

// warm-up (wasm tier-up, JIT, heap growth) so that the first rows are not measured cold
for (const simd of [true, false]) {
  await init({ simd });
  for (let i = 0; i < 3; i++) for (const f of [random.normal, random.exponential, random.gumbel, random.uniform]) f(key, [1e6]);
}

for (const n of sizes) {
  const reps = n >= 1e7 ? 5 : 9; // best of several: this kind of machine has bursts of outside load
  for (const simd of [true, false]) {
    await init({ simd, relaxedSimd: true });
    const impl = simd ? 'probasm wasm-simd' : 'probasm wasm-scalar';
    const withRelaxed = simd && core().relaxed !== null;
    if (withRelaxed) {
      const rx = 'probasm wasm-simd + relaxed';
      rows.push({ what: 'normal f32', n, impl: rx, rate: n / best(() => random.normal(key, [n]), reps) });
      rows.push({ what: 'exponential f32', n, impl: rx, rate: n / best(() => random.exponential(key, [n]), reps) });
      rows.push({ what: 'gumbel f32', n, impl: rx, rate: n / best(() => random.gumbel(key, [n]), reps) });
      await init({ simd, relaxedSimd: false });
    }
    rows.push({ what: 'normal f32', n, impl, rate: n / best(() => random.normal(key, [n]), reps) });
    rows.push({ what: 'exponential f32', n, impl, rate: n / best(() => random.exponential(key, [n]), reps) });
    rows.push({ what: 'gumbel f32', n, impl, rate: n / best(() => random.gumbel(key, [n]), reps) });
    rows.push({ what: 'uniform f32', n, impl, rate: n / best(() => random.uniform(key, [n]), reps) });
    // raw Threefry blocks in linear memory, no copy-out (the kernel alone)
    const { ex, ws } = core();
    const blocks = n / 2;
    rows.push({
      what: 'threefry blocks', n, impl,
      rate: blocks / best(() => ws.scoped(() => ex.tfClassicU32(1, 2, ws.alloc(4 * n), n)), reps),
    });
  }
  const bits = new Uint32Array(n), out = new Float32Array(n);
  rows.push({ what: 'normal f32', n, impl: 'plain JS (Threefry + erfinv)', rate: n / best(() => plainNormal(0, 42, n, bits, out), reps) });
  rows.push({ what: 'uniform f32', n, impl: 'plain JS (Threefry + erfinv)', rate: n / best(() => plainUniform(0, 42, n, bits, out), reps) });
  rows.push({ what: 'threefry blocks', n, impl: 'plain JS (Threefry + erfinv)', rate: (n / 2) / best(() => threefryInto(0, 42, n, bits), reps) });
  const g = stdlibNormal.factory(0, 1, { seed: 42 });
  rows.push({ what: 'normal f64', n, impl: '@stdlib/random-base-normal', rate: n / best(() => { for (let i = 0; i < n; i++) out[i] = g(); }, reps) });
}

const ref = (what: string, n: number, impl: string) => rows.find((r) => r.what === what && r.n === n && r.impl === impl)?.rate;
console.log('\nprobasm bench/random (node ' + process.version + ', one run; M/s = millions per second)\n');
console.log('what             n      implementation                  M/s     vs simd');
for (const r of rows) {
  const simd = ref(r.what.replace(' f64', ' f32'), r.n, 'probasm wasm-simd');
  const ratio = simd ? (simd / r.rate).toFixed(2) + 'x' : '';
  console.log(`${r.what.padEnd(16)} ${String(r.n === 1e6 ? '1e6' : '1e7').padEnd(6)} ${r.impl.padEnd(30)} ${(r.rate / 1e6).toFixed(1).padStart(7)}   ${ratio.padStart(7)}`);
}
const n = sizes[sizes.length - 1];
const sd = ref('normal f32', n, 'probasm wasm-simd')!;
const rx = ref('normal f32', n, 'probasm wasm-simd + relaxed');
console.log('\nTargets (issue #2):');
const check = (label: string, got: number, want: number) => console.log(`  ${label.padEnd(52)} ${got.toFixed(2).padStart(7)}x  (target >= ${want}x) ${got >= want ? 'met' : 'NOT met'}`);
check('normal: SIMD / scalar', sd / ref('normal f32', n, 'probasm wasm-scalar')!, 1.5);
check('normal: SIMD / plain JS', sd / ref('normal f32', n, 'plain JS (Threefry + erfinv)')!, 4);
check('normal: SIMD / @stdlib', sd / ref('normal f64', n, '@stdlib/random-base-normal')!, 3);
if (rx) {
  check('normal: SIMD + relaxed / @stdlib', rx / ref('normal f64', n, '@stdlib/random-base-normal')!, 3);
  check('normal: SIMD + relaxed / scalar', rx / ref('normal f32', n, 'probasm wasm-scalar')!, 1.5);
  check('normal: SIMD + relaxed / plain JS', rx / ref('normal f32', n, 'plain JS (Threefry + erfinv)')!, 4);
} else console.log('  (no relaxed-SIMD row: this runtime lacks relaxed SIMD or a fused relaxed_madd)');
const tf = ref('threefry blocks', n, 'probasm wasm-simd')!;
console.log(`  Threefry blocks/s, SIMD: ${(tf / 1e6).toFixed(0)} M/s = ${(100 * tf / 375e6).toFixed(0)}% of the ~375 M/s wasm-SIMD estimate (target >= 80%)`);

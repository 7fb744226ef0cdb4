// bench/distributions: logProb and sample throughput on 10^6 points for Normal, Gamma,
// MultivariateNormalTriL (d = 10) and Categorical (10 classes), float32: probasm's SIMD
// build vs its scalar build (sequential sections, alternating rounds) vs @stdlib (where it
// has the family) vs plain JS loops. Everything in one run on one machine; time = best of
// N calls. Classes another change has not exported yet print "n/a (not yet exported)".
// Usage: npm run bench:distributions  (or: node --import tsx bench/distributions.ts)
import { createRequire } from 'node:module';
import { init, backend, np, random, tfd, Tensor } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import stdlibNormal from '@stdlib/random-base-normal';
import { best } from './timing.ts';

const t00 = performance.now();
const N = 1_000_000, D = 10, K = 10;
const ROUNDS = 3;
const require = createRequire(import.meta.url);

interface Row { op: string; impl: string; sec?: number; note?: string }
const rows: Row[] = [];
const notes: string[] = [];
function add(op: string, impl: string, sec: number | undefined, note?: string): void {
  const r = rows.find((q) => q.op === op && q.impl === impl);
  if (!r) rows.push({ op, impl, sec, note });
  else if (sec !== undefined) r.sec = r.sec === undefined ? sec : Math.min(r.sec, sec);
}
/**
 * Times a row: best of 7 calls for fast ones, 3 above 50 ms, 1 above 0.5 s (after a
 * warm-up call); rows slower than 0.3 s are timed in the first round only.
 */
function timeRow(op: string, impl: string, fn: () => void): void {
  const prev = rows.find((q) => q.op === op && q.impl === impl)?.sec;
  if (prev !== undefined && prev > 0.3) return;
  const t0 = performance.now();
  fn();
  const first = (performance.now() - t0) / 1000;
  const reps = first > 0.5 ? 1 : first > 0.05 ? 3 : 7;
  add(op, impl, Math.min(first, best(fn, reps - 1 || 1)));
}
const OPS = [
  'Normal logProb', 'Normal sample', 'Gamma logProb', 'Gamma sample',
  'MVN-TriL d=10 logProb', 'MVN-TriL d=10 sample', 'Categorical(10) logProb', 'Categorical(10) sample',
];
const SIMD = 'probasm wasm-simd', SCALAR = 'probasm wasm-scalar';
const f32 = (t: Tensor) => t.data() as Float32Array;
const T = tfd as unknown as Record<string, any>;
const has = (name: string) => typeof T[name] === 'function';

// ------------------------------------------------------------------ inputs (made once)
await init({ simd: true });
const xNorm = np.add(np.multiply(random.normal(random.key(1), [N]), 2), 0.5);   // Normal(0.5, 2) points
const xGam = random.uniform(random.key(2), [N], 'float32', 0.01, 8);            // Gamma points
const xMvn = random.normal(random.key(3), [N, D]);                              // MVN points
const kCat = random.randint(random.key(4), [N], 0, K);                          // Categorical points
const logits = random.normal(random.key(5), [K]);
const tril = (() => { // a well-conditioned lower-triangular scale, float32
  const a = new Float32Array(D * D);
  const r = random.normal(random.key(6), [D, D]).data() as Float32Array;
  for (let i = 0; i < D; i++) for (let j = 0; j <= i; j++) a[i * D + j] = i === j ? 1 + Math.abs(r[i * D + j]) : 0.3 * r[i * D + j];
  return new Tensor(a, [D, D]);
})();
const mvnLoc = np.multiply(random.normal(random.key(7), [D]), 0.1);

const LOC = 0.5, SCALE = 2, CONC = 2.5, RATE = 1.5;
const dists = () => ({
  normal: new tfd.Normal({ loc: LOC, scale: SCALE }),
  gamma: has('Gamma') ? new T.Gamma({ concentration: CONC, rate: RATE }) : undefined,
  mvn: has('MultivariateNormalTriL') ? new T.MultivariateNormalTriL({ loc: mvnLoc, scaleTril: tril }) : undefined,
  cat: has('Categorical') ? new T.Categorical({ logits }) : undefined,
});
for (const [op, cls] of [['Gamma', 'Gamma'], ['MVN-TriL d=10', 'MultivariateNormalTriL'], ['Categorical(10)', 'Categorical']] as const) {
  if (!has(cls)) for (const impl of [SIMD, SCALAR]) for (const w of ['logProb', 'sample']) add(`${op} ${w}`, impl, undefined, 'n/a (not yet exported)');
}

// ------------------------------------------------------------------ probasm, both builds
const checks: string[] = [];
for (let round = 0; round < ROUNDS; round++) for (const simd of [true, false]) {
  await init({ simd });
  const be = backend();
  if (be !== (simd ? 'wasm-simd' : 'wasm-scalar')) throw new Error(`init({ simd: ${simd} }) gave backend ${be}`);
  const impl = simd ? SIMD : SCALAR;
  const d = dists();
  const key = random.key(11);
  timeRow('Normal logProb', impl, () => d.normal.logProb(xNorm));
  timeRow('Normal sample', impl, () => d.normal.sample([N], { seed: key }));
  // the same log-density as unfused np ops (what the fused kernel replaces)
  timeRow('Normal logProb', `${impl} (np ops, unfused)`, () => np.subtract(
    np.multiply(-0.5, np.square(np.subtract(np.divide(xNorm, SCALE), LOC / SCALE))), np.add(np.log(np.array(SCALE)), 0.5 * Math.log(2 * Math.PI))));
  // the fused kernel alone on data already in linear memory (no copies in or out)
  const { ex, ws } = core();
  ws.scoped(() => {
    const px = ws.alloc(4 * N), po = ws.alloc(4 * N), pl = ws.alloc(16), ps = ws.alloc(16);
    ws.f32(px, N).set(f32(xNorm));
    ws.f32(pl, 1)[0] = LOC; ws.f32(ps, 1)[0] = SCALE;
    timeRow('Normal logProb', `${impl} (raw kernel)`, () => ex.normalLogProbF32(px, 1, pl, 0, ps, 0, po, 0, 0, 0, N));
  });
  if (d.gamma) {
    timeRow('Gamma logProb', impl, () => d.gamma.logProb(xGam));
    timeRow('Gamma sample', impl, () => d.gamma.sample([N], { seed: key }));
  }
  if (d.mvn) {
    timeRow('MVN-TriL d=10 logProb', impl, () => d.mvn.logProb(xMvn));
    timeRow('MVN-TriL d=10 sample', impl, () => d.mvn.sample([N], { seed: key }));
  }
  if (d.cat) {
    timeRow('Categorical(10) logProb', impl, () => d.cat.logProb(kCat));
    timeRow('Categorical(10) sample', impl, () => d.cat.sample([N], { seed: key }));
  }
  if (round === 0) {
    const lp = f32(d.normal.logProb(xNorm));
    checks.push(`${be}: Normal logProb[0..2] = ${Array.from(lp.slice(0, 3), (v) => v.toFixed(6)).join(', ')}`);
  }
}

// ------------------------------------------------------------------ @stdlib
// The packages a JS user would pick for these families, one call per point:
// @stdlib/stats-base-dists-normal-logpdf, -gamma-logpdf, @stdlib/random-base-normal and
// @stdlib/random-base-gamma (no @stdlib package covers MVN-TriL or Categorical log-prob).
{
  const normalLogpdf: (x: number, mu: number, sigma: number) => number = require('@stdlib/stats-base-dists-normal-logpdf');
  const gammaLogpdf: (x: number, alpha: number, beta: number) => number = require('@stdlib/stats-base-dists-gamma-logpdf');
  const stdlibGamma = require('@stdlib/random-base-gamma');
  const x = f32(xNorm), xg = f32(xGam), out = new Float32Array(N);
  add('Normal logProb', '@stdlib/stats-base-dists-normal-logpdf', best(() => { for (let i = 0; i < N; i++) out[i] = normalLogpdf(x[i], LOC, SCALE); }, 7));
  const g = stdlibNormal.factory(LOC, SCALE, { seed: 42 });
  add('Normal sample', '@stdlib/random-base-normal', best(() => { for (let i = 0; i < N; i++) out[i] = g(); }, 7));
  add('Gamma logProb', '@stdlib/stats-base-dists-gamma-logpdf', best(() => { for (let i = 0; i < N; i++) out[i] = gammaLogpdf(xg[i], CONC, RATE); }, 5));
  const gg = stdlibGamma.factory(CONC, RATE, { seed: 42 });
  add('Gamma sample', '@stdlib/random-base-gamma', best(() => { for (let i = 0; i < N; i++) out[i] = gg(); }, 5));
  for (const op of OPS.slice(4)) add(op, '@stdlib', undefined, 'n/a: no @stdlib package for this family');
}

// ------------------------------------------------------------------ plain JS loops
{
  const impl = 'plain JS loop';
  const out = new Float32Array(N);
  const x = f32(xNorm), xg = f32(xGam);
  const HL = 0.5 * Math.log(2 * Math.PI);
  add('Normal logProb', impl, best(() => {
    const c = Math.log(SCALE) + HL;
    for (let i = 0; i < N; i++) { const z = (x[i] - LOC) / SCALE; out[i] = -0.5 * z * z - c; }
  }, 7));
  // Box-Muller on Math.random (not JAX-exact: a speed reference only)
  const boxMuller = (o: Float32Array, loc: number, scale: number) => {
    for (let i = 0; i < o.length; i += 2) {
      const u = 1 - Math.random(), v = Math.random(), r = Math.sqrt(-2 * Math.log(u));
      o[i] = loc + scale * r * Math.cos(2 * Math.PI * v);
      if (i + 1 < o.length) o[i + 1] = loc + scale * r * Math.sin(2 * Math.PI * v);
    }
  };
  add('Normal sample', impl + ' (Box-Muller, Math.random)', best(() => boxMuller(out, LOC, SCALE), 7));
  const lgamma = (z: number): number => { // Lanczos g = 7 (f64), z > 0
    const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lgamma(1 - z);
    z -= 1;
    let a = c[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++) a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  };
  add('Gamma logProb', impl, best(() => {
    const k = CONC * Math.log(RATE) - lgamma(CONC);
    for (let i = 0; i < N; i++) out[i] = (CONC - 1) * Math.log(xg[i]) - RATE * xg[i] + k;
  }, 7));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  add('Gamma sample', impl + ' (Marsaglia-Tsang, Math.random)', best(() => {
    const dd = CONC - 1 / 3, cc = 1 / Math.sqrt(9 * dd);
    for (let i = 0; i < N; i++) {
      for (;;) {
        const z = gauss(), v0 = 1 + cc * z;
        if (v0 <= 0) continue;
        const v = v0 * v0 * v0, u = Math.random();
        if (Math.log(u) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) { out[i] = dd * v / RATE; break; }
      }
    }
  }, 3));
  const L = f32(tril), mu = f32(mvnLoc), xm = f32(xMvn);
  add('MVN-TriL d=10 logProb', impl, best(() => {
    let logdet = 0;
    for (let i = 0; i < D; i++) logdet += Math.log(Math.abs(L[i * D + i]));
    const c = -0.5 * D * Math.log(2 * Math.PI) - logdet, z = new Float64Array(D);
    for (let p = 0; p < N; p++) {
      let q = 0;
      for (let i = 0; i < D; i++) { // forward substitution L z = x - mu
        let s = xm[p * D + i] - mu[i];
        for (let j = 0; j < i; j++) s -= L[i * D + j] * z[j];
        z[i] = s / L[i * D + i];
        q += z[i] * z[i];
      }
      out[p] = c - 0.5 * q;
    }
  }, 3));
  const outM = new Float32Array(N * D), zz = new Float32Array(N * D);
  add('MVN-TriL d=10 sample', impl + ' (Box-Muller, Math.random)', best(() => {
    boxMuller(zz, 0, 1);
    for (let p = 0; p < N; p++) {
      for (let i = 0; i < D; i++) {
        let s = mu[i];
        for (let j = 0; j <= i; j++) s += L[i * D + j] * zz[p * D + j];
        outM[p * D + i] = s;
      }
    }
  }, 3));
  const lg = f32(logits), kc = kCat.data() as Int32Array;
  add('Categorical(10) logProb', impl, best(() => {
    let m = -Infinity;
    for (let j = 0; j < K; j++) m = Math.max(m, lg[j]);
    let s = 0;
    for (let j = 0; j < K; j++) s += Math.exp(lg[j] - m);
    const lse = m + Math.log(s), ls = new Float64Array(K);
    for (let j = 0; j < K; j++) ls[j] = lg[j] - lse;
    for (let i = 0; i < N; i++) out[i] = ls[kc[i]];
  }, 7));
  const outI = new Int32Array(N);
  add('Categorical(10) sample', impl + ' (inverse CDF, Math.random)', best(() => {
    let m = -Infinity;
    for (let j = 0; j < K; j++) m = Math.max(m, lg[j]);
    const cdf = new Float64Array(K);
    let s = 0;
    for (let j = 0; j < K; j++) { s += Math.exp(lg[j] - m); cdf[j] = s; }
    for (let i = 0; i < N; i++) {
      const u = Math.random() * s;
      let j = 0;
      while (j < K - 1 && cdf[j] <= u) j++;
      outI[i] = j;
    }
  }, 3));
}

// ------------------------------------------------------------------ table
const fmtTime = (s: number) => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} µs` : `${(s * 1e3).toFixed(2)} ms`);
const simdTime = (op: string) => rows.find((r) => r.op === op && r.impl === SIMD)?.sec;
console.log(`\nprobasm bench/distributions (node ${process.version}, one run; 10^6 float32 points per call; time = best of N calls,`);
console.log(`probasm rows best over ${ROUNDS} alternating rounds of both builds; Mpt/s = 10^6 points per second;`);
console.log('vs simd = this time / probasm wasm-simd (distribution API) time: > 1 means probasm SIMD is faster)\n');
console.log(`${'operation'.padEnd(24)} ${'implementation'.padEnd(46)} ${'time/call'.padStart(11)}  ${'Mpt/s'.padStart(8)}  ${'vs simd'.padStart(8)}`);
for (const op of OPS) {
  for (const r of rows.filter((q) => q.op === op)) {
    if (r.sec === undefined) {
      console.log(`${op.padEnd(24)} ${r.impl.padEnd(46)} ${'n/a'.padStart(11)}  ${''.padStart(8)}  ${''.padStart(8)}  ${r.note ?? ''}`);
      continue;
    }
    const ref = simdTime(op);
    const ratio = ref ? (r.sec / ref).toFixed(2) + 'x' : '';
    console.log(`${op.padEnd(24)} ${r.impl.padEnd(46)} ${fmtTime(r.sec).padStart(11)}  ${(N / r.sec / 1e6).toFixed(1).padStart(8)}  ${ratio.padStart(8)}  ${r.note ?? ''}`);
  }
  console.log('');
}
for (const n of notes) console.log('Note: ' + n);
console.log('Note: "probasm" rows go through the distribution API (copy in, kernel, copy out to a new tensor); "(raw kernel)" is the');
console.log('      fused kernel alone on data already in wasm memory. Plain-JS samplers use Math.random (a speed reference; not JAX-exact).');
console.log('\nChecks:');
for (const c of checks) console.log('  ' + c);

console.log('\nTarget (issue #4):');
const stdRow = rows.find((r) => r.op === 'Normal logProb' && r.impl.startsWith('@stdlib'))?.sec;
const simdNormal = simdTime('Normal logProb');
if (stdRow !== undefined && simdNormal !== undefined) {
  const s = stdRow / simdNormal;
  console.log(`  Normal logProb 10^6 f32: SIMD (distribution API) / @stdlib normal logpdf      ${s.toFixed(2).padStart(7)}x  (target >= 3x) ${s >= 3 ? 'met' : 'NOT met'}`);
}
const sc = rows.find((r) => r.op === 'Normal logProb' && r.impl === SCALAR)?.sec;
if (sc !== undefined && simdNormal !== undefined) console.log(`  Normal logProb 10^6 f32: SIMD / scalar build (distribution API)             ${(sc / simdNormal).toFixed(2).padStart(7)}x`);
console.log(`\n(total ${((performance.now() - t00) / 1000).toFixed(0)} s)`);

// bench/mcmc: NUTS with Stan-style warm-up (mcmc.windowedAdaptiveNuts) on
//   - the Iris Bayesian logistic regression (examples/iris.ts: w [4, 3], b [3], raw features),
//     4 chains x (500 warm-up + 500 draws), initial step size 1e-3;
//   - a 100-D standard normal, 4 chains x (500 warm-up + 500 draws);
// for probasm's SIMD build and its scalar build (sequential sections). Reported per run:
// wall time (warm-up + draws), gradient evaluations per second (leapfrog steps summed over
// chains and over warm-up and draws, Stan's n_leapfrog convention; the 4 chains are one
// batched target call per step, so target calls are fewer), minimum bulk ESS over the
// parameters (mcmc.rankNormalizedEss, Stan's split rank-normalized estimator, on the 500
// draws per chain: the estimator run.R reports for Stan) and minimum ESS per second of wall
// time.
// Stan runs side by side when `Rscript -e 'library(rstan)'` works: bench/stan/run.R samples
// bench/stan/{iris,normal100}.stan with the same chains, warm-up and draws (rstan's own
// adaptation; chains in parallel on up to 4 cores, as rstan users run it) and its rows join
// the table with the ratio measured in this run. Otherwise the ratio is against the figures
// recorded in tests-ts/fixtures/golden/iris-stan.json (Stan 2.21.7 on this kind of
// machine), labelled as recorded.
// Usage: npm run bench:mcmc  (or: node --import tsx bench/mcmc.ts [--quick])
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, backend, mcmc, np, random, tfd, Tensor } from '../wrapper/index.ts';
import { loadIris } from '../examples/lib/iris_data.ts';

const quick = process.argv.includes('--quick');
const CHAINS = 4, WARMUP = quick ? 100 : 500, DRAWS = quick ? 100 : 500;
const golden = JSON.parse(readFileSync(new URL('../tests-ts/fixtures/golden/iris-stan.json', import.meta.url), 'utf8'));

interface Row { model: string; build: string; wall: number; grads: number; minEss: number; note: string }
const rows: Row[] = [];

function irisModel(): { jd: InstanceType<typeof tfd.JointDistributionCoroutine>; pins: Record<string, Tensor> } {
  const data = loadIris();
  const x = new Tensor(data.features, [data.n, 4]);
  const Root = tfd.JointDistributionCoroutine.Root;
  const wPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([4, 3]), scale: 1 }), { reinterpretedBatchNdims: 2 });
  const bPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([3]), scale: 1 }), { reinterpretedBatchNdims: 1 });
  const jd = new tfd.JointDistributionCoroutine(function* () {
    const w: Tensor = yield Root(wPrior);
    const b: Tensor = yield Root(bPrior);
    yield new tfd.Independent(new tfd.Categorical({ logits: np.add(np.matmul(x, w), np.expandDims(b, -2)) }), { reinterpretedBatchNdims: 1 });
  });
  return { jd, pins: { var2: new Tensor(data.labels, [data.n]) } };
}

function normal100(): { jd: InstanceType<typeof tfd.JointDistributionSequential>; pins: undefined } {
  return { jd: new tfd.JointDistributionSequential([new tfd.Independent(new tfd.Normal({ loc: np.zeros([100]), scale: 1 }), { reinterpretedBatchNdims: 1 })]), pins: undefined };
}

async function run(model: string, make: () => { jd: any; pins: Record<string, Tensor> | undefined }, initStepSize?: number): Promise<void> {
  const { jd, pins } = make();
  const t0 = performance.now();
  const r = await mcmc.windowedAdaptiveNuts({
    jointDist: jd, pins, nChains: CHAINS, numAdaptationSteps: WARMUP, nDraws: DRAWS, initStepSize, seed: random.key(0), discardTuning: false,
  });
  const wall = (performance.now() - t0) / 1000;
  const grads = (r.trace.leapfrogsTaken.data() as Int32Array).reduce((a, b) => a + b, 0);
  const draws = (r.allStates as Tensor[]).map((t) => {
    const per = t.size / t.shape[0];
    return new Tensor((t.data() as Float32Array).slice(WARMUP * per), [DRAWS, ...t.shape.slice(1)]);
  });
  // Stan's bulk ESS (what bench/stan/run.R reports for Stan), so both sides use one estimator
  const ess = mcmc.rankNormalizedEss(draws) as Tensor[];
  const minEss = Math.min(...ess.flatMap((e) => Array.from(e.data() as Float32Array)));
  const lf = (r.trace.leapfrogsTaken.data() as Int32Array).slice(WARMUP * CHAINS);
  const note = `step ${r.stepSize.toPrecision(3)}, ${(lf.reduce((a, b) => a + b, 0) / lf.length).toFixed(1)} leapfrogs/draw`;
  rows.push({ model, build: backend(), wall, grads, minEss, note });
  console.log(`  ${model} (${backend()}): ${wall.toFixed(1)} s, ${note}`);
}

console.log(`bench/mcmc: NUTS, ${CHAINS} chains x (${WARMUP} warm-up + ${DRAWS} draws)${quick ? ' [--quick]' : ''}; node ${process.version}`);
for (const simd of [true, false]) {
  await init({ simd });
  const be = backend();
  if (be !== (simd ? 'wasm-simd' : 'wasm-scalar')) throw new Error(`init({ simd: ${simd} }) gave backend ${be}`);
  await run('Iris logistic regression (15-D)', irisModel, 1e-3);
  await run('standard normal (100-D)', normal100);
}

/** The Iris data as an rstan rdump file (R is column-major; labels 1-based). */
function irisRdump(): string {
  const d = loadIris();
  const cols: number[] = [];
  for (let j = 0; j < 4; j++) for (let i = 0; i < d.n; i++) cols.push(d.features[i * 4 + j]);
  return `N <- ${d.n}\nD <- 4\nK <- 3\nx <- structure(c(${cols.join(', ')}), .Dim = c(${d.n}, 4))\ny <- c(${Array.from(d.labels, (v) => v + 1).join(', ')})\n`;
}

/** Stan (rstan) on the same model and settings, in this run: bench/stan/run.R prints one JSON line. */
function runStan(model: string, stanFile: string, rdump: string | null): void {
  const dir = mkdtempSync(join(tmpdir(), 'probasm-stan-'));
  let dataPath = '-';
  if (rdump !== null) { dataPath = join(dir, 'data.R'); writeFileSync(dataPath, rdump); }
  const script = fileURLToPath(new URL('./stan/run.R', import.meta.url));
  const file = fileURLToPath(new URL(`./stan/${stanFile}`, import.meta.url));
  console.log(`  ${model} (Stan): compiling and sampling ...`);
  const r = spawnSync('Rscript', [script, file, dataPath, String(CHAINS), String(WARMUP), String(DRAWS), '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`Stan run failed for ${model}:\n${r.stderr.slice(-4000)}`);
  const j = JSON.parse(line) as { wall_s: number; gradient_evals: number; min_bulk_ess: number; divergences: number; rstan: string };
  rows.push({ model, build: `Stan ${j.rstan}`, wall: j.wall_s, grads: j.gradient_evals, minEss: j.min_bulk_ess, note: `rstan, ${CHAINS} chains on ${Math.min(CHAINS, availableParallelism())} cores, ${j.divergences} divergences` });
}

const pad = (s: string, n: number) => s.padEnd(n);
function table(): void {
  console.log(`\n${pad('model', 34)}${pad('build', 13)}${pad('wall s', 9)}${pad('grad evals', 12)}${pad('grads/s', 10)}${pad('bulk ESS', 9)}${pad('ESS/s', 8)}notes`);
  for (const r of rows) {
    console.log(`${pad(r.model, 34)}${pad(r.build, 13)}${pad(r.wall.toFixed(1), 9)}${pad(String(r.grads), 12)}${pad((r.grads / r.wall).toFixed(0), 10)}${pad(r.minEss.toFixed(0), 9)}${pad((r.minEss / r.wall).toFixed(1), 8)}${r.note}`);
  }
}

const stanAvailable = spawnSync('Rscript', ['-e', 'library(rstan)'], { encoding: 'utf8' }).status === 0;
const s = golden.stan_speed_on_this_machine_kind;
console.log('');
if (stanAvailable) {
  runStan('Iris logistic regression (15-D)', 'iris.stan', irisRdump());
  runStan('standard normal (100-D)', 'normal100.stan', null);
  table();
  const stanIris = rows.find((r) => r.model.startsWith('Iris') && r.build.startsWith('Stan'))!;
  const stanRate = stanIris.minEss / stanIris.wall;
  console.log('\nIris ESS/s against Stan measured side by side in this run (target >= 0.5x):');
  for (const r of rows.filter((q) => q.model.startsWith('Iris') && !q.build.startsWith('Stan'))) {
    const rate = r.minEss / r.wall;
    console.log(`  probasm ${r.build}: ${rate.toFixed(1)} ESS/s = ${(rate / stanRate).toFixed(2)}x Stan (${stanRate.toFixed(1)} ESS/s)`);
  }
} else {
  table();
  console.log('\nStan: not installed (Rscript with rstan); reference figures from iris-stan.json (recorded, not side by side):');
}
console.log(`  recorded: ${s.setting}: ${s.wall_s} s, ${s.gradients_per_s} grads/s, min bulk ESS ${s.min_bulk_ess}, ${s.ess_per_s} ESS/s; ${s.note}`);
const stan4 = Number(/(\d+) ESS\/s/.exec(s.note)?.[1] ?? NaN); // "4 chains on 2 cores: ... 150 ESS/s"
for (const r of rows.filter((q) => q.model.startsWith('Iris') && !q.build.startsWith('Stan'))) {
  const essPerS = r.minEss / r.wall;
  console.log(`  probasm ${r.build} Iris ESS/s ${essPerS.toFixed(1)}: ${(essPerS / s.ess_per_s).toFixed(2)}x recorded Stan 1-chain (${s.ess_per_s} ESS/s), ` +
    `${(essPerS / stan4).toFixed(2)}x recorded Stan 4 chains on 2 cores (${stan4} ESS/s); gradients/s ${(r.grads / r.wall / s.gradients_per_s).toFixed(2)}x`);
}

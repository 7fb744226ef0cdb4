// Bayesian logistic regression on Iris with NUTS (DESIGN.md section 9, item 1): the headline
// program. A JointDistributionCoroutine puts Normal(0, 1) priors on the weights w [4, 3] and
// the bias b [3]; the species labels are Categorical(logits = x w + b) of the four raw
// measurements (the model of the Stan reference, tests-ts/fixtures/golden/iris-stan.json).
// NUTS with Stan-style warm-up (500 steps from step size 1e-3, then 500 draws) on 4 chains;
// prints the accuracies (about 0.97 per draw, 0.98 for the Bayesian model average), ESS,
// R-hat, divergences and the step size, and writes an SVG plot of the target log-prob trace
// and of the posteriors of the first weights (to $IRIS_PLOT, default ./iris-trace.svg).
import { writeFileSync } from 'node:fs';
import { init, mcmc, np, random, tfd, Tensor } from 'probasm';
import { accuracies, loadIris, type IrisData } from './lib/iris_data.ts';
import { renderFigure, type Panel } from './lib/svg_plot.ts';
import { ProgressBar } from './lib/progress.ts';

/** The model: w ~ Normal(0, 1) [4, 3], b ~ Normal(0, 1) [3], labels ~ Categorical(x w + b). */
export function irisModel(data: IrisData): InstanceType<typeof tfd.JointDistributionCoroutine> {
  const x = new Tensor(data.features, [data.n, data.nFeatures]);
  const Root = tfd.JointDistributionCoroutine.Root;
  // The priors do not depend on other parts: made once, yielded at every run of the model.
  const wPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([data.nFeatures, data.nClasses]), scale: 1 }), { reinterpretedBatchNdims: 2 });
  const bPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([data.nClasses]), scale: 1 }), { reinterpretedBatchNdims: 1 });
  return new tfd.JointDistributionCoroutine(function* () {
    const w: Tensor = yield Root(wPrior);
    const b: Tensor = yield Root(bPrior);
    // With chains, w is [chains, 4, 3] and b [chains, 3]: logits [chains, 150, 3].
    const logits = np.add(np.matmul(x, w), np.expandDims(b, -2));
    yield new tfd.Independent(new tfd.Categorical({ logits }), { reinterpretedBatchNdims: 1 });
  });
}

export async function main(): Promise<void> {
  await init();
  // The reference run: 4 chains x (500 + 500). IRIS_CHAINS / IRIS_WARMUP / IRIS_DRAWS shrink it
  // (the examples test runs a small version against the built package).
  const size = (name: string, d: number): number => {
    const v = Number(process.env[name] ?? d);
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer; got ${process.env[name]}`);
    return v;
  };
  const nChains = size('IRIS_CHAINS', 4), numAdaptationSteps = size('IRIS_WARMUP', 500), nDraws = size('IRIS_DRAWS', 500);
  const data = loadIris();
  const model = irisModel(data);
  const labels = new Tensor(data.labels, [data.n]);

  const bar = new ProgressBar({ total: numAdaptationSteps + nDraws, label: `NUTS ${nChains} chains` });
  const t0 = performance.now();
  const { allStates, trace, stepSize } = await mcmc.windowedAdaptiveNuts({
    jointDist: model, pins: { var2: labels }, nChains, numAdaptationSteps, nDraws,
    initStepSize: 1e-3, seed: random.key(0),
    onProgress: (p) => bar.update(p.step, `${p.phase}, step size ${p.stepSize.toPrecision(3)}, ${p.divergences} divergent`),
  });
  bar.done();
  const seconds = (performance.now() - t0) / 1000;
  const [w, b] = allStates as Tensor[]; // w [500, 4, 4, 3], b [500, 4, 3]

  const acc = accuracies(data, w.data() as Float32Array, b.data() as Float32Array);
  console.log(`average accuracy over draws: ${acc.average.toFixed(4)}`);
  console.log(`Bayesian model average accuracy: ${acc.bma.toFixed(4)}`);

  const ess = mcmc.rankNormalizedEss([w, b]) as Tensor[]; // Stan's bulk ESS
  const rhat = mcmc.rankNormalizedRhat([w, b]) as Tensor[];
  const all = (ts: Tensor[]) => ts.flatMap((t) => Array.from(t.data() as Float32Array));
  const divergent = (trace.hasDivergence.data() as Uint8Array).reduce((s, v) => s + v, 0);
  const leapfrogs = (trace.leapfrogsTaken.data() as Int32Array).reduce((s, v) => s + v, 0);
  console.log(`ESS (bulk, rank-normalized, all chains): min ${Math.min(...all(ess)).toFixed(0)}, max ${Math.max(...all(ess)).toFixed(0)}`);
  console.log(`R-hat (rank-normalized): max ${Math.max(...all(rhat)).toFixed(4)}`);
  console.log(`divergences: ${divergent} of ${nChains * nDraws} draws`);
  console.log(`final step size: ${stepSize.toPrecision(4)} (diagonal metric adapted), ${(leapfrogs / (nChains * nDraws)).toFixed(1)} leapfrog steps per draw`);
  console.log(`time: ${seconds.toFixed(1)} s for ${nChains} x (${numAdaptationSteps} + ${nDraws}) NUTS steps`);

  const wd = w.data() as Float32Array, S = nDraws * nChains;
  const lp = trace.targetLogProb.data() as Float32Array;
  const panels: Panel[] = [{
    kind: 'line', title: 'target log-prob (unconstrained) per chain', xLabel: 'draw', yLabel: 'log-prob',
    series: Array.from({ length: nChains }, (_, c) => ({ label: `chain ${c}`, y: Array.from({ length: nDraws }, (_, i) => lp[i * nChains + c]) })),
  }];
  for (let k = 0; k < data.nClasses; k++) {
    const values = Array.from({ length: S }, (_, s) => wd[s * 12 + k]);
    const mean = values.reduce((a, v) => a + v, 0) / S;
    panels.push({ kind: 'histogram', title: `posterior of w[0, ${k}] (${data.featureNames[0]}, class ${k})`, xLabel: 'weight', series: [{ label: 'all chains', values }], markers: [{ label: 'mean', x: mean }] });
  }
  const path = process.env.IRIS_PLOT ?? 'iris-trace.svg';
  writeFileSync(path, renderFigure(panels, { columns: 2, title: `Bayesian logistic regression on Iris: NUTS, ${nChains} chains` }));
  console.log(`plot written to ${path}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

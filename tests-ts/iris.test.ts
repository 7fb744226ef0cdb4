// The Iris Bayesian logistic regression (DESIGN.md section 9 item 1; examples/iris.ts) at a
// reduced size, deterministic with fixed keys: 2 chains x (200 warm-up + 200 draws) of
// windowedAdaptiveNuts on the same JointDistributionCoroutine as the example (raw features,
// w [4, 3] and b [3] with Normal(0, 1) priors, the model of the Stan reference).
// Checks: accuracy >= 0.95 averaged over draws and >= 0.96 for the Bayesian model average
// (reference: 0.969 / 0.987); every posterior mean within 4 combined Monte Carlo standard
// errors of Stan's (fixtures/golden/iris-stan.json: 40000 draws), with our MCSE = sd / sqrt(ESS)
// from the cross-chain ESS of this run and Stan's recorded MCSE; posterior sds within 25% of
// Stan's; R-hat < 1.05; the SVG plot of the example's kind is well-formed.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, np, random, tfd, mcmc, Tensor } from '../wrapper/index.ts';
import { accuracies, loadIris, parseIris } from '../examples/lib/iris_data.ts';
import { renderFigure, niceTicks, histogram } from '../examples/lib/svg_plot.ts';
import { ProgressBar, formatSeconds } from '../examples/lib/progress.ts';
import { fixture } from './helpers.ts';

const golden = fixture('golden/iris-stan.json') as {
  posterior: Record<string, { mean: number; sd: number; mcse: number }>;
  accuracy: { average_over_draws: number; bayesian_model_average: number };
};

const data = loadIris();
before(async () => { await init(); });

function irisModel() {
  const x = new Tensor(data.features, [data.n, 4]);
  const Root = tfd.JointDistributionCoroutine.Root;
  const wPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([4, 3]), scale: 1 }), { reinterpretedBatchNdims: 2 });
  const bPrior = new tfd.Independent(new tfd.Normal({ loc: np.zeros([3]), scale: 1 }), { reinterpretedBatchNdims: 1 });
  return new tfd.JointDistributionCoroutine(function* () {
    const w: Tensor = yield Root(wPrior);
    const b: Tensor = yield Root(bPrior);
    yield new tfd.Independent(new tfd.Categorical({ logits: np.add(np.matmul(x, w), np.expandDims(b, -2)) }), { reinterpretedBatchNdims: 1 });
  });
}

/**
 * A strict-enough XML well-formedness check for the SVG writer's output: one root element,
 * properly nested and closed tags, quoted attributes without duplicates, no raw '<' or '&'
 * in text, and no NaN/Infinity in numeric attributes. Returns the element names seen.
 */
function checkWellFormedSvg(svg: string): string[] {
  assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '), 'XML declaration then the svg root');
  const body = svg.slice(svg.indexOf('?>') + 2);
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < body.length && (m = re.exec(body)) !== null) {
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(m[5]), `unescaped & in text: ${m[5].slice(0, 40)}`);
      if (stack.length === 0) assert.match(m[5], /^\s*$/, 'text outside the root');
      continue;
    }
    const [, close, name, attrs, self] = m;
    if (close) {
      assert.equal(stack.pop(), name, `</${name}> closes a different element`);
      continue;
    }
    const keys = [...attrs.matchAll(/([\w:-]+)="([^"]*)"/g)];
    assert.equal(new Set(keys.map((k) => k[1])).size, keys.length, `duplicate attribute in <${name}>`);
    for (const [, k, v] of keys) assert.ok(!/NaN|Infinity/.test(v), `${k}="${v}" in <${name}>`);
    if (stack.length === 0) roots++;
    names.push(name);
    if (!self) stack.push(name);
  }
  assert.equal(pos, body.length, `could not parse the SVG at: ${body.slice(pos, pos + 60)}`);
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'exactly one root element');
  return names;
}

describe('Iris data and example helpers', () => {
  it('ships the 150 Iris rows with 50 flowers per species', () => {
    assert.equal(data.n, 150);
    assert.deepEqual([0, 1, 2].map((k) => data.labels.filter((l) => l === k).length), [50, 50, 50]);
    assert.deepEqual(Array.from(data.features.subarray(0, 4)), [5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });
  it('rejects malformed CSV with the line number', () => {
    assert.throws(() => parseIris('a,b\n1,2'), /expected the header/);
    assert.throws(() => parseIris('sepal_length,sepal_width,petal_length,petal_width,target\n1,2,3,x,0'), /line 2/);
  });
  it('accuracies: per-draw argmax averaged over draws, and argmax of the averaged probabilities', () => {
    const w = new Float32Array(12), b = new Float32Array(3);
    const acc0 = accuracies(data, w, b); // all logits equal: argmax is class 0 -> 50 of 150 right
    assert.equal(acc0.average, 1 / 3);
    assert.equal(acc0.bma, 1 / 3);
    // Stan's posterior mean as one draw, against argmax(x w + b) computed with np.
    const wm = new Float32Array(12), bm = new Float32Array(3);
    for (let j = 0; j < 12; j++) wm[j] = golden.posterior[`w[${Math.floor(j / 3) + 1},${(j % 3) + 1}]`].mean;
    for (let k = 0; k < 3; k++) bm[k] = golden.posterior[`b[${k + 1}]`].mean;
    const pred = np.argmax(np.add(np.matmul(new Tensor(data.features, [150, 4]), new Tensor(wm, [4, 3])), new Tensor(bm, [3])), { axis: -1 }).data();
    const want = data.labels.filter((l, i) => l === pred[i]).length / 150;
    assert.ok(want > 0.9);
    assert.deepEqual(accuracies(data, wm, bm), { average: want, bma: want });
    // The same draw twice: the same accuracies.
    const two = (a: Float32Array) => { const o = new Float32Array(2 * a.length); o.set(a); o.set(a, a.length); return o; };
    assert.deepEqual(accuracies(data, two(wm), two(bm)), { average: want, bma: want });
    assert.throws(() => accuracies(data, new Float32Array(11), b), /expected draws/);
  });
  it('niceTicks and histogram', () => {
    assert.deepEqual(niceTicks(0, 10, 5), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(niceTicks(-0.3, 0.7, 4), [-0.5, -0.25, 0, 0.25, 0.5, 0.75]);
    assert.deepEqual(histogram([0, 0.5, 1, 1, NaN, 2], 0, 2, 2), [2, 3]);
  });
  it('the progress bar prints a few plain lines when not on a TTY, and redraws in place on one', () => {
    let out = '';
    const bar = new ProgressBar({ total: 100, label: 'x', stream: { write: (s: string) => { out += s; }, isTTY: false } });
    for (let i = 1; i <= 100; i++) bar.update(i);
    bar.done();
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 4, out); // 25%, 50%, 75%, done
    assert.match(lines[3], /^x \[#{30}\] 100% 100\/100/);
    let tty = '';
    const bar2 = new ProgressBar({ total: 10, stream: { write: (s: string) => { tty += s; }, isTTY: true }, minIntervalMs: 0 });
    bar2.update(5); bar2.done();
    assert.ok(tty.startsWith('\r[') && tty.endsWith('\n') && !tty.slice(0, -1).includes('\n'), JSON.stringify(tty));
    assert.equal(formatSeconds(75), '1m15s');
    assert.throws(() => new ProgressBar({ total: 0 }), /total must be a positive number/);
  });
  it('the SVG writer escapes text and survives non-finite values', () => {
    const svg = renderFigure([
      { kind: 'line', title: 'a < b & "c"', series: [{ label: 'x', y: [1, NaN, 3, Infinity, 2] }, { label: 'y', y: [] }] },
      { kind: 'histogram', title: 'h', series: [{ label: 'all', values: [1, 1, 1] }], markers: [{ label: 'm', x: 1 }] },
    ], { columns: 2, title: 'T' });
    const names = checkWellFormedSvg(svg);
    assert.ok(svg.includes('a &lt; b &amp; &quot;c&quot;'));
    assert.equal(names.filter((n) => n === 'polyline').length, 3, 'the line is broken at NaN and Infinity');
  });
});

describe('Iris logistic regression with windowedAdaptiveNuts (2 chains x (200 + 200))', () => {
  const nChains = 2, nDraws = 200;
  let w: Tensor, b: Tensor, lp: Tensor, stepSize: number;
  before(async () => {
    const r = await mcmc.windowedAdaptiveNuts({
      jointDist: irisModel(), pins: { var2: new Tensor(data.labels, [data.n]) },
      nChains, numAdaptationSteps: 200, nDraws, initStepSize: 1e-3, seed: random.key(0),
    });
    [w, b] = r.allStates as Tensor[];
    lp = r.trace.targetLogProb;
    stepSize = r.stepSize;
  });

  it('draws have shapes [draws, chains, 4, 3] and [draws, chains, 3]', () => {
    assert.deepEqual(w.shape, [nDraws, nChains, 4, 3]);
    assert.deepEqual(b.shape, [nDraws, nChains, 3]);
    assert.ok(stepSize > 0.005 && stepSize < 0.5, `step size ${stepSize}`);
  });

  it('classifies as the reference: average accuracy >= 0.95, Bayesian model average >= 0.96', () => {
    const acc = accuracies(data, w.data() as Float32Array, b.data() as Float32Array);
    assert.ok(acc.average >= 0.95, `average accuracy ${acc.average} (reference ${golden.accuracy.average_over_draws})`);
    assert.ok(acc.bma >= 0.96, `BMA accuracy ${acc.bma} (reference ${golden.accuracy.bayesian_model_average})`);
  });

  it('posterior means agree with Stan within 4 combined MCSE; sds within 25%; R-hat < 1.05', () => {
    const ess = mcmc.effectiveSampleSize([w, b], { crossChainDims: 1 }) as Tensor[];
    const rhat = mcmc.rankNormalizedRhat([w, b]) as Tensor[];
    const parts = [{ t: w, name: (j: number) => `w[${Math.floor(j / 3) + 1},${(j % 3) + 1}]`, d: 12 }, { t: b, name: (j: number) => `b[${j + 1}]`, d: 3 }];
    const failures: string[] = [];
    parts.forEach(({ t, name, d }, p) => {
      const x = t.data() as Float32Array, S = x.length / d;
      for (let j = 0; j < d; j++) {
        let m = 0;
        for (let s = 0; s < S; s++) m += x[s * d + j];
        m /= S;
        let v = 0;
        for (let s = 0; s < S; s++) v += (x[s * d + j] - m) ** 2;
        const sd = Math.sqrt(v / (S - 1));
        const e = (ess[p].data() as Float32Array)[j];
        const ref = golden.posterior[name(j)];
        const mcse = Math.hypot(sd / Math.sqrt(e), ref.mcse);
        const r = (rhat[p].data() as Float32Array)[j];
        if (!(Math.abs(m - ref.mean) < 4 * mcse)) failures.push(`${name(j)}: mean ${m.toFixed(3)} vs Stan ${ref.mean} (4 MCSE = ${(4 * mcse).toFixed(3)}, ESS ${e.toFixed(0)})`);
        if (!(Math.abs(sd / ref.sd - 1) < 0.25)) failures.push(`${name(j)}: sd ${sd.toFixed(3)} vs Stan ${ref.sd}`);
        if (!(r < 1.05)) failures.push(`${name(j)}: R-hat ${r}`);
      }
    });
    assert.deepEqual(failures, []);
  });

  it('writes a well-formed SVG of the log-prob trace and weight posteriors (to a temp dir)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'probasm-iris-'));
    try {
      const lpd = lp.data() as Float32Array, wd = w.data() as Float32Array;
      const file = join(dir, 'iris-trace.svg');
      writeFileSync(file, renderFigure([
        { kind: 'line', title: 'target log-prob', series: [0, 1].map((c) => ({ label: `chain ${c}`, y: Array.from({ length: nDraws }, (_, i) => lpd[i * nChains + c]) })) },
        { kind: 'histogram', title: 'w[0, 0]', series: [{ label: 'all chains', values: Array.from({ length: nDraws * nChains }, (_, s) => wd[s * 12]) }] },
      ], { columns: 2 }));
      const svg = readFileSync(file, 'utf8');
      const names = checkWellFormedSvg(svg);
      assert.equal(names.filter((n) => n === 'polyline').length, 2);
      assert.equal(names.filter((n) => n === 'polygon').length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

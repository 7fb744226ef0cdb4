// The examples are programs users copy: run them and check they print the published numbers.
// They import 'probasm' by name, which resolves to dist/ (npm test builds it first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(file: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('examples', () => {
  it('has a built package to import (run `npm run build` first)', () => {
    assert.ok(existsSync('dist/index.js'), 'dist/index.js is missing');
  });

  it('prng-walkthrough prints the numbers of the reference documents', () => {
    const out = run('examples/prng-walkthrough.ts');
    for (const v of ['-0.20584226', '0.14389051', '-1.2515389', '-0.58665055', '-0.37533438', '0.98645043',
      '0.14553197', '4146024105,  967050713', '1.2490594', '0.9653214', '1.6226422']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
  });

  it('basics prints the DESIGN 9.2 numbers and shapes', () => {
    const out = run('examples/basics.ts');
    for (const v of ['-0.9189385', '-0.20584226', 'event [ 5 ] batch []', 'event [] batch [ 5 ]', 'samples: [ 10, 2, 5 ] -> logProb: [ 10, 2, 5 ]', 'logProb of the same samples: [ 10, 2 ]']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
  });

  it('transformed prints a logit-normal whose samples are the sigmoid of the base samples', () => {
    const out = run('examples/transformed.ts');
    const lines = out.split('\n');
    const a = lines.find((l) => l.startsWith('sample([4])'))!.split('=')[1];
    const b = lines.find((l) => l.startsWith('sigmoid of the base sample'))!.split('=')[1];
    assert.equal(a, b);
    assert.ok(out.includes('TransformedDistribution("sigmoidNormal"'), out);
    assert.ok(out.includes('tfb.Sigmoid()(Normal).logProb(0.5) = Array(0.46735585'), out);
  });

  it('joint_distributions gives the same samples and logProb with Sequential, Named and Coroutine', () => {
    const out = run('examples/joint_distributions.ts');
    const samples = out.split('\n').filter((l) => / sample: /.test(l)).map((l) => l.split(':').slice(1).join(':').trim());
    assert.equal(samples.length, 3, out);
    assert.ok(samples.every((s) => s === samples[0]), out);
    assert.equal((out.match(/Array\(-6\.5214305/g) ?? []).length, 3, out);
    assert.ok(out.includes('unnormalizedLogProb(scale=1, loc=1) = Array(-5.1515455'), out);
  });

  it('bijectors prints the DESIGN 9.6 numbers', () => {
    const out = run('examples/bijectors.ts');
    for (const v of ['Exp().inverse(1) = Array(0., dtype=float32)', 'forward(ones(5)) = Array([4., 4., 4., 4., 4.]', 'inverse(ones(5)) = Array([0., 0., 0., 0., 0.]',
      '[[1., 0.],\n       [0., 1.]]', '[0.6931472, 0.5      , 0.       ]', 'Chain([Exp, Softplus]).forward(-1) = Array(1.3678794', '[     -inf, 0.       , 0.6931472, 1.0986123]']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
  });

  it('zoo builds every trainable distribution of DESIGN 9.9 and lists its variables', () => {
    const out = run('examples/zoo.ts');
    for (const v of ['MVN with a scaled identity scale', 'MVN with a diagonal scale', 'mixture of spherical MVNs', 'mixture of diagonal MVNs',
      'mixture of full-covariance (TriL) MVNs', 'mixture with its first component fixed', 'trainable scale_tril/pretransformed: shape [3, 3]',
      'trainable scale_tril/pretransformed: shape [2, 3]', 'trainable logits/pretransformed: shape [2]']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
    assert.equal((out.match(/gradient norms/g) ?? []).length, 6);
  });

  it('pad_eye keeps the first mixture component at the identity while training the others', () => {
    const out = run('examples/pad_eye.ts');
    assert.ok(out.includes('PadEye.forwardEventShape([2, 10]) = [ 3, 10 ]'), out);
    assert.ok(out.includes('after the step, component 0 scale = Array([[[1., 0., 0., 0.],'), out);
  });

  it('mcmc_normal samples a 2-D standard normal with NUTS, one chain and 10 chains', () => {
    const out = run('examples/mcmc_normal.ts');
    assert.ok(out.includes('one chain: states [1000,2]'), out);
    assert.ok(out.includes('10 chains: states [1000,10,2]'), out);
    const means = [...out.matchAll(/mean Array\(\[([^\]]*)\]/g)].map((m) => m[1].split(',').map(Number));
    assert.equal(means.length, 2, out);
    for (const m of means) for (const v of m) assert.ok(Math.abs(v) < 0.2, `posterior mean ${v} near 0:\n${out}`);
    const rhat = out.match(/R-hat \(rank-normalized\) Array\(\[([^\]]*)\]/)![1].split(',').map(Number);
    for (const r of rhat) assert.ok(r < 1.01, `R-hat ${r}`);
  });

  it('iris (the headline program of the demo) runs against the built package, reduced to 2 chains x (150 + 100)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'probasm-iris-'));
    try {
      const plot = join(dir, 'trace.svg');
      const out = run('examples/iris.ts', { IRIS_CHAINS: '2', IRIS_WARMUP: '150', IRIS_DRAWS: '100', IRIS_PLOT: plot });
      const acc = Number(/average accuracy over draws: ([0-9.]+)/.exec(out)?.[1]);
      const bma = Number(/Bayesian model average accuracy: ([0-9.]+)/.exec(out)?.[1]);
      assert.ok(acc >= 0.9 && bma >= 0.9, `accuracies ${acc} / ${bma}:\n${out}`);
      assert.match(out, /R-hat \(rank-normalized\): max/);
      const svg = readFileSync(plot, 'utf8');
      assert.ok(/^(<\?xml[^>]*>\s*)?<svg/.test(svg) && svg.trimEnd().endsWith('</svg>'), 'an SVG document');
      assert.ok(svg.includes('NUTS, 2 chains'), 'the title names the chains');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run example refuses unknown names with the list of examples', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/run.ts', 'nope'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /names: prng-walkthrough, basics, transformed, joint_distributions, bijectors, zoo, pad_eye/);
  });
});

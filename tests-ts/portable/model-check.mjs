// Checks of modelSample() (golden-sample.mjs) shared by every runtime: no imports, so it
// loads under Node, Deno, Bun, workerd and browsers alike. `t` has ok(value, name) (returns
// value) and equal(actual, expected, name) (deep equality).

const near = (a, b, tol) => typeof a === 'number' && Math.abs(a - b) <= tol;

/** Checks modelSample()'s values: the DESIGN 9.2/9.6 numbers, SciPy's Gamma cdf, e^x, a hand-computed joint density, NUTS means. */
export function checkModel(t, m, where) {
  if (!t.ok(m, `${where}: model-layer results present`)) return;
  t.equal(m.independentRepr, 'tfp.distributions.Independent("IndependentNormal", batch_shape=[], event_shape=[2], dtype=float32)', `${where}: class names survive bundling (TFP repr)`);
  t.ok(near(m.coroutineLogProb, -2 * Math.log(2 * Math.PI), 1e-6), `${where}: a coroutine with two unnamed parts of one class (got ${m.coroutineLogProb})`);
  t.ok(near(m.normalLogProb0, -0.9189385, 1e-7), `${where}: Normal(0, 1).logProb(0) = -0.9189385 (got ${m.normalLogProb0})`);
  t.equal(m.normalSamplePRNGKey0, '0xbe52c850', `${where}: Normal(0, 1).sample(seed=PRNGKey(0)) = -0.20584226 bit for bit`);
  t.equal(m.shiftScaleForward, [4, 4, 4], `${where}: Shift(1)(Scale(3)).forward(ones(3))`);
  t.ok(near(m.chainExpSoftplus, 1.3678794, 1e-7), `${where}: Chain([Exp, Softplus]).forward(-1) = 1.3678794 (got ${m.chainExpSoftplus})`);
  t.ok(near(m.gammaCdf, 0.4421746, 1e-6), `${where}: Gamma(2, 1).cdf(1.5) = 0.4421746 (got ${m.gammaCdf})`);
  t.ok(Array.isArray(m.gradSumExp) && near(m.gradSumExp[0], 1, 1e-7) && near(m.gradSumExp[1], Math.E, 1e-6), `${where}: grad(sum(exp(x)))([0, 1]) = [1, e]`);
  const jl = -Math.log(2 * Math.PI) - 0.5 * 0.25 - 0.5 * 0.25;
  t.ok(near(m.jointLogProb, jl, 1e-6), `${where}: JointDistributionSequential logProb (got ${m.jointLogProb}, want ${jl})`);
  t.ok(Array.isArray(m.nutsMean) && near(m.nutsMean[0], 1, 0.25) && near(m.nutsMean[1], -1, 0.25), `${where}: NUTS (4 chains x 300) posterior mean near [1, -1] (got ${m.nutsMean})`);
}

// Computes the golden PRNG calls with a loaded probasm module (passed in, so one copy serves
// the workerd worker, which imports 'probasm', and the browser page, which imports
// /dist/index.js). Values come back as uint32 words and float32 bit patterns, JSON-ready;
// tests-ts/portable/golden-check.mjs compares them with tests-ts/fixtures/golden/prng.json.

export const CALLS = ['split(PRNGKey(1), 3)', 'split(PRNGKey(0), [2, 2])', 'foldIn(PRNGKey(0), 5)',
  'bits(PRNGKey(0), [2, 3], uint32)', 'uniform(PRNGKey(0), [3])', 'normal(PRNGKey(7), [3])', 'normal(PRNGKey(0), [5])'];

const f32bits = (x) => {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, x);
  return '0x' + v.getUint32(0).toString(16).padStart(8, '0');
};
const hexes = (t) => Array.from(t.data(), f32bits);
const words = (t) => { const d = t.data(); return new Uint32Array(d.buffer, d.byteOffset, d.length); };

function sample({ random, config }, partitionable) {
  config.update('jax_threefry_partitionable', partitionable);
  try {
    const [k1, k2] = random.split(random.PRNGKey(0));
    return {
      'split(PRNGKey(1), 3)': random.split(random.PRNGKey(1), 3).toArray(),
      'split(PRNGKey(0), [2, 2])': random.split(random.PRNGKey(0), [2, 2]).toArray(),
      'foldIn(PRNGKey(0), 5)': random.foldIn(random.PRNGKey(0), 5).toArray(),
      'bits(PRNGKey(0), [2, 3], uint32)': random.bits(random.PRNGKey(0), [2, 3]).toArray(),
      'uniform(PRNGKey(0), [3])': hexes(random.uniform(random.PRNGKey(0), [3])),
      'normal(PRNGKey(7), [3])': hexes(random.normal(random.PRNGKey(7), [3])),
      'normal(PRNGKey(0), [5])': hexes(random.normal(random.PRNGKey(0), [5])),
      destructured: [k1.toArray(), k2.toArray()],
    };
  } finally {
    config.update('jax_threefry_partitionable', false);
  }
}

/**
 * The model layer in this runtime: distributions, bijectors, autodiff, a joint
 * distribution and a short NUTS chain (values checked in golden-check.mjs).
 */
export function modelSample({ np, random, tfd, tfb, grad, mcmc }) {
  const normal = new tfd.Normal({ loc: 0, scale: 1 });
  const model = new tfd.JointDistributionSequential([
    new tfd.Normal({ loc: 0, scale: 1 }),
    (mu) => new tfd.Normal({ loc: mu, scale: 1 }),
  ]);
  const target = (x) => new tfd.MultivariateNormalDiag({ loc: [1, -1], scaleDiag: [1, 1] }).logProb(x);
  const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5 });
  const { allStates } = mcmc.sampleChain({ numResults: 300, currentState: np.zeros([4, 2]), kernel, seed: random.key(0) });
  // two unnamed parts of one class (the Iris model's priors): names must not collide
  const Root = tfd.JointDistributionCoroutine.Root;
  const twoPriors = new tfd.JointDistributionCoroutine(function* () {
    yield Root(new tfd.Independent(new tfd.Normal({ loc: np.zeros([2]), scale: 1 }), { reinterpretedBatchNdims: 1 }));
    yield Root(new tfd.Independent(new tfd.Normal({ loc: np.zeros([2]), scale: 1 }), { reinterpretedBatchNdims: 1 }));
  });
  return {
    independentRepr: String(new tfd.Independent(new tfd.Normal({ loc: [0, 0], scale: 1 }))),
    coroutineLogProb: twoPriors.logProb([np.zeros([2]), np.zeros([2])]).item(),
    normalLogProb0: normal.logProb(0).item(),
    normalSamplePRNGKey0: f32bits(normal.sample({ seed: random.PRNGKey(0) }).item()),
    shiftScaleForward: new tfb.Shift(1)(new tfb.Scale(3)).forward(np.ones(3)).toArray(),
    chainExpSoftplus: new tfb.Chain([new tfb.Exp(), new tfb.Softplus()]).forward(-1).item(),
    gammaCdf: new tfd.Gamma({ concentration: 2, rate: 1 }).cdf(1.5).item(),
    gradSumExp: grad((x) => np.sum(np.exp(x)))(np.array([0, 1])).toArray(),
    jointLogProb: model.logProb([0.5, 1]).item(),
    nutsMean: np.mean(np.reshape(allStates, [-1, 2]), { axis: 0 }).toArray(),
  };
}

/**
 * `await lib.init()` (no arguments: the entry must find its own wasm), then both layouts
 * on the default build, then on the scalar build, then SIMD/scalar parity of one draw.
 */
export async function collect(lib, { parityN = 100003 } = {}) {
  const { init, backend, random } = lib;
  const out = {};
  await init();
  out.defaultBackend = backend();
  await init({ simd: true });
  out.simd = { backend: backend(), classic: sample(lib, false), partitionable: sample(lib, true) };
  await init({ simd: false });
  out.scalar = { backend: backend(), classic: sample(lib, false), partitionable: sample(lib, true) };
  const a = words(random.normal(random.key(42), [parityN]));
  await init({ simd: true });
  const b = words(random.normal(random.key(42), [parityN]));
  out.parityN = parityN;
  out.parityFirstDifference = -1;
  for (let i = 0; i < parityN; i++) if (a[i] !== b[i]) { out.parityFirstDifference = i; break; }
  out.model = modelSample(lib);
  return out;
}

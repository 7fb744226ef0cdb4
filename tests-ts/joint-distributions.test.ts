// Joint distributions (issue 5 item 1; DESIGN 9.3): JointDistributionSequential, Named,
// Coroutine and their AutoBatched variants on a hierarchical model (scale ~ HalfNormal,
// loc ~ Normal, obs ~ Independent(Normal(loc, scale)) of length 3): the flavours agree,
// logProb against a hand-written density, parts, shapes, TFP's seed schedule reproduced
// from per-part calls (bit for bit), pinning, the default event-space bijector,
// finite-difference gradients, trainable variables, reprs and clear errors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, tfb, tfd, Tensor, Variable } from '../wrapper/index.ts';
import { checkGrad, f64 } from './grad-check.ts';

const arr = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>, Number);
const bits = (t: Tensor): number[] => Array.from(new Uint32Array((t.data() as Float32Array).slice().buffer));
function close(got: Tensor | number[], want: number[] | number, rtol: number, what: string): void {
  const g = Array.isArray(got) ? got : arr(got);
  const w = typeof want === 'number' ? [want] : want;
  assert.equal(g.length, w.length, `${what}: length`);
  for (let i = 0; i < w.length; i++) assert.ok(Math.abs(g[i] - w[i]) <= rtol * Math.max(1, Math.abs(w[i])), `${what}[${i}]: got ${g[i]}, want ${w[i]}`);
}
const Root = (d: any) => tfd.JointDistributionCoroutine.Root(d);

// obs | loc, scale ~ Independent(Normal(loc, scale)) over 3 values, written to broadcast over sample dims.
const obsDist = (loc: Tensor, scale: Tensor) => new tfd.Independent(
  new tfd.Normal({ loc: np.add(np.expandDims(loc, -1), np.zeros(3, loc.dtype)), scale: np.expandDims(scale, -1) }),
  { reinterpretedBatchNdims: 1 });
const one = (dtype: 'float32' | 'float64') => (dtype === 'float64' ? np.asarray(1, 'float64') : 1);
const zero = (dtype: 'float32' | 'float64') => (dtype === 'float64' ? np.asarray(0, 'float64') : 0);
const makeJDS = (dt: 'float32' | 'float64' = 'float32') => new tfd.JointDistributionSequential([
  new tfd.HalfNormal({ scale: one(dt) }),
  new tfd.Normal({ loc: zero(dt), scale: one(dt) }),
  (loc: Tensor, scale: Tensor) => obsDist(loc, scale),
]);
const makeJDN = (dt: 'float32' | 'float64' = 'float32') => new tfd.JointDistributionNamed({
  scale: new tfd.HalfNormal({ scale: one(dt) }),
  loc: new tfd.Normal({ loc: zero(dt), scale: one(dt) }),
  obs: (loc: Tensor, scale: Tensor) => obsDist(loc, scale),
});
const makeJDC = (dt: 'float32' | 'float64' = 'float32') => new tfd.JointDistributionCoroutine(function* () {
  const scale: Tensor = yield Root(new tfd.HalfNormal({ scale: one(dt) }));
  const loc: Tensor = yield Root(new tfd.Normal({ loc: zero(dt), scale: one(dt) }));
  yield obsDist(loc, scale);
});
// AutoBatched: no Independent, no Root; Sample gives obs its event of 3.
const makeAB = () => ({
  jds: new tfd.JointDistributionSequentialAutoBatched([
    new tfd.HalfNormal({ scale: 1 }), new tfd.Normal({ loc: 0, scale: 1 }),
    (loc: Tensor, scale: Tensor) => new tfd.Sample(new tfd.Normal({ loc, scale }), { sampleShape: [3] }),
  ]),
  jdn: new tfd.JointDistributionNamedAutoBatched({
    scale: new tfd.HalfNormal({ scale: 1 }), loc: new tfd.Normal({ loc: 0, scale: 1 }),
    obs: (loc: Tensor, scale: Tensor) => new tfd.Sample(new tfd.Normal({ loc, scale }), { sampleShape: [3] }),
  }),
  jdc: new tfd.JointDistributionCoroutineAutoBatched(function* () {
    const scale: Tensor = yield new tfd.HalfNormal({ scale: 1 });
    const loc: Tensor = yield new tfd.Normal({ loc: 0, scale: 1 });
    yield new tfd.Sample(new tfd.Normal({ loc, scale }), { sampleShape: [3] });
  }),
});

// The hierarchical model's log-density by hand (float64).
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const normLp = (x: number, m: number, s: number) => -0.5 * ((x - m) / s) ** 2 - Math.log(s) - LOG_SQRT_2PI;
const handLogProb = (s: number, l: number, obs: number[]) =>
  Math.log(Math.sqrt(2 / Math.PI)) - 0.5 * s * s + normLp(l, 0, 1) + obs.reduce((a, o) => a + normLp(o, l, s), 0);

before(async () => { await init(); });

describe('joint distributions: the three flavours of one model', () => {
  it('give the same logProb for the same values, equal to the hand-written density', () => {
    const [s, l, o] = makeJDS().sample([4], { seed: random.key(3) }) as Tensor[];
    const lps = makeJDS().logProb([s, l, o]);
    const lpn = makeJDN().logProb({ scale: s, loc: l, obs: o });
    const lpc = makeJDC().logProb([s, l, o]);
    assert.deepEqual(lps.shape, [4]);
    assert.deepEqual(arr(lpn), arr(lps));
    assert.deepEqual(arr(lpc), arr(lps));
    const S = arr(s), L = arr(l), O = arr(o);
    close(lps, S.map((sv, i) => handLogProb(sv, L[i], O.slice(3 * i, 3 * i + 3))), 1e-5, 'hand-written log-density');
  });

  it('accept the values as separate arguments (array flavours) as TFP accepts *args', () => {
    const jd = makeJDS();
    const [s, l, o] = jd.sample({ seed: random.key(1) }) as Tensor[];
    assert.deepEqual(arr(jd.logProb(s, l, o)), arr(jd.logProb([s, l, o])));
    assert.deepEqual(arr(makeJDC().logProb(s, l, o)), arr(jd.logProb([s, l, o])));
    assert.deepEqual(arr(jd.logProb({ scale: s, loc: l, x: o })), arr(jd.logProb([s, l, o])), 'by part name');
  });

  it('logProbParts has one term per part (array / object) and sums to logProb', () => {
    const jds = makeJDS(), jdn = makeJDN();
    const [s, l, o] = jds.sample([2], { seed: random.key(5) }) as Tensor[];
    const parts = jds.logProbParts([s, l, o]) as Tensor[];
    assert.equal(parts.length, 3);
    parts.forEach((p) => assert.deepEqual(p.shape, [2]));
    close(np.add(np.add(parts[0], parts[1]), parts[2]), arr(jds.logProb([s, l, o])), 1e-6, 'sum of parts');
    close(parts[0], arr(new tfd.HalfNormal({ scale: 1 }).logProb(s)), 0, 'scale part');
    const named = jdn.logProbParts({ scale: s, loc: l, obs: o }) as Record<string, Tensor>;
    assert.deepEqual(Object.keys(named), ['scale', 'loc', 'obs']);
    assert.deepEqual(arr(named.obs), arr(parts[2]));
  });

  for (const sampleShape of [[], [2], [2, 3]]) {
    it(`sample with sampleShape [${sampleShape}] gives sampleShape + batch + event per part, and logProb of shape sampleShape`, () => {
      for (const jd of [makeJDS(), makeJDC()]) {
        const xs = jd.sample(sampleShape, { seed: random.key(0) }) as Tensor[];
        assert.deepEqual(xs.map((x) => x.shape), [sampleShape, sampleShape, [...sampleShape, 3]], jd.name);
        assert.deepEqual(jd.logProb(xs).shape, sampleShape, jd.name);
      }
      const xn = makeJDN().sample(sampleShape, { seed: random.key(0) }) as Record<string, Tensor>;
      assert.deepEqual(Object.keys(xn), ['scale', 'loc', 'obs']);
      assert.deepEqual(xn.obs.shape, [...sampleShape, 3]);
      assert.deepEqual(makeJDN().logProb(xn).shape, sampleShape);
    });
  }

  it('Sequential, Named and Coroutine draw the same values from the same key (same execution order)', () => {
    const a = makeJDS().sample([2], { seed: random.key(9) }) as Tensor[];
    const b = makeJDN().sample([2], { seed: random.key(9) }) as Record<string, Tensor>;
    const c = makeJDC().sample([2], { seed: random.key(9) }) as Tensor[];
    assert.deepEqual([b.scale, b.loc, b.obs].map(bits), a.map(bits));
    assert.deepEqual(c.map(bits), a.map(bits));
  });

  it('batchShape, eventShape and dtype are per-part structures; float64 parameters give float64 parts', () => {
    assert.deepEqual(makeJDS().batchShape, [[], [], []]);
    assert.deepEqual(makeJDS().eventShape, [[], [], [3]]);
    assert.deepEqual(makeJDN().eventShape, { scale: [], loc: [], obs: [3] });
    assert.deepEqual(makeJDC().dtype, ['float32', 'float32', 'float32']);
    assert.deepEqual(makeJDN('float64').dtype, { scale: 'float64', loc: 'float64', obs: 'float64' });
    assert.deepEqual(makeJDS().reparameterizationType, ['FULLY_REPARAMETERIZED', 'FULLY_REPARAMETERIZED', 'FULLY_REPARAMETERIZED']);
    assert.equal(makeJDC().numParts, 3);
  });

  it('have TFP-like reprs', () => {
    assert.equal(String(makeJDS()), 'tfp.distributions.JointDistributionSequential("JointDistributionSequential", batch_shape=[[], [], []], event_shape=[[], [], [3]], dtype=[float32, float32, float32])');
    assert.equal(String(makeJDN()), "tfp.distributions.JointDistributionNamed(\"JointDistributionNamed\", batch_shape={'scale': [], 'loc': [], 'obs': []}, event_shape={'scale': [], 'loc': [], 'obs': [3]}, dtype={'scale': float32, 'loc': float32, 'obs': float32})");
    assert.equal(String(makeAB().jdc), 'tfp.distributions.JointDistributionCoroutineAutoBatched("JointDistributionCoroutineAutoBatched", batch_shape=[], event_shape=[[], [], [3]], dtype=[float32, float32, float32])');
  });
});

describe('joint distributions: seeds (TFP on JAX: fold_in salt, then split(s, 2) per part)', () => {
  it('a JointDistributionSequential sample equals per-part samples with the split keys, bit for bit', () => {
    const jd = makeJDS();
    const seed = random.key(42);
    for (const shape of [[], [2]]) {
      const got = jd.sample(shape, { seed }) as Tensor[];
      let s = random.foldIn(seed, 3852058995); // sha512('JointDistribution') mod 2^32
      const next = () => { const ks = random.split(s, 2); s = ks.index(1); return ks.index(0); };
      const scale = new tfd.HalfNormal({ scale: 1 }).sample(shape, { seed: next() });
      const loc = new tfd.Normal({ loc: 0, scale: 1 }).sample(shape, { seed: next() });
      const obs = obsDist(loc, scale).sample([], { seed: next() }); // non-root: shape [] on the batched parents
      assert.deepEqual(got.map(bits), [scale, loc, obs].map(bits), `sampleShape [${shape}]`);
    }
  });

  it('pinning a part does not change the keys of the others (the key is split for every part)', () => {
    const jd = makeJDS();
    const free = jd.sample({ seed: random.key(7) }) as Tensor[];
    const { values } = jd.sampleDistributions({ seed: random.key(7), value: [undefined, 2, undefined] });
    assert.deepEqual(bits((values as Tensor[])[0]), bits(free[0]));
  });

  it('AutoBatched sampling with a sampleShape runs one draw per iid key (TFP iid_sample salt), bit for bit', () => {
    const { jdc } = makeAB();
    const seed = random.key(11);
    const got = jdc.sample([3], { seed }) as Tensor[];
    const keys = random.split(random.foldIn(seed, 1832717518), 3); // sha512('iid_sample_stateless') mod 2^32
    const draws = [0, 1, 2].map((i) => jdc.sample({ seed: keys.index(i) }) as Tensor[]);
    for (let p = 0; p < 3; p++) assert.deepEqual(bits(got[p]), draws.flatMap((d) => bits(d[p])), `part ${p}`);
    assert.deepEqual(got.map((x) => x.shape), [[3], [3], [3, 3]]);
  });
});

describe('joint distributions: AutoBatched', () => {
  it('logProb of a batch of samples is the per-draw logProb, for all three flavours', () => {
    const { jds, jdn, jdc } = makeAB();
    const xs = jds.sample([5], { seed: random.key(2) }) as Tensor[];
    const lp = jds.logProb(xs);
    assert.deepEqual(lp.shape, [5]);
    const each = [0, 1, 2, 3, 4].map((i) => jds.logProb(xs.map((x) => x.index(i))).item() as number);
    close(lp, each, 1e-6, 'batch vs per draw');
    assert.deepEqual(jds.logProb(xs.map((x) => x.index(0))).shape, [], 'one draw: a scalar');
    assert.deepEqual(arr(jdn.logProb({ scale: xs[0], loc: xs[1], obs: xs[2] })), arr(lp));
    assert.deepEqual(arr(jdc.logProb(xs)), arr(lp));
    // Same as the manually batched model with Independent.
    close(lp, arr(makeJDS().logProb(xs)), 1e-6, 'vs JointDistributionSequential + Independent');
  });

  it('a part with batch dims gets them as event dims (summed in logProb)', () => {
    const jd = new tfd.JointDistributionSequentialAutoBatched([
      new tfd.Normal({ loc: np.zeros(3), scale: 1 }),
      (w: Tensor) => new tfd.Normal({ loc: np.sum(w, { axis: -1 }), scale: 1 }),
    ]);
    assert.deepEqual(jd.eventShape, [[3], []]);
    assert.deepEqual(jd.batchShape, []);
    const [w, y] = jd.sample([4], { seed: random.key(0) }) as Tensor[];
    assert.deepEqual([w.shape, y.shape], [[4, 3], [4]]);
    const parts = jd.logProbParts([w, y]) as Tensor[];
    close(parts[0], arr(np.sum(new tfd.Normal({ loc: 0, scale: 1 }).logProb(w), { axis: -1 })), 1e-6, 'w part');
    close(parts[1], arr(new tfd.Normal({ loc: np.sum(w, { axis: -1 }), scale: 1 }).logProb(y)), 1e-6, 'y part');
  });

  it('pinned values with extra leading dims are vectorized over with one key per draw (TFP: the seed is not batched)', () => {
    const { jdc } = makeAB();
    const [s, l, o] = jdc.sample({ seed: random.key(5), value: [np.asarray([0.5, 2]), undefined, undefined] }) as Tensor[];
    assert.deepEqual([s.shape, l.shape, o.shape], [[2], [2], [2, 3]]);
    assert.deepEqual(arr(s), [0.5, 2]);
    assert.equal(bits(l)[0], bits(l)[1], 'both batch members used the same key for loc');
    const single = jdc.sample({ seed: random.key(5), value: [0.5, undefined, undefined] }) as Tensor[];
    assert.deepEqual(bits(o).slice(0, 3), bits(single[2]));
  });

  it('sampleDistributions with a sampleShape: the draws of sample, the distributions of the whole batch', () => {
    const { jdn } = makeAB();
    const xs = jdn.sample([4], { seed: random.key(3) }) as Record<string, Tensor>;
    const { distributions, values } = jdn.sampleDistributions({ seed: random.key(3), sampleShape: [4] }) as any;
    assert.deepEqual(bits(values.obs), bits(xs.obs));
    assert.deepEqual(distributions.obs.batchShape, [4]);
    assert.deepEqual(distributions.obs.eventShape, [3]);
  });

  it('batchNdims keeps a shared leading batch (TFP docstring example: five models)', () => {
    const jd = new tfd.JointDistributionCoroutineAutoBatched(function* () {
      const x: Tensor = yield new tfd.Normal({ loc: 0, scale: np.ones(5) });
      yield new tfd.Normal({ loc: x, scale: [3, 2, 5, 1, 6] });
    }, { batchNdims: 1 });
    assert.deepEqual(jd.batchShape, [5]);
    assert.deepEqual(jd.eventShape, [[], []]);
    assert.deepEqual(jd.logProb(jd.sample({ seed: random.key(0) })).shape, [5]);
    const alt = new tfd.JointDistributionCoroutineAutoBatched(jd.model);
    assert.deepEqual(alt.eventShape, [[5], [5]]);
    assert.deepEqual(alt.logProb(jd.sample({ seed: random.key(0) })).shape, []);
  });
});

describe('joint distributions: pinning', () => {
  it('sampleDistributions pins the given parts and conditions the downstream distributions on them', () => {
    for (const [jd, value] of [[makeJDS(), [undefined, 2, null]], [makeJDC(), [undefined, 2]], [makeJDN(), { loc: 2 }]] as const) {
      const { distributions, values } = (jd as any).sampleDistributions({ seed: random.key(4), value, sampleShape: [4] });
      const v = Array.isArray(values) ? values : [values.scale, values.loc, values.obs];
      const d = Array.isArray(distributions) ? distributions : [distributions.scale, distributions.loc, distributions.obs];
      assert.deepEqual(arr(v[1]), [2], `${jd.name}: pinned loc`);
      assert.deepEqual(v[0].shape, [4]);
      assert.deepEqual(v[2].shape, [4, 3]);
      assert.ok(d[2] instanceof tfd.Independent);
      assert.deepEqual(arr(d[2].mean()), new Array(12).fill(2), `${jd.name}: obs mean = pinned loc`);
      close(d[2].stddev(), arr(v[0]).flatMap((s: number) => [s, s, s]), 1e-6, `${jd.name}: obs scale = sampled scale`);
    }
  });

  it('sample({ value }) pins parts as sampleDistributions does', () => {
    const jd = makeJDS();
    const a = jd.sample([2], { seed: random.key(8), value: [undefined, 1.5] }) as Tensor[];
    const { values } = jd.sampleDistributions({ seed: random.key(8), value: [undefined, 1.5], sampleShape: [2] });
    assert.deepEqual(a.map(bits), (values as Tensor[]).map(bits));
  });

  it("experimentalPin's unnormalizedLogProb equals logProb with the pinned value, for every flavour", () => {
    const [s, l, o] = makeJDS().sample([3], { seed: random.key(6) }) as Tensor[];
    const want = arr(makeJDS().logProb([s, l, o]));
    const p1 = makeJDS().experimentalPin([undefined, undefined, o]);
    const p2 = makeJDS().experimentalPin({ x: o });
    const p3 = makeJDN().experimentalPin({ obs: o });
    const p4 = makeJDC().experimentalPin({ var2: o });
    assert.deepEqual(arr(p1.unnormalizedLogProb([s, l])), want);
    assert.deepEqual(arr(p2.unnormalizedLogProb(s, l)), want);
    assert.deepEqual(arr(p3.unnormalizedLogProb({ scale: s, loc: l })), want);
    assert.deepEqual(arr(p4.unnormalizedLogProb({ var0: s, var1: l })), want);
    assert.deepEqual(p3.unpinnedNames, ['scale', 'loc']);
    assert.deepEqual(p4.pinnedNames, ['var2']);
    assert.deepEqual(p3.eventShape, { scale: [], loc: [] });
    const su = p3.sampleUnpinned([2], { seed: random.key(0) }) as Record<string, Tensor>;
    assert.deepEqual(Object.keys(su), ['scale', 'loc']);
    // Pinning the middle part: the downstream part sees the pinned value.
    const pm = makeJDS().experimentalPin([undefined, l.index(0), undefined]);
    close(pm.unnormalizedLogProb([s.index(0), o.index(0)]), want[0], 1e-6, 'middle pin');
  });

  it('the pinned default event-space bijector covers the free parts only', () => {
    const b = makeJDN().experimentalPin({ obs: [0, 1, 2] }).experimentalDefaultEventSpaceBijector();
    assert.ok(b instanceof tfb.JointMap);
    const y = b.forward({ scale: 0, loc: 0.25 }) as Record<string, Tensor>;
    assert.deepEqual(Object.keys(y), ['scale', 'loc']);
    close(y.scale, Math.log(2), 1e-6, 'softplus(0)');
    close(y.loc, 0.25, 0, 'identity');
  });
});

describe('joint distributions: default event-space bijector', () => {
  it('is a tfb.JointMap of the parts\' bijectors with log-det-Jacobians at the parts\' event ranks', () => {
    const b = makeJDS().experimentalDefaultEventSpaceBijector();
    assert.ok(b instanceof tfb.JointMap);
    const x = [np.asarray(-0.5), np.asarray(0.3), np.asarray([1, 2, 3])];
    const y = b.forward(x) as Tensor[];
    close(y[0], Math.log1p(Math.exp(-0.5)), 1e-6, 'softplus');
    assert.deepEqual(arr(y[2]), [1, 2, 3]);
    close((b.inverse(y) as Tensor[])[0], -0.5, 1e-5, 'roundtrip');
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    close(b.forwardLogDetJacobian(x), Math.log(sig(-0.5)), 1e-5, 'fldj');
    // An AutoBatched part with batch dims: the Jacobian is summed over its event of 3.
    const ab = new tfd.JointDistributionSequentialAutoBatched([new tfd.HalfNormal({ scale: np.ones(3) }), new tfd.Normal({ loc: 0, scale: 1 })]);
    const bab = ab.experimentalDefaultEventSpaceBijector();
    const fl = bab.forwardLogDetJacobian([np.asarray([[0, 1, -1], [2, 0, 0]]), np.asarray([0, 0])]);
    assert.deepEqual(fl.shape, [2]);
    close(fl, [Math.log(sig(0) * sig(1) * sig(-1)), Math.log(sig(2) * sig(0) * sig(0))], 1e-5, 'summed fldj');
  });
});

describe('joint distributions: gradients', () => {
  it('logProb is differentiable in every part (finite differences, float64)', () => {
    for (const jd of [makeJDS('float64'), makeJDC('float64')]) {
      const s = f64([0.8], []), l = f64([0.3], []), o = f64([0.1, -0.4, 1.2], [3]);
      checkGrad((x) => jd.logProb([s, l, x]), o, `${jd.name}: d/d obs`);
      checkGrad((x) => jd.logProb([s, x, o]), l, `${jd.name}: d/d loc (through the obs distribution)`);
      checkGrad((x) => jd.logProb([x, l, o]), s, `${jd.name}: d/d scale`);
    }
    const pinned = makeJDN('float64').experimentalPin({ obs: f64([0.1, -0.4, 1.2], [3]) });
    checkGrad((x) => pinned.unnormalizedLogProb({ scale: f64([0.8], []), loc: x }), f64([0.3], []), 'pinned JointDistributionNamed: d/d loc');
  });
});

describe('joint distributions: model functions and names', () => {
  it('Sequential calls a function with the earlier values, most recent first', () => {
    let seen: Tensor[] = [];
    const jd = new tfd.JointDistributionSequential([
      new tfd.Normal({ loc: 0, scale: 1 }),
      new tfd.Normal({ loc: 10, scale: 1 }),
      (b: Tensor, a: Tensor) => { seen = [b, a]; return new tfd.Normal({ loc: np.subtract(b, a), scale: 1 }); },
    ]);
    const [a, b] = jd.sample({ seed: random.key(0) }) as Tensor[];
    assert.deepEqual([arr(seen[0]), arr(seen[1])], [arr(b), arr(a)]);
    assert.ok((b.item() as number) > 5, 'the second argument slot got the first part');
  });

  it('Sequential names parts by explicit name, then downstream parameter names, then x, x1, ...', () => {
    const jd = new tfd.JointDistributionSequential([
      new tfd.Normal({ loc: 0, scale: 1, name: 'mu' }),
      new tfd.Normal({ loc: 0, scale: 1 }),
      new tfd.HalfNormal({ scale: 1 }),
      (sigma: Tensor) => new tfd.Normal({ loc: 0, scale: sigma }),
      new tfd.Normal({ loc: 0, scale: 1 }),
    ]);
    assert.deepEqual(jd.partNames, ['mu', 'x2', 'sigma', 'x1', 'x']);
  });

  it('Named resolves dependencies from parameter names (arrow, function, method, defaults) or { fn, deps }', () => {
    const jd = new tfd.JointDistributionNamed({
      a: new tfd.Normal({ loc: 0, scale: 1 }),
      b: function (a: Tensor) { return new tfd.Normal({ loc: a, scale: 1 }); },
      c: { fn: (x: Tensor, y: Tensor) => new tfd.Normal({ loc: np.add(x, y), scale: 1 }), deps: ['a', 'b'] },
      d(c: Tensor, /* a comment */ scale = 2) { return new tfd.Normal({ loc: c, scale }); },
    });
    assert.deepEqual(jd.resolveGraph(), [['a', []], ['b', ['a']], ['c', ['a', 'b']], ['d', ['c']]]);
    const v = jd.sample({ seed: random.key(0) }) as Record<string, Tensor>;
    const parts = jd.logProbParts(v) as Record<string, Tensor>;
    close(parts.d, arr(new tfd.Normal({ loc: v.c, scale: 2 }).logProb(v.d)), 1e-6, 'default parameter value used');
  });

  it('Named reads a parameter renamed by a transpiler (loc -> loc2) as the part it names', () => {
    const jd = new tfd.JointDistributionNamed({
      loc: new tfd.Normal({ loc: 0, scale: 1 }),
      obs: (loc2: Tensor) => new tfd.Normal({ loc: loc2, scale: 1 }),
    });
    assert.deepEqual(jd.resolveGraph(), [['loc', []], ['obs', ['loc']]]);
  });

  it('a one-part model takes its value bare or in a one-element structure', () => {
    const jd = new tfd.JointDistributionSequential([new tfd.Exponential({ rate: 1 })]);
    assert.deepEqual(arr(jd.logProb(2)), arr(jd.logProb([2])));
    close(jd.logProb(2), -2, 1e-6, 'Exponential(1) at 2');
    assert.deepEqual(jd.logProb(np.asarray([1, 2])).shape, [2], 'a tensor is the value, not a structure');
  });

  it("Named runs the parts in TFP's order for a dict (docstring example: e, g, n, m, x)", () => {
    const f = () => new tfd.Normal({ loc: 0, scale: 1 });
    const jd = new tfd.JointDistributionNamed({
      x: (m: Tensor) => f(), m: (n: Tensor, g: Tensor) => f(), n: f(), g: (e: Tensor) => f(), e: f(),
    });
    assert.deepEqual(jd.resolveGraph().map(([k]) => k), ['e', 'g', 'n', 'm', 'x']);
    assert.deepEqual(Object.keys(jd.sample({ seed: random.key(0) })), ['x', 'm', 'n', 'g', 'e'], 'results keep the model key order');
  });

  it('Coroutine names parts by explicit name, else var0, var1, ...', () => {
    const jd = new tfd.JointDistributionCoroutine(function* () {
      const w: Tensor = yield Root(new tfd.Normal({ loc: 0, scale: 1, name: 'w' }));
      yield new tfd.Normal({ loc: w, scale: 1 });
    });
    assert.deepEqual(jd.partNames, ['w', 'var1']);
    assert.ok(jd.experimentalPin({ var1: 0.5 }).unpinnedNames[0] === 'w');
  });

  it('trainableVariables lists the variables of every part once', () => {
    const loc = new Variable(0, { name: 'loc' }), s = new Variable(1, { name: 's' });
    const jd = new tfd.JointDistributionSequential([
      new tfd.Normal({ loc, scale: s }),
      (x: Tensor) => new tfd.Normal({ loc: x, scale: s }),
      new tfd.Normal({ loc, scale: 1 }),
    ]);
    assert.deepEqual(jd.trainableVariables, [loc, s]);
  });
});

describe('joint distributions: errors name the part', () => {
  it('a wrong number of values', () => {
    assert.throws(() => makeJDS().logProb([1, 2]), /expected values for 3 parts \(scale, loc, x\); got 2/);
    assert.throws(() => makeJDS().logProb([1, undefined, [1, 2, 3]]), /no value for model\[1\] \('loc'\)/);
    assert.throws(() => makeJDN().logProb({ scale: 1, loc: 0 }), /no value for part 'obs'/);
    assert.throws(() => makeJDN().logProb({ scale: 1, loc: 0, obs: [1, 2, 3], extra: 1 }), /unknown part name\(s\) 'extra'/);
    assert.throws(() => makeJDN().logProb(1, 0, [1, 2, 3]), /one object keyed by part name/);
    assert.throws(() => makeJDC().experimentalPin({ var2: [1, 2, 3] }).unnormalizedLogProb([1]), /2 free parts \(var0, var1\); got 1/);
  });

  it('a function asking for a name that is not a part, a cycle, destructuring', () => {
    assert.throws(() => new tfd.JointDistributionNamed({ loc: new tfd.Normal({ loc: 0, scale: 1 }), obs: (locc: Tensor) => new tfd.Normal({ loc: locc, scale: 1 }) }),
      /part 'obs' depends on 'locc', which is not a part of the model \(the parts are loc, obs\)/);
    assert.throws(() => new tfd.JointDistributionNamed({ a: (b: Tensor) => new tfd.Normal({ loc: b, scale: 1 }), b: (a: Tensor) => new tfd.Normal({ loc: a, scale: 1 }) }), /cycle/);
    assert.throws(() => new tfd.JointDistributionNamed({ a: new tfd.Normal({ loc: 0, scale: 1 }), b: ({ a }: any) => new tfd.Normal({ loc: a, scale: 1 }) }), /part 'b': destructured parameters .* \{ fn, deps/);
    assert.throws(() => new tfd.JointDistributionNamed({ a: 3 as any }), /part 'a' must be a Distribution/);
  });

  it('a yielded or returned value that is not a distribution, and a bad model', () => {
    const bad = new tfd.JointDistributionCoroutine(function* () { const a: Tensor = yield Root(new tfd.Normal({ loc: 0, scale: 1 })); yield a.item() as any; });
    assert.throws(() => bad.sample({ seed: random.key(0) }), /part 1 is number, not a Distribution/);
    assert.throws(() => tfd.JointDistributionCoroutine.Root(3 as any), /Root: expected a Distribution/);
    const noRoot = new tfd.JointDistributionCoroutine(function* () { yield new tfd.Normal({ loc: 0, scale: 1 }); });
    assert.throws(() => noRoot.sample([2], { seed: random.key(0) }), /must be wrapped in Root/);
    assert.throws(() => new tfd.JointDistributionCoroutine((() => 3) as any).sample({ seed: random.key(0) }), /generator function/);
    assert.throws(() => new tfd.JointDistributionSequential([new tfd.Normal({ loc: 0, scale: 1 }), 5 as any]), /model\[1\] must be a Distribution or a function/);
    assert.throws(() => new tfd.JointDistributionSequential([new tfd.Normal({ loc: 0, scale: 1 }), () => 5 as any]).sample({ seed: random.key(0) }), /model\[1\] is number, not a Distribution/);
    assert.throws(() => new tfd.JointDistributionSequential([(a: Tensor) => new tfd.Normal({ loc: a, scale: 1 })]), /model\[0\] takes 1 argument\(s\) but only 0 earlier part\(s\) exist/);
    assert.throws(() => makeJDS().sample([2], {} as any), /a seed is required/);
    assert.throws(() => new tfd.JointDistributionSequentialAutoBatched([new tfd.Normal({ loc: 0, scale: 1 })], { batchNdims: -1 }), /batchNdims must be a non-negative integer/);
    assert.throws(() => makeJDS().experimentalPin([undefined, undefined, undefined]), /no part is pinned/);
  });
});

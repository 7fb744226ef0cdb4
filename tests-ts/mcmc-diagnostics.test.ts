// mcmc.effectiveSampleSize / potentialScaleReduction / rankNormalizedRhat / rankNormalizedEss against an
// independent numpy/scipy implementation on fixed AR(1) draws
// (fixtures/mcmc/gen_diagnostics.py -> diagnostics.json), plus behaviour checks.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { init, np, mcmc, random, Tensor } from '../wrapper/index.ts';
import { fixture } from './helpers.ts';

interface Fx {
  draws: Record<string, number[][][]>;
  ess: { name: string; draws: string; chain?: number; options: Record<string, unknown>; ess: number[] | number[][] }[];
  rhat: { draws: string; splitChains: boolean; rhat: number[] }[];
  rankRhat: { draws: string; bulk: number[]; tail: number[]; max: number[] }[];
  rankEss: { draws: string; bulk: number[]; tail: number[] }[];
}
const fx = fixture<Fx>('mcmc/diagnostics.json');

const draws = (name: string): Tensor => np.asarray(fx.draws[name], 'float64');
const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flat(Infinity) as number[] : [v as number]);

function close(actual: Tensor, expected: unknown, what: string, rel = 1e-10): void {
  const a = Array.from(actual.data() as Float64Array), e = flat(expected);
  assert.equal(a.length, e.length, `${what}: length`);
  a.forEach((v, i) => assert.ok(Math.abs(v - e[i]) <= rel * Math.max(1, Math.abs(e[i])), `${what}[${i}]: ${v} vs ${e[i]}`));
}

describe('mcmc diagnostics', () => {
  before(() => init());

  describe('effectiveSampleSize matches the reference', () => {
    for (const c of fx.ess) {
      it(c.name, () => {
        let states = draws(c.draws);
        if (c.chain !== undefined) states = np.take(states, c.chain, { axis: 1 });
        const ess = mcmc.effectiveSampleSize(states, c.options as mcmc.EffectiveSampleSizeOptions);
        assert.equal(ess.dtype, 'float64');
        close(ess, c.ess, c.name);
      });
    }
  });

  describe('potentialScaleReduction matches the reference', () => {
    for (const c of fx.rhat) {
      it(`${c.draws}, splitChains ${c.splitChains}`, () => {
        const r = mcmc.potentialScaleReduction(draws(c.draws), { splitChains: c.splitChains });
        assert.deepEqual(r.shape, [2]);
        close(r, c.rhat, 'rhat');
      });
    }
  });

  describe('rankNormalizedRhat matches the reference', () => {
    for (const c of fx.rankRhat) {
      it(`${c.draws}: bulk, tail and max`, () => {
        const s = draws(c.draws);
        close(mcmc.rankNormalizedRhat(s, { statistic: 'bulk' }), c.bulk, 'bulk');
        close(mcmc.rankNormalizedRhat(s, { statistic: 'tail' }), c.tail, 'tail');
        close(mcmc.rankNormalizedRhat(s), c.max, 'max');
      });
    }
  });

  describe('rankNormalizedEss matches the reference (posterior ess_bulk / ess_tail)', () => {
    for (const c of fx.rankEss) {
      it(`${c.draws}: bulk and tail`, () => {
        const s = draws(c.draws);
        close(mcmc.rankNormalizedEss(s), c.bulk, 'bulk');
        close(mcmc.rankNormalizedEss(s, { statistic: 'tail' }), c.tail, 'tail');
      });
    }
  });

  it('bulk ESS is near the draw count for independent draws, low for a random walk, and NaN for constant or non-finite draws', () => {
    const iid = random.normal(random.key(5), [1000, 4, 2], 'float64');
    for (const v of mcmc.rankNormalizedEss(iid).data()) assert.ok(v > 3400 && v < 4800, `iid bulk ESS ${v} of 4000`);
    for (const v of mcmc.rankNormalizedEss(iid, { statistic: 'tail' }).data()) assert.ok(v > 2800 && v < 5200, `iid tail ESS ${v} of 4000`);
    const walk = np.cumsum(iid, { axis: 0 });
    for (const v of mcmc.rankNormalizedEss(walk).data()) assert.ok(v < 100, `random-walk bulk ESS ${v}`);
    assert.ok(Number.isNaN(mcmc.rankNormalizedEss(np.ones([10, 2], 'float64')).item() as number), 'constant');
    const withNaN = np.asarray([[0, 1], [2, NaN], [1, 3], [4, 2], [3, 0], [5, 1]], 'float64');
    assert.ok(Number.isNaN(mcmc.rankNormalizedEss(withNaN).item() as number), 'NaN draw');
    const f32 = mcmc.rankNormalizedEss(random.normal(random.key(6), [50, 3]));
    assert.equal(f32.dtype, 'float32');
    assert.deepEqual(f32.shape, []);
  });

  it('bulk ESS depends only on ranks: any increasing transform of the draws leaves it unchanged', () => {
    const x = random.normal(random.key(7), [40, 3], 'float64');
    const base = mcmc.rankNormalizedEss(x).item() as number;
    fc.assert(fc.property(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, b) => {
      const y = np.add(np.multiply(np.exp(np.multiply(x, a)), 2), b); // 2 e^(a x) + b, increasing in x
      return Math.abs((mcmc.rankNormalizedEss(y).item() as number) - base) <= 1e-9 * base;
    }), { numRuns: 40 });
  });

  it('takes an array of parts and returns one result per part, per-part options included', () => {
    const s = draws('mixed');
    const a = np.take(s, 0, { axis: 2 }), b = np.take(s, 1, { axis: 2 });
    const [ea, eb] = mcmc.effectiveSampleSize([a, b], { crossChainDims: [1, null], filterThreshold: [0, null], filterBeyondLag: [null, 10] });
    const whole = mcmc.effectiveSampleSize(s, { crossChainDims: 1 });
    close(ea, [whole.data()[0]], 'part a');
    close(eb, mcmc.effectiveSampleSize(b, { filterThreshold: null, filterBeyondLag: 10 }).toArray(), 'part b');
    assert.deepEqual(eb.shape, [4]);
    const [ra, rb] = mcmc.potentialScaleReduction([a, b]);
    close(np.stack([ra, rb]), mcmc.potentialScaleReduction(s).toArray(), 'rhat parts');
    const [qa] = mcmc.rankNormalizedRhat([a]);
    close(qa, [mcmc.rankNormalizedRhat(s).data()[0]], 'rank parts');
    const [ba, bb] = mcmc.rankNormalizedEss([a, b]);
    close(np.stack([ba, bb]), mcmc.rankNormalizedEss(s).toArray(), 'rank ESS parts');
  });

  it('gives ESS close to N for independent draws and far below N for sticky ones', () => {
    const iid = random.normal(random.key(1), [1000, 4], 'float64');
    const ess = mcmc.effectiveSampleSize(iid, { filterBeyondPositivePairs: true }).data();
    for (const v of ess) assert.ok(v > 800 && v < 1250, `iid ESS ${v}`);
    const cross = mcmc.effectiveSampleSize(np.reshape(iid, [1000, 4, 1]), { crossChainDims: 1 }).item() as number;
    assert.ok(cross > 3400 && cross < 4800, `cross-chain iid ESS ${cross} of 4000`);
    // A random walk (cumulative sum) is extremely autocorrelated.
    const walk = np.cumsum(iid, { axis: 0 });
    for (const v of mcmc.effectiveSampleSize(walk).data()) assert.ok(v < 50, `random-walk ESS ${v}`);
  });

  it('keeps float32 states float32 and sums chains over several cross-chain dims', () => {
    const x = random.normal(random.key(2), [500, 2, 3, 2]);
    const e = mcmc.effectiveSampleSize(x, { crossChainDims: [1, 2] });
    assert.equal(e.dtype, 'float32');
    assert.deepEqual(e.shape, [2]);
    for (const v of e.data()) assert.ok(v > 2400 && v < 3700, `ESS ${v} of 3000`);
    assert.deepEqual(mcmc.effectiveSampleSize(x, { crossChainDims: -2 }).shape, [2, 2]);
  });

  it('R-hat is near 1 for well-mixed chains and above 1.1 for chains with different means', () => {
    const iid = random.normal(random.key(3), [800, 4, 2], 'float64');
    for (const v of mcmc.potentialScaleReduction(iid).data()) assert.ok(Math.abs(v - 1) < 0.01, `TFP R-hat ${v}`);
    for (const v of mcmc.potentialScaleReduction(iid, { splitChains: true }).data()) assert.ok(Math.abs(v - 1) < 0.01, `split ${v}`);
    for (const v of mcmc.rankNormalizedRhat(iid).data()) assert.ok(v < 1.01, `rank R-hat ${v}`);
    const shifted = np.add(iid, np.reshape(np.asarray([0, 0, 1, 1], 'float64'), [1, 4, 1]));
    for (const v of mcmc.potentialScaleReduction(shifted).data()) assert.ok(v > 1.1, `TFP R-hat ${v}`);
    for (const v of mcmc.rankNormalizedRhat(shifted).data()) assert.ok(v > 1.1, `rank R-hat ${v}`);
    // Same means, different scales: only the tail (folded) R-hat sees it.
    const scaled = np.multiply(iid, np.reshape(np.asarray([1, 1, 3, 3], 'float64'), [1, 4, 1]));
    const bulk = mcmc.rankNormalizedRhat(scaled, { statistic: 'bulk' }).data();
    const tail = mcmc.rankNormalizedRhat(scaled, { statistic: 'tail' }).data();
    for (let i = 0; i < 2; i++) assert.ok(tail[i] > 1.1 && bulk[i] < 1.05, `bulk ${bulk[i]} tail ${tail[i]}`);
  });

  it('takes several independent chain dims', () => {
    const iid = random.normal(random.key(4), [300, 2, 3], 'float64');
    const r = mcmc.potentialScaleReduction(iid, { independentChainNdims: 2 });
    assert.deepEqual(r.shape, []);
    const same = mcmc.potentialScaleReduction(np.reshape(iid, [300, 6]));
    close(r, same.item(), 'two chain dims = flattened chains');
    close(mcmc.rankNormalizedRhat(iid, { independentChainNdims: 2 }), mcmc.rankNormalizedRhat(np.reshape(iid, [300, 6])).item(), 'rank');
    close(mcmc.rankNormalizedEss(iid, { independentChainNdims: 2 }), mcmc.rankNormalizedEss(np.reshape(iid, [300, 6])).item(), 'rank ESS');
  });

  it('returns NaN for a constant chain, as TFP does', () => {
    const c = np.ones([10, 2], 'float64');
    assert.ok(Number.isNaN(mcmc.effectiveSampleSize(c).data()[0]));
    assert.ok(Number.isNaN(mcmc.potentialScaleReduction(c).item() as number));
  });

  it('rejects bad arguments with clear errors', () => {
    const x = np.zeros([10, 3]);
    assert.throws(() => mcmc.effectiveSampleSize(x, { crossChainDims: 0 }), /crossChainDims entry 0 is out of range/);
    assert.throws(() => mcmc.effectiveSampleSize(x, { crossChainDims: 2 }), /out of range/);
    assert.throws(() => mcmc.effectiveSampleSize(np.zeros([10, 1]), { crossChainDims: 1 }), /more than 1 chain/);
    assert.throws(() => mcmc.effectiveSampleSize(np.zeros([1, 3])), /at least 2 draws/);
    assert.throws(() => mcmc.effectiveSampleSize(x, { filterBeyondLag: -1 }), /filterBeyondLag/);
    assert.throws(() => mcmc.effectiveSampleSize([x, x], { filterThreshold: [0] }), /filterThreshold has 1 entries but the states have 2 parts/);
    assert.throws(() => mcmc.potentialScaleReduction(x, { independentChainNdims: 0 }), /independentChainNdims must be an integer >= 1/);
    assert.throws(() => mcmc.potentialScaleReduction(np.zeros([3, 2]), { splitChains: true }), /at least 4 draws/);
    assert.throws(() => mcmc.potentialScaleReduction(np.zeros([10])), /cannot have a draws dimension and 1 chain/);
    assert.throws(() => mcmc.rankNormalizedRhat(np.zeros([3, 2])), /at least 4 draws/);
    assert.throws(() => mcmc.rankNormalizedRhat(x, { statistic: 'mean' as 'max' }), /statistic must be/);
    assert.throws(() => mcmc.rankNormalizedEss(np.zeros([5, 2])), /rankNormalizedEss: needs at least 6 draws per chain; got 5/);
    assert.throws(() => mcmc.rankNormalizedEss(x, { statistic: 'max' as 'bulk' }), /rankNormalizedEss: statistic must be 'bulk' or 'tail'/);
    assert.throws(() => mcmc.rankNormalizedEss(x, { independentChainNdims: 1.5 }), /independentChainNdims must be an integer >= 1/);
    assert.throws(() => mcmc.rankNormalizedEss(np.zeros([10])), /cannot have a draws dimension and 1 chain/);
  });
});

// The fused log-prob kernels (assembly/kernels/{normal,gamma,student_t,beta,poisson}.ts via
// wrapper/distributions/fused/*.ts): equal to TFP's formula written with np ops within the
// budgets documented in the kernels (Normal: bit for bit), on both builds; SIMD and scalar
// builds bit-identical on values and partials; gradients (first and second) against finite
// differences; NaN for invalid parameters; `undefined` off the fast path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { init, backend, np, grad, Tensor, tfd } from '../wrapper/index.ts';
import { normalLogProb } from '../wrapper/distributions/fused/normal.ts';
import { gammaLogProb } from '../wrapper/distributions/fused/gamma.ts';
import { studentTLogProb } from '../wrapper/distributions/fused/student_t.ts';
import { betaLogProb } from '../wrapper/distributions/fused/beta.ts';
import { poissonLogProb } from '../wrapper/distributions/fused/poisson.ts';
import { BUILDS, firstDiff } from './helpers.ts';
import { checkGrad, f64, valuesFor, weighted } from './grad-check.ts';

type DT = 'float32' | 'float64';
const EPS: Record<DT, number> = { float32: 2 ** -23, float64: 2 ** -52 };
const T = (v: number[], dt: DT, shape: number[] = [v.length]): Tensor =>
  new Tensor(dt === 'float32' ? Float32Array.from(v) : Float64Array.from(v), shape);
const S = (v: number, dt: DT): Tensor => T([v], dt, []);
const data = (t: Tensor): number[] => Array.from(t.data() as Float32Array | Float64Array);
const pi = (dt: DT) => S(Math.PI, dt);

// ---------------------------------------------------------------- TFP's formulas, np ops
// Each returns [log p, the terms whose magnitudes scale the error budget].
type Ref = (ins: Tensor[]) => [Tensor, Tensor[]];
const REF: Record<string, Ref> = {
  normal: ([x, loc, scale]) => {
    const u = np.multiply(-0.5, np.square(np.subtract(np.divide(x, scale), np.divide(loc, scale))));
    const c = np.add(np.log(scale), 0.5 * Math.log(2 * Math.PI));
    return [np.subtract(u, c), [u, c]];
  },
  gamma: ([x, c, r]) => {
    const a = np.xlogy(np.subtract(c, 1), x), b = np.multiply(r, x), lg = np.lgamma(c), cl = np.multiply(c, np.log(r));
    const lp = np.subtract(np.subtract(a, b), np.subtract(lg, cl));
    return [np.where(np.greater(np.minimum(c, r), 0), lp, NaN), [a, b, lg, cl]];
  },
  studentT: ([x, df, loc, scale]) => {
    const y = np.multiply(np.subtract(x, loc), np.divide(np.rsqrt(df), scale));
    const u = np.multiply(np.multiply(-0.5, np.add(df, 1)), np.log1p(np.square(y)));
    const half = np.multiply(0.5, df);
    const lgd = np.subtract(np.lgamma(half), np.lgamma(np.add(half, 0.5)));
    const ls = np.log(scale), ld = np.multiply(0.5, np.log(df)), lp0 = np.multiply(0.5, np.log(pi(x.dtype as DT)));
    const lp = np.subtract(u, np.add(np.add(np.add(ls, ld), lp0), lgd));
    const ok = np.greater(np.minimum(df, scale), 0);
    return [np.where(ok, lp, NaN), [u, ls, ld, lp0, np.lgamma(half)]];
  },
  beta: ([x, a, b]) => {
    const u = np.xlogy(np.subtract(a, 1), x), v = np.xlog1py(np.subtract(b, 1), np.negative(x)), lb = np.betaln(a, b);
    const ok = np.greater(np.minimum(a, b), 0);
    return [np.where(ok, np.subtract(np.add(u, v), lb), NaN), [u, v, lb, np.lgamma(a), np.lgamma(b)]];
  },
  poisson: ([x, lr]) => {
    const s = np.maximum(x, 0);
    const m = np.where(np.equal(s, 0), 0, np.multiply(lr, s));
    const lg = np.lgamma(np.add(s, 1));
    const y = np.where(np.equal(x, s), np.subtract(m, lg), -Infinity);
    const rate = np.exp(lr);
    return [np.subtract(y, rate), [m, lg, rate]];
  },
};
const FUSED: Record<string, (ins: Tensor[]) => Tensor | undefined> = {
  normal: ([x, l, s]) => normalLogProb(x, l, s),
  gamma: ([x, c, r]) => gammaLogProb(x, c, r),
  studentT: ([x, d, l, s]) => studentTLogProb(x, d, l, s),
  beta: ([x, a, b]) => betaLogProb(x, a, b),
  poisson: ([x, lr]) => poissonLogProb(x, lr),
};

// ---------------------------------------------------------------- inputs
const N = 1003; // not a multiple of 8: vector tails
interface Case { family: string; label: string; ins: (dt: DT) => Tensor[] }
const xs = (lo: number, hi: number, seed: number) => valuesFor([N], lo, hi, seed);
const CASES: Case[] = [
  { family: 'normal', label: 'x full, loc and scale single', ins: (dt) => [T(xs(-30, 30, 1), dt), S(0.75, dt), S(2.5, dt)] },
  { family: 'normal', label: 'all full', ins: (dt) => [T(xs(-30, 30, 2), dt), T(xs(-3, 3, 3), dt), T(xs(0.01, 20, 4), dt)] },
  { family: 'normal', label: 'x single, scale full', ins: (dt) => [S(1.25, dt), S(-0.5, dt), T(xs(1e-3, 1e3, 5), dt)] },
  { family: 'gamma', label: 'x full, parameters single', ins: (dt) => [T(xs(1e-3, 40, 6), dt), S(2.5, dt), S(0.75, dt)] },
  { family: 'gamma', label: 'concentration 1 (xlogy zero)', ins: (dt) => [T([0, ...xs(0, 5, 7).slice(1)], dt), S(1, dt), S(3, dt)] },
  { family: 'gamma', label: 'all full, small concentrations', ins: (dt) => [T(xs(1e-4, 10, 8), dt), T(xs(0.05, 3, 9), dt), T(xs(0.1, 10, 10), dt)] },
  { family: 'gamma', label: 'large concentration', ins: (dt) => [T(xs(500, 1500, 11), dt), S(1000, dt), S(1, dt)] },
  { family: 'studentT', label: 'x full, parameters single', ins: (dt) => [T(xs(-50, 50, 12), dt), S(3, dt), S(1, dt), S(2, dt)] },
  { family: 'studentT', label: 'all full, df from 0.5 to 1e4', ins: (dt) => [T(xs(-10, 10, 13), dt), T(xs(0.5, 1e4, 14), dt), T(xs(-1, 1, 15), dt), T(xs(0.1, 5, 16), dt)] },
  { family: 'beta', label: 'x full, parameters single', ins: (dt) => [T(xs(1e-3, 0.999, 17), dt), S(2.5, dt), S(0.5, dt)] },
  { family: 'beta', label: 'all full', ins: (dt) => [T(xs(1e-3, 0.999, 18), dt), T(xs(0.1, 50, 19), dt), T(xs(0.1, 50, 20), dt)] },
  { family: 'beta', label: 'concentration1 = 1 with x = 0', ins: (dt) => [T([0, ...xs(0, 1, 21).slice(1)], dt), S(1, dt), S(3, dt)] },
  { family: 'poisson', label: 'integer counts, single log rate', ins: (dt) => [T(xs(0, 60, 22).map(Math.floor), dt), S(Math.log(7.5), dt)] },
  { family: 'poisson', label: 'non-integer and negative x, full log rates', ins: (dt) => [T(xs(-5, 200, 23), dt), T(xs(-3, 6, 24), dt)] },
];

// Budget: |fused - formula| <= K eps (sum of |terms|) + tiny, K documented in each kernel
// (0: the same bits — Normal in both dtypes, Gamma in float64). float32 runs the formula
// in float32 too. Measured: at most 2 eps (sum of |terms|) for the others.
const K: Record<string, number> = { normal: 0, gamma: 4, studentT: 4, beta: 4, poisson: 4 };
const budget = (family: string, dt: DT) => (family === 'gamma' && dt === 'float64' ? 0 : K[family]);

function compare(c: Case, dt: DT): void {
  const ins = c.ins(dt);
  const got = FUSED[c.family](ins);
  assert.ok(got, `${c.family} ${c.label}: on the fast path`);
  assert.equal(got!.dtype, dt);
  const [ref, terms] = REF[c.family](ins);
  const g = data(got!), r = data(ref);
  const mags = terms.map((t) => data(np.broadcastTo(np.abs(t), ref.shape)));
  assert.equal(g.length, r.length);
  for (let i = 0; i < r.length; i++) {
    if (budget(c.family, dt) === 0 || !Number.isFinite(r[i])) {
      assert.ok(Object.is(g[i], r[i]) || (Number.isNaN(g[i]) && Number.isNaN(r[i])), `${c.family} ${c.label} ${dt} [${i}]: fused ${g[i]} vs formula ${r[i]}`);
      continue;
    }
    const scale = mags.reduce((s, m) => s + m[i], 0);
    const tol = K[c.family] * EPS[dt] * scale + 1e-30;
    assert.ok(Math.abs(g[i] - r[i]) <= tol, `${c.family} ${c.label} ${dt} [${i}]: fused ${g[i]} vs formula ${r[i]} (|d| ${Math.abs(g[i] - r[i])} > ${tol})`);
  }
}

for (const b of BUILDS) {
  describe(`fused log-prob kernels agree with TFP's np-op formulas (${b.name})`, () => {
    for (const c of CASES) {
      for (const dt of ['float32', 'float64'] as const) {
        it(`${c.family}, ${c.label}, ${dt}: within the documented budget${budget(c.family, dt) === 0 ? ' (bit for bit)' : ''}`, async () => {
          await init({ simd: b.simd });
          assert.equal(backend(), b.name);
          compare(c, dt);
        });
      }
    }
    it('normal: every size from 0 to 20 (vector tails) gives the formula bit for bit', async () => {
      await init({ simd: b.simd });
      for (let n = 0; n <= 20; n++) {
        for (const dt of ['float32', 'float64'] as const) {
          const ins = [T(valuesFor([n], -4, 4, 30 + n), dt), S(0.3, dt), T(valuesFor([n], 0.5, 3, 60 + n), dt)];
          const got = data(normalLogProb(ins[0], ins[1], ins[2])!);
          assert.deepEqual(got, data(REF.normal(ins)[0]), `n = ${n} ${dt}`);
        }
      }
    });
    it('float32 results are close to the float64 formula (f64 parameter terms)', async () => {
      await init({ simd: b.simd });
      for (const c of CASES) {
        const g = data(FUSED[c.family](c.ins('float32'))!);
        // the float64 reference on the float32 inputs widened
        const ins64 = c.ins('float32').map((t) => np.astype(t, 'float64'));
        const [ref, terms] = REF[c.family](ins64);
        const r = data(ref);
        const mags = terms.map((t) => data(np.broadcastTo(np.abs(t), ref.shape)));
        for (let i = 0; i < r.length; i++) {
          if (!Number.isFinite(r[i])) { assert.ok(Object.is(g[i], Math.fround(r[i])) || (Number.isNaN(g[i]) && Number.isNaN(r[i])), `${c.family} ${c.label} [${i}]`); continue; }
          const tol = 4 * EPS.float32 * mags.reduce((s, m) => s + m[i], 0);
          assert.ok(Math.abs(g[i] - r[i]) <= tol, `${c.family} ${c.label} [${i}]: f32 ${g[i]} vs f64 ${r[i]}`);
        }
      }
    });
    it('invalid parameters give NaN for the value (and the formula gives NaN too)', async () => {
      await init({ simd: b.simd });
      for (const dt of ['float32', 'float64'] as const) {
        const x = T([0.5, 1, 2, 3, 4], dt);
        const bad: [string, Tensor | undefined][] = [
          ['normal scale 0', normalLogProb(x, S(0, dt), S(0, dt))],
          ['normal scale < 0', normalLogProb(x, S(0, dt), S(-1, dt))],
          ['gamma concentration 0', gammaLogProb(x, S(0, dt), S(1, dt))],
          ['gamma concentration < 0', gammaLogProb(x, S(-0.5, dt), S(1, dt))],
          ['gamma rate < 0', gammaLogProb(x, S(2, dt), S(-1, dt))],
          ['gamma rate NaN', gammaLogProb(x, S(2, dt), S(NaN, dt))],
          ['studentT df 0', studentTLogProb(x, S(0, dt), S(0, dt), S(1, dt))],
          ['studentT scale < 0', studentTLogProb(x, S(3, dt), S(0, dt), S(-1, dt))],
          ['beta concentration1 < 0', betaLogProb(T([0.1, 0.5, 0.9], dt), S(-1, dt), S(2, dt))],
          ['beta concentration0 0', betaLogProb(T([0.1, 0.5, 0.9], dt), S(2, dt), S(0, dt))],
          ['poisson log rate NaN', poissonLogProb(x, S(NaN, dt))],
        ];
        for (const [what, t] of bad) assert.ok(data(t!).every(Number.isNaN), `${what} ${dt}: ${data(t!)}`);
        // per-element parameters: only the invalid element is NaN
        const g = data(gammaLogProb(T([1, 1, 1], dt), T([2, -1, 2], dt), T([1, 1, 0], dt))!);
        assert.ok(Number.isFinite(g[0]) && Number.isNaN(g[1]) && Number.isNaN(g[2]), `gamma per element ${dt}: ${g}`);
        // and the partials of an invalid element are NaN too
        const dg = data(grad((c: Tensor) => np.sum(gammaLogProb(T([1, 1], dt), c, S(1, dt))!))(T([2, -1], dt)));
        assert.ok(Number.isFinite(dg[0]) && Number.isNaN(dg[1]), `gamma d/dc ${dt}: ${dg}`);
      }
    });
    it('special points follow the formulas: x = +-inf, NaN x, support edges', async () => {
      await init({ simd: b.simd });
      for (const dt of ['float32', 'float64'] as const) {
        const n = data(normalLogProb(T([Infinity, -Infinity, NaN], dt), S(0, dt), S(1, dt))!);
        assert.deepEqual(n.slice(0, 2), [-Infinity, -Infinity]);
        assert.ok(Number.isNaN(n[2]));
        const g = data(gammaLogProb(T([0, 0, 0, -1], dt), T([0.5, 1, 2, 2], dt), S(2, dt))!);
        assert.equal(g[0], Infinity); // x^(c-1) with c < 1
        assert.ok(Math.abs(g[1] - Math.log(2)) < 1e-6, `gamma(1, 2) at 0 = log 2: ${g[1]}`);
        assert.equal(g[2], -Infinity);
        assert.ok(Number.isNaN(g[3])); // log of a negative number
        const p = data(poissonLogProb(T([-1, 0, NaN, 2.5], dt), S(0, dt))!);
        assert.equal(p[0], -Infinity);
        assert.equal(p[1], -1);
        assert.equal(p[2], -Infinity); // TFP: max(NaN, 0) != NaN
        assert.ok(Math.abs(p[3] - (-1 - lgammaOf(3.5))) < 1e-5, `poisson at 2.5: ${p[3]}`);
        assert.deepEqual(data(poissonLogProb(T([0, 1], dt), S(-Infinity, dt))!), [0, -Infinity]); // rate 0
        if (dt === 'float64') { // log1p(y^2) without overflow: -(df+1)/2 * 2 log|y| - log-normalizer
          const st = studentTLogProb(T([1e200, -1e200], dt), S(3, dt), S(0, dt), S(1, dt))!.data() as Float64Array;
          const want = -4 * Math.log(1e200 / Math.sqrt(3)) - (0.5 * Math.log(3) + 0.5 * Math.log(Math.PI) + lgammaOf(1.5) - lgammaOf(2));
          for (const v of st) assert.ok(Math.abs(v - want) <= 1e-13 * Math.abs(want), `studentT at 1e200: ${v} vs ${want}`);
        }
        const bt = data(betaLogProb(T([0, 1, -0.5], dt), S(2, dt), S(2, dt))!);
        assert.deepEqual(bt.slice(0, 2), [-Infinity, -Infinity]);
        assert.ok(Number.isNaN(bt[2]));
      }
    });
  });
}

function lgammaOf(x: number): number { return (np.lgamma(np.array(x, 'float64')).item() as number); }

// ---------------------------------------------------------------- SIMD == scalar
describe('fused kernels: the SIMD and scalar builds agree bit for bit (values and partials)', () => {
  async function everything(simd: boolean): Promise<Uint32Array[]> {
    await init({ simd });
    const outs: Uint32Array[] = [];
    const bits = (t: Tensor) => new Uint32Array((t.data() as Float32Array | Float64Array).slice().buffer);
    for (const c of CASES) {
      for (const dt of ['float32', 'float64'] as const) {
        const ins = c.ins(dt);
        outs.push(bits(FUSED[c.family](ins)!));
        // every partial at once: grad of a weighted sum with respect to every input
        for (let k = 0; k < ins.length; k++) {
          const f = (v: Tensor) => np.sum(np.multiply(FUSED[c.family](ins.map((t, j) => (j === k ? v : t)))!, 1.5));
          outs.push(bits(grad(f)(ins[k]) as Tensor));
        }
      }
    }
    return outs;
  }
  it(`on ${CASES.length} cases x 2 dtypes, value and every partial`, async () => {
    const a = await everything(true);
    assert.equal(backend(), 'wasm-simd');
    const b = await everything(false);
    assert.equal(backend(), 'wasm-scalar');
    assert.equal(a.length, b.length);
    for (let i = 0; i < a.length; i++) assert.equal(firstDiff(a[i], b[i]), -1, `output ${i}`);
  });
  it('on 10^5 + 3 float32 Normal and Gamma points with single parameters (the vector bodies)', async () => {
    const run = async (simd: boolean) => {
      await init({ simd });
      const x = T(valuesFor([100_003], 0.001, 50, 99), 'float32');
      const n = normalLogProb(x, S(3, 'float32'), S(7, 'float32'))!;
      const g = gammaLogProb(x, S(3, 'float32'), S(0.5, 'float32'))!;
      return [n, g].map((t) => new Uint32Array((t.data() as Float32Array).slice().buffer));
    };
    const [a, b] = [await run(true), await run(false)];
    assert.equal(firstDiff(a[0], b[0]), -1);
    assert.equal(firstDiff(a[1], b[1]), -1);
  });
});

// ---------------------------------------------------------------- gradients
describe('fused log-prob gradients match finite differences (float64)', () => {
  const G: { family: string; ins: number[][]; shapes: number[][] }[] = [
    { family: 'normal', ins: [valuesFor([5], -3, 3, 40), [0.4], valuesFor([5], 0.5, 2, 41)], shapes: [[5], [], [5]] },
    { family: 'gamma', ins: [valuesFor([5], 0.2, 5, 42), [2.5], valuesFor([5], 0.5, 3, 43)], shapes: [[5], [], [5]] },
    { family: 'studentT', ins: [valuesFor([5], -4, 4, 44), valuesFor([5], 0.7, 30, 45), [0.3], [1.7]], shapes: [[5], [5], [], []] },
    { family: 'beta', ins: [valuesFor([5], 0.05, 0.95, 46), [1.5], valuesFor([5], 0.5, 8, 47)], shapes: [[5], [], [5]] },
    { family: 'poisson', ins: [valuesFor([5], 0.5, 12, 48), valuesFor([5], -1, 2.5, 49)], shapes: [[5], [5]] },
  ];
  for (const { family, ins, shapes } of G) {
    for (let k = 0; k < ins.length; k++) {
      it(`${family}: d/d(input ${k}) ${shapes[k].length ? 'full-length' : 'single value (summed over the batch)'}`, async () => {
        await init({ simd: true });
        const tens = ins.map((v, j) => f64(v, shapes[j]));
        const f = (v: Tensor) => weighted(FUSED[family](tens.map((t, j) => (j === k ? v : t)))!);
        checkGrad(f, tens[k], `${family} input ${k}`, 1e-5);
      });
    }
  }
  it('second derivatives (grad of grad) match finite differences of the first', async () => {
    await init({ simd: true });
    for (const { family, ins, shapes } of G) {
      const tens = ins.map((v, j) => f64(v, shapes[j]));
      for (let k = 0; k < ins.length; k++) {
        // h(v) = sum of d/dv_k weighted(lp): the first derivative, differentiated again
        const first = (v: Tensor) => weighted(grad((u: Tensor) => weighted(FUSED[family](tens.map((t, j) => (j === k ? u : t)))!))(v) as Tensor);
        checkGrad(first, tens[k], `${family} second derivative, input ${k}`, 1e-4);
      }
    }
  });
  it('the fused Normal value and gradient equal those of the np formula inside tfd.Normal', async () => {
    await init({ simd: true });
    const x = f64(valuesFor([7], -3, 3, 50), [7]);
    const loc = f64([0.2], []), scale = f64(valuesFor([7], 0.5, 2, 51), [7]);
    const viaDist = (s: Tensor) => weighted(new tfd.Normal({ loc, scale: s }).logProb(x));
    const viaRef = (s: Tensor) => weighted(REF.normal([x, loc, s])[0]);
    assert.equal(viaDist(scale).item(), viaRef(scale).item());
    const a = data(grad(viaDist)(scale) as Tensor), b = data(grad(viaRef)(scale) as Tensor);
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1e-13 * Math.max(1, Math.abs(b[i])), `d/dscale[${i}] ${a[i]} vs ${b[i]}`);
  });
});

// ---------------------------------------------------------------- fast path
describe('fast path selection', () => {
  it('returns undefined for general broadcasts and mixed dtypes; tfd.Normal falls back to the formula', async () => {
    await init({ simd: true });
    const x = T([1, 2, 3], 'float32', [3, 1]), loc = T([0, 1, 2, 3], 'float32'), sc = S(1, 'float32');
    assert.equal(normalLogProb(x, loc, sc), undefined);
    assert.equal(normalLogProb(T([1, 2], 'float32'), S(0, 'float64'), S(1, 'float64')), undefined);
    assert.equal(gammaLogProb(np.astype(T([1, 2], 'float32'), 'int32'), S(1, 'float32'), S(1, 'float32')), undefined);
    const lp = new tfd.Normal({ loc, scale: 1 }).logProb(x);
    assert.deepEqual(lp.shape, [3, 4]);
    assert.deepEqual(data(lp), data(REF.normal([x, loc, sc])[0]));
  });
  it('size-1 inputs of any rank count as single values; the output has the broadcast shape', async () => {
    await init({ simd: true });
    const out = normalLogProb(T([0, 1, 2, 3, 4, 5], 'float32', [2, 3]), T([0], 'float32', [1, 1]), S(1, 'float32'))!;
    assert.deepEqual(out.shape, [2, 3]);
    const g = grad((l: Tensor) => np.sum(normalLogProb(T([0, 1, 2, 3, 4, 5], 'float64', [2, 3]), l, S(1, 'float64'))!))(T([0], 'float64', [1, 1])) as Tensor;
    assert.deepEqual(g.shape, [1, 1]);
    assert.equal(g.item(), 15);
  });
});

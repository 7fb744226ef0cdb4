// np.gammaincinv / np.gammainccinv / np.betaincinv against exact roots (50- to 360-digit
// mpmath Newton refinements of SciPy's values, tests-ts/fixtures/special/gen_special_inverse.py):
// float64 within 1e-12 relative over a, b in [1e-3, 1e4] and p from 1e-300 to 1 - 2^-40
// (the grid includes conditioning up to κ = 1/a = 1000), float32 within 1 ulp of the exact
// root, round trips through the forward functions, SciPy's conventions at the edges,
// broadcasting and promotion, and gradients against float64 central differences.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, grad, tfd, Tensor } from '../wrapper/index.ts';
import { fixture } from './helpers.ts';
import { checkGrad, f64 as f64s, weighted } from './grad-check.ts';

type Num = number | string;
const dec = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));
interface Set { a: Num[]; b?: Num[]; p: Num[]; x: Num[]; kappa: number[]; scipy: Num[] }
const F = fixture<Record<string, Set> & { edges: Record<string, Set> }>('special/special_inverse.json');
const f64 = (xs: Num[]) => new Tensor(Float64Array.from(xs.map(dec)), [xs.length]);
const f32 = (xs: Num[]) => new Tensor(Float32Array.from(xs.map(dec)), [xs.length]);

type Inv = (s: Set, mk: (xs: Num[]) => Tensor) => Tensor;
const INV: Record<string, Inv> = {
  gammaincinv: (s, mk) => np.gammaincinv(mk(s.a), mk(s.p)),
  gammainccinv: (s, mk) => np.gammainccinv(mk(s.a), mk(s.p)),
  betaincinv: (s, mk) => np.betaincinv(mk(s.a), mk(s.b!), mk(s.p)),
};
/** The forward function the inverse undoes, on float64 values. */
const FWD: Record<string, (s: Set, x: Tensor) => Tensor> = {
  gammaincinv: (s, x) => np.gammainc(f64(s.a), x),
  gammainccinv: (s, x) => np.gammaincc(f64(s.a), x),
  betaincinv: (s, x) => np.betainc(f64(s.a), f64(s.b!), x),
};

function ulp32(y: number): number {
  y = Math.abs(y);
  if (y < 1.1754943508222875e-38) return 2 ** -149;
  const e = Math.floor(Math.log2(y));
  let u = 2 ** (e - 23);
  if (y < 2 ** e) u /= 2;
  if (y >= 2 ** (e + 1)) u *= 2;
  return u;
}

before(async () => { await init(); });

for (const name of Object.keys(INV)) {
  describe(`np.${name}`, () => {
    it('float64: within 1e-12 relative of the exact root over the whole grid (tails to 1e-300 included)', () => {
      const s = F[name];
      assert.ok(s.x.length > 100, 'fixture size');
      const y = INV[name](s, f64).data();
      for (let i = 0; i < s.x.length; i++) {
        const x = dec(s.x[i]);
        const rel = Math.abs(y[i] - x) / x;
        assert.ok(rel <= 1e-12, `${name}(a=${s.a[i]}${s.b ? `, b=${s.b[i]}` : ''}, p=${s.p[i]}) = ${y[i]}, exact ${x} (rel ${rel}, κ ${s.kappa[i]})`);
      }
    });

    it('float32: within 1 ulp of the exact root at float32 inputs, float32 out', () => {
      const s = F[`${name}_f32`];
      const out = INV[name](s, f32);
      assert.equal(out.dtype, 'float32');
      const y = out.data();
      for (let i = 0; i < s.x.length; i++) {
        const x = dec(s.x[i]);
        const err = Math.abs(y[i] - x) / ulp32(x);
        assert.ok(err <= 1, `${name}(a=${s.a[i]}${s.b ? `, b=${s.b[i]}` : ''}, p=${s.p[i]}) = ${y[i]}, exact ${x} (${err} ulp)`);
      }
    });

    it('round trip: the forward function at the root returns p (to its own error plus one ulp of x)', () => {
      const s = F[name];
      const x = INV[name](s, f64);
      const back = FWD[name](s, x).data();
      let checked = 0;
      for (let i = 0; i < s.x.length; i++) {
        const p = dec(s.p[i]), xr = dec(s.x[i]);
        if (xr === 1) continue; // a beta root within 2^-54 of 1 rounds to 1: nothing to round-trip
        checked++;
        // compare the smaller tail: 1 - F is exact where F >= 1/2
        const [got, want] = p > 0.5 ? [1 - back[i], 1 - p] : [back[i], p];
        // forward error ~1e-13 (1 + |ln t|/16) (assembly/special budgets) + one ulp of x, which
        // moves t by t ulp(x) / (κ z), z = x (or 1 - x for the beta roots above 1/2)
        const z = name === 'betaincinv' && xr > 0.5 ? 1 - xr : xr;
        const ulpx = 2.3e-16 * Math.max(xr, 2 ** -1022);
        const tol = want * (1e-13 * (1 + Math.abs(Math.log(want)) / 16) + 1.5 * ulpx / (s.kappa[i] * z)) + (p > 0.5 ? 2.3e-16 : 0);
        assert.ok(Math.abs(got - want) <= tol, `${name} round trip at a=${s.a[i]}, p=${p}: ${back[i]} (diff ${Math.abs(got - want)}, tol ${tol})`);
      }
      assert.ok(checked > 100, `round trips checked: ${checked}`);
    });

    it("edge cases follow SciPy: p = 0, 1, outside [0, 1], NaN, parameters <= 0, underflowing roots", () => {
      const s = F.edges[name];
      const y = INV[name](s, f64).data();
      for (let i = 0; i < s.x.length; i++) {
        const x = dec(s.x[i]);
        const ok = Number.isNaN(x) ? Number.isNaN(y[i]) : !Number.isFinite(x) || x === 0 ? y[i] === x : Math.abs(y[i] - x) <= 1e-15 * x;
        assert.ok(ok, `${name}(a=${s.a[i]}${s.b ? `, b=${s.b[i]}` : ''}, p=${s.p[i]}) = ${y[i]}, SciPy ${x}`);
      }
    });
  });
}

describe('inverse incomplete gamma/beta: shapes, dtypes and infinite parameters', () => {
  it('broadcasts its arguments like the forward functions', () => {
    const a = np.reshape(np.asarray([0.5, 2, 30], 'float64'), [3, 1]);
    const p = np.asarray([0.1, 0.5, 0.9, 0.99], 'float64');
    const x = np.gammaincinv(a, p);
    assert.deepEqual(x.shape, [3, 4]);
    const back = np.gammainc(a, x).data();
    const want = [0.1, 0.5, 0.9, 0.99];
    back.forEach((v, i) => assert.ok(Math.abs(v - want[i % 4]) < 1e-14, `round trip ${i}: ${v}`));
    assert.deepEqual(np.betaincinv(2, np.asarray([[1], [3]], 'float64'), np.asarray([0.2, 0.7], 'float64')).shape, [2, 2]);
  });

  it('promotes like the other special functions: numbers -> float32, any float64 -> float64', () => {
    assert.equal(np.gammaincinv(2, 0.5).dtype, 'float32');
    assert.equal(np.gammainccinv(np.asarray([2], 'float32'), np.asarray([0.5], 'float64')).dtype, 'float64');
    assert.equal(np.betaincinv(np.asarray(2, 'float32'), 3, 0.5).dtype, 'float32');
    assert.ok(Math.abs((np.gammaincinv(2, 0.5).item() as number) - 1.6783469900166608) < 2e-7);
  });

  it('returns NaN for infinite parameters', () => {
    assert.ok(Number.isNaN(np.gammaincinv(Infinity, 0.5).item() as number));
    assert.ok(Number.isNaN(np.betaincinv(2, Infinity, 0.5).item() as number));
  });

  it('solves the extreme tails: gammainccinv(1, 1e-300) = 300 ln 10, betaincinv(1, b, p) = 1 - (1-p)^(1/b)', () => {
    const q = np.gammainccinv(np.asarray([1], 'float64'), np.asarray([1e-300], 'float64')).item() as number;
    assert.ok(Math.abs(q - 300 * Math.LN10) <= 2e-16 * q);
    const b = 1e4, p = 1e-300;
    const x = np.betaincinv(np.asarray([1], 'float64'), np.asarray([b], 'float64'), np.asarray([p], 'float64')).item() as number;
    const exact = -Math.expm1(Math.log1p(-p) / b); // = p/b to double precision
    assert.ok(Math.abs(x - exact) <= 1e-12 * exact, `${x} vs ${exact}`);
  });
});

describe('inverse incomplete gamma/beta: gradients', () => {
  const P = f64s([0.02, 0.3, 0.5, 0.8, 0.97], [5]);
  const A = f64s([0.4, 1, 2.5, 9, 60], [5]);

  it('gammaincinv: d/dp = 1/density and d/da by the implicit function theorem match finite differences', () => {
    checkGrad((p) => weighted(np.gammaincinv(A, p)), P, 'gammaincinv d/dp');
    checkGrad((a) => weighted(np.gammaincinv(a, P)), A, 'gammaincinv d/da');
  });

  it('gammainccinv: gradients in q and a match finite differences', () => {
    checkGrad((q) => weighted(np.gammainccinv(A, q)), P, 'gammainccinv d/dq');
    checkGrad((a) => weighted(np.gammainccinv(a, P)), A, 'gammainccinv d/da');
  });

  it('betaincinv: gradients in p, a and b match finite differences', () => {
    const B = f64s([3, 0.6, 2, 40, 1.5], [5]);
    checkGrad((p) => weighted(np.betaincinv(A, B, p)), P, 'betaincinv d/dp');
    checkGrad((a) => weighted(np.betaincinv(a, B, P)), A, 'betaincinv d/da');
    checkGrad((b) => weighted(np.betaincinv(A, b, P)), B, 'betaincinv d/db');
  });

  it('second derivative in p (through the output in the density) matches finite differences', () => {
    checkGrad((p) => weighted(grad((q: Tensor) => np.sum(np.gammaincinv(A, q)))(p) as Tensor), P, 'gammaincinv d2/dp2', 1e-5);
    checkGrad((p) => weighted(grad((q: Tensor) => np.sum(np.betaincinv(A, A, q)))(p) as Tensor), P, 'betaincinv d2/dp2', 1e-5);
  });

  it('distribution quantiles built on them are differentiable in their parameters (StudentT both branches, Gamma, Beta)', () => {
    const ps = f64s([0.05, 0.4, 0.6, 0.999], [4]);
    const df = f64s([0.7, 3, 12, 200], [4]);
    checkGrad((d) => weighted(new tfd.StudentT({ df: d, loc: 1, scale: 2 }).quantile(ps)), df, 'StudentT quantile d/ddf');
    checkGrad((p) => weighted(new tfd.StudentT({ df, loc: 1, scale: 2 }).quantile(p)), ps, 'StudentT quantile d/dp');
    checkGrad((c) => weighted(new tfd.Gamma({ concentration: c, rate: 3 }).quantile(ps)), df, 'Gamma quantile d/dconcentration');
    checkGrad((c) => weighted(new tfd.Beta({ concentration1: c, concentration0: 2 }).quantile(ps)), df, 'Beta quantile d/dconcentration1');
  });

  it('parameter gradients are 0 at the edges p = 0 and p = 1 (the root does not move)', () => {
    const edge = f64s([0, 1], [2]);
    const ga = grad((a: Tensor) => np.sum(np.gammaincinv(a, edge)))(f64s([2, 2], [2])) as Tensor;
    assert.deepEqual([...ga.data()], [0, 0]);
    const gb = grad((b: Tensor) => np.sum(np.betaincinv(f64s([2, 2], [2]), b, edge)))(f64s([3, 3], [2])) as Tensor;
    assert.deepEqual([...gb.data()], [0, 0]);
  });
});

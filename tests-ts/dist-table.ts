// The distributions test table: families x parameter sets, checked against SciPy fixtures.
// Each group of families has a generator tests-ts/fixtures/distributions/gen_<group>.py
// writing <group>.json, and a test file that calls runFamilyTable with one entry per
// family. Adding a family = adding fixture cases and an entry; every check below then runs.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, random, Tensor, grad } from '../wrapper/index.ts';
import type { Distribution } from '../wrapper/distributions/distribution.ts';
import { fixture } from './helpers.ts';
import { checkGrad } from './grad-check.ts';

type Dt = 'float32' | 'float64';
type Nested = number | null | string | Nested[];
/** [rtol, atol] */
export type Tol = [number, number];

/** One fixture case, as written by the Python generators. */
export interface FixtureCase {
  family: string;
  params: Record<string, Nested>;
  /** Points for logProb/cdf/... (shape [n, ...] broadcasting against the batch). */
  x?: Nested;
  /** Probabilities for quantile. */
  p?: Nested;
  /** Expected values by method name: logProb, cdf, logCdf, survivalFunction, logSurvivalFunction, quantile, mean, variance, stddev, entropy, mode, covariance. */
  [method: string]: unknown;
  /** Skip float32 for this case (values outside float32's range). */
  f64only?: boolean;
}

/** How one family is tested. */
export interface FamilyEntry {
  /** Fixture key (class name). */
  family: string;
  /** Builds the distribution from float tensors of one dtype. */
  make: (params: Record<string, Tensor>, options: { validateArgs?: boolean }) => Distribution;
  /** Tolerances per method and dtype (defaults: f64 [1e-10, 1e-12], f32 [2e-5, 1e-6]). */
  tol?: Partial<Record<string, { f64?: Tol; f32?: Tol }>>;
  /** Sampling check: 'ks' (continuous scalar, uses the family's cdf), 'chi2' (integer support, uses prob), 'moments' only, or false (skipped, with `why`). */
  sampling: 'ks' | 'chi2' | 'moments' | { skip: string };
  /** Parameters to check d(sum logProb)/d(param) by finite differences (float64), and whether to check d/dx. */
  gradParams?: string[];
  gradX?: boolean;
  /** Invalid parameter sets: validateArgs throws naming `param`; without it logProb is NaN (unless nanFree). */
  invalid?: { params: Record<string, Nested>; param: string; nanFree?: boolean }[];
  /** Check experimentalDefaultEventSpaceBijector round-trips samples (default true). */
  eventSpace?: boolean;
}

const METHODS_X = ['logProb', 'prob', 'cdf', 'logCdf', 'survivalFunction', 'logSurvivalFunction'] as const;
const METHODS_0 = ['mean', 'variance', 'stddev', 'entropy', 'mode', 'covariance'] as const;

function toTensor(v: Nested, dt: Dt): Tensor {
  const fix = (a: Nested): Nested => (Array.isArray(a) ? a.map(fix) : a === null || a === 'nan' ? NaN : a === 'inf' ? Infinity : a === '-inf' ? -Infinity : a);
  return np.array(fix(v) as never, dt);
}

function close(got: Tensor, want: Nested, [rtol, atol]: Tol, what: string): void {
  const w = toTensor(want, 'float64');
  const g = got.data();
  const wd = np.broadcastTo(w, got.shape).data();
  assert.equal(g.length, wd.length, `${what}: ${g.length} values, expected ${wd.length} (shape [${got.shape}])`);
  for (let i = 0; i < g.length; i++) {
    const a = Number(g[i]), b = wd[i];
    if (Number.isNaN(b)) { assert.ok(Number.isNaN(a), `${what}[${i}]: got ${a}, expected NaN`); continue; }
    if (!Number.isFinite(b)) { assert.equal(a, b, `${what}[${i}]: got ${a}, expected ${b}`); continue; }
    assert.ok(Math.abs(a - b) <= rtol * Math.abs(b) + atol, `${what}[${i}]: got ${a}, expected ${b} (rtol ${rtol}, atol ${atol}; rel err ${(Math.abs(a - b) / Math.abs(b)).toExponential(2)})`);
  }
}

const label = (c: FixtureCase): string => `${c.family}(${Object.entries(c.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;

/** Kolmogorov-Smirnov statistic of sorted samples against a cdf. */
function ksStat(sorted: Float64Array, cdf: Float64Array): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(cdf[i] - i / n), Math.abs(cdf[i] - (i + 1) / n));
  return d;
}

/** Runs the whole table for one group of families against `fixtureFile` (under tests-ts/fixtures). */
export function runFamilyTable(title: string, fixtureFile: string, entries: FamilyEntry[]): void {
  const cases = (fixture(fixtureFile) as { cases: FixtureCase[] }).cases;
  const byFamily = new Map(entries.map((e) => [e.family, e]));
  for (const c of cases) if (!byFamily.has(c.family)) throw new Error(`${fixtureFile}: no table entry for family ${c.family}`);

  describe(`distributions table: ${title}`, () => {
    before(() => init());
    for (const entry of entries) {
      const mine = cases.filter((c) => c.family === entry.family);
      describe(entry.family, () => {
        it('has fixture cases', () => assert.ok(mine.length > 0, `no fixture cases for ${entry.family} in ${fixtureFile}`));
        for (const c of mine) {
          for (const dt of (c.f64only ? ['float64'] : ['float64', 'float32']) as Dt[]) {
            it(`matches SciPy for ${label(c)} in ${dt}`, () => {
              const params = Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, toTensor(v, dt)]));
              const d = entry.make(params, {});
              assert.equal(d.dtype === 'int32' || d.dtype === 'bool' ? dt : d.dtype, dt, 'dtype follows the parameters');
              const tolFor = (m: string): Tol => entry.tol?.[m]?.[dt === 'float64' ? 'f64' : 'f32'] ?? (dt === 'float64' ? [1e-10, 1e-12] : [2e-5, 1e-6]);
              for (const m of METHODS_X) {
                if (c[m] === undefined) continue;
                close((d as any)[m](toTensor(c.x!, dt)), c[m] as Nested, tolFor(m), `${label(c)}.${m} ${dt}`);
              }
              if (c.quantile !== undefined) close(d.quantile(toTensor(c.p!, dt)), c.quantile as Nested, tolFor('quantile'), `${label(c)}.quantile ${dt}`);
              for (const m of METHODS_0) {
                if (c[m] === undefined) continue;
                close((d as any)[m](), c[m] as Nested, tolFor(m), `${label(c)}.${m} ${dt}`);
              }
            });
          }
        }

        const first = mine[0];
        if (first === undefined) return;
        const make64 = (over: Record<string, Nested> = {}, opts = {}): Distribution =>
          entry.make(Object.fromEntries(Object.entries({ ...first.params, ...over }).map(([k, v]) => [k, toTensor(v, 'float64')])), opts);

        it('has shapes sampleShape + batchShape + eventShape, with logProb over sampleShape + batchShape', () => {
          const params = Object.fromEntries(Object.entries(first.params).map(([k, v]) => [k, np.stack([toTensor(v, 'float32'), toTensor(v, 'float32')])]));
          const base = entry.make(Object.fromEntries(Object.entries(first.params).map(([k, v]) => [k, toTensor(v, 'float32')])), {});
          const d = entry.make(params, {});
          assert.deepEqual(d.batchShape, [2, ...base.batchShape], 'a leading parameter dim adds a batch dim');
          assert.deepEqual(d.eventShape, base.eventShape);
          const x = d.sample([4, 3], { seed: random.key(1) });
          assert.deepEqual(x.shape, [4, 3, ...d.batchShape, ...d.eventShape]);
          assert.deepEqual(d.logProb(x).shape, [4, 3, ...d.batchShape]);
          assert.deepEqual(base.sample({ seed: random.key(2) }).shape, [...base.batchShape, ...base.eventShape]);
          assert.throws(() => d.sample([2], {} as never), /seed/);
          assert.throws(() => d.sample([-1], { seed: random.key(0) }), /sampleShape/);
        });

        if (typeof entry.sampling === 'string') {
          it(`samples match the distribution (${entry.sampling as string} test and moments, fixed key)`, () => {
            const d = make64();
            const n = 4000;
            const xs = d.sample([n], { seed: random.key(20261123) });
            const flat = xs.data();
            const per = flat.length / n;
            assert.ok(flat.every((v: number) => !Number.isNaN(v)), 'no NaN samples');
            // moments per batch/event element: |mean - E| <= 5 sd/sqrt(n)
            const mean = np.broadcastTo(d.mean(), xs.shape.slice(1)).data();
            const varr = np.broadcastTo(d.variance(), xs.shape.slice(1)).data();
            for (let j = 0; j < per; j++) {
              if (!Number.isFinite(varr[j]) || !Number.isFinite(mean[j])) continue;
              let s = 0;
              for (let i = 0; i < n; i++) s += flat[i * per + j];
              const m = s / n, se = Math.sqrt(varr[j] / n);
              assert.ok(Math.abs(m - mean[j]) <= 5 * se + 1e-12, `sample mean ${m} vs mean ${mean[j]} (5 se = ${5 * se}) at element ${j}`);
            }
            if (entry.sampling === 'ks') {
              assert.equal(per, 1, 'ks sampling checks need a scalar, unbatched first case');
              const sorted = Float64Array.from(flat).sort();
              const cdf = d.cdf(new Tensor(sorted, [n])).data() as Float64Array;
              const D = ksStat(sorted, cdf);
              assert.ok(D < 1.95 / Math.sqrt(n), `KS statistic ${D} >= ${1.95 / Math.sqrt(n)} (alpha 0.001)`);
            } else if (entry.sampling === 'chi2') {
              assert.equal(per, 1, 'chi2 sampling checks need a scalar, unbatched first case');
              const counts = new Map<number, number>();
              for (const v of flat) counts.set(v, (counts.get(v) ?? 0) + 1);
              const keys = [...counts.keys()].sort((a, b) => a - b);
              const probs = d.prob(new Tensor(Float64Array.from(keys), [keys.length])).data();
              let chi = 0, dof = -1, tail = 1;
              keys.forEach((k, i) => { const e = probs[i] * n; tail -= probs[i]; if (e >= 5) { chi += (counts.get(k)! - e) ** 2 / e; dof++; } });
              assert.ok(tail > -1e-9, 'probabilities of observed values sum to at most 1');
              // Wilson-Hilferty: chi2 quantile at 0.999
              const crit = dof * (1 - 2 / (9 * dof) + 3.09 * Math.sqrt(2 / (9 * dof))) ** 3;
              assert.ok(dof < 1 || chi < crit, `chi-square ${chi} >= ${crit} with ${dof} dof`);
            }
          });
        }

        if (entry.eventSpace !== false) {
          it('maps unconstrained reals onto the support with experimentalDefaultEventSpaceBijector', () => {
            const d = make64();
            const b = d.experimentalDefaultEventSpaceBijector();
            const x = d.sample([5], { seed: random.key(3) });
            const y = b.inverse(x);
            assert.ok((y.data() as Float64Array).every(Number.isFinite), `inverse of samples is finite: ${y}`);
            close(b.forward(y), x.toArray() as Nested, [1e-8, 1e-10], 'forward(inverse(x))');
            const lp = d.logProb(b.forward(np.zerosLike(y)));
            assert.ok((lp.data() as Float64Array).every(Number.isFinite), 'forward(0) lies in the support');
          });
        }

        for (const name of entry.gradParams ?? []) {
          it(`differentiates logProb with respect to ${name} (finite differences, float64)`, () => {
            const x = first.x === undefined ? make64().sample([3], { seed: random.key(4) }) : toTensor(first.x, 'float64');
            const p0 = toTensor(first.params[name], 'float64');
            const f = (p: Tensor): Tensor => {
              const params = Object.fromEntries(Object.entries(first.params).map(([k, v]) => [k, k === name ? p : toTensor(v, 'float64')]));
              const lp = entry.make(params, {}).logProb(x);
              return np.sum(np.where(np.isfinite(lp), lp, 0));
            };
            checkGrad(f, p0, `${entry.family} d logProb / d ${name}`, 1e-5);
          });
        }
        if (entry.gradX) {
          it('differentiates logProb with respect to the value (finite differences, float64)', () => {
            const d = make64();
            const x = first.x === undefined ? d.sample([3], { seed: random.key(5) }) : toTensor(first.x, 'float64');
            checkGrad((v: Tensor) => np.sum(d.logProb(v)), x, `${entry.family} d logProb / dx`, 1e-5);
            assert.ok(grad((v: Tensor) => np.sum(d.logProb(v)))(x) instanceof Tensor);
          });
        }

        for (const bad of entry.invalid ?? []) {
          it(`rejects invalid ${bad.param} (${JSON.stringify(bad.params)}) with validateArgs, NaN without`, () => {
            assert.throws(() => {
              const d = make64(bad.params, { validateArgs: true });
              d.logProb(first.x === undefined ? d.sample({ seed: random.key(0) }) : toTensor(first.x, 'float64')); // some checks happen at use
            }, (e: Error) => e instanceof Error && e.message.includes(bad.param), `validateArgs: an Error naming ${bad.param}`);
            if (bad.nanFree) return;
            const d = make64(bad.params);
            const x = first.x === undefined ? make64().sample({ seed: random.key(0) }) : toTensor(first.x, 'float64');
            assert.ok((d.logProb(x).data() as Float64Array).some(Number.isNaN), 'invalid parameters give NaN (TFP semantics)');
          });
        }
      });
    }
  });
}

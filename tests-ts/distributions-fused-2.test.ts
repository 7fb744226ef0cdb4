// Fused kernels, part 2 (assembly/kernels/{categorical,mvn_tril,gamma_sample}.ts):
// Categorical log-prob (+ logits gradient), the fused Gumbel-max categorical draw,
// MVN-TriL log-prob (+ gradients), the wasm Marsaglia-Tsang loop of random.gamma, and the
// wiring of the fused Gamma/StudentT/Beta/Poisson log-densities into their families.
// Every kernel: against an independent np-op or plain-TS reference, SIMD and scalar builds
// bit-identical, gradients against finite differences, NaN/inf cases as documented.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, grad, random, Tensor, tfd } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { categoricalLogProbFused } from '../wrapper/distributions/fused/categorical.ts';
import { categoricalLogProb } from '../wrapper/distributions/categorical.ts';
import { mvnTrilLogProb } from '../wrapper/distributions/fused/mvn_tril.ts';
import { gammaLogProb } from '../wrapper/distributions/fused/gamma.ts';
import { studentTLogProb } from '../wrapper/distributions/fused/student_t.ts';
import { betaLogProb } from '../wrapper/distributions/fused/beta.ts';
import { poissonLogProb } from '../wrapper/distributions/fused/poisson.ts';
import { BUILDS } from './helpers.ts';
import { checkGrad, f64, valuesFor, weighted } from './grad-check.ts';

type DT = 'float32' | 'float64';
const T = (v: number[], dt: DT, shape: number[] = [v.length]): Tensor =>
  new Tensor(dt === 'float32' ? Float32Array.from(v) : Float64Array.from(v), shape);
const data = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>);
const EPS: Record<DT, number> = { float32: 2 ** -23, float64: 2 ** -52 };
const bitsOf = (t: Tensor): string => Buffer.from((t.data() as Float32Array).buffer.slice(0)).toString('hex');

/** |a - b| <= tol * (1 + |b|) elementwise, NaN and infinities matching. */
function close(a: number[], b: number[], tol: number, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(b[i])) { assert.ok(Object.is(a[i], b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`); continue; }
    assert.ok(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
  }
}

// ------------------------------------------------------------------ references
/** JAX's random.categorical written with random.gumbel and a plain argmax (the former TS path). */
function categoricalRef(key: Tensor, logits: Tensor, axis: number, shape: number[]): number[] {
  const ls = logits.shape, nd = ls.length, ax = (axis + nd) % nd, ncat = ls[ax];
  const batch = ls.filter((_, i) => i !== ax);
  const nP = shape.length - batch.length, tail = shape.slice(nP);
  const gshape = [...shape.slice(0, nP), ...tail.slice(0, ax), ncat, ...tail.slice(ax)];
  const dtype = logits.dtype as DT;
  const g = random.gumbel(key, gshape, dtype).data() as Float32Array;
  const lb = np.broadcastTo(np.expandDims(logits, Array.from({ length: nP }, (_, i) => i)), gshape).data() as Float32Array;
  const cast = dtype === 'float32' ? Math.fround : (x: number) => x;
  const cax = nP + ax;
  const outer = gshape.slice(0, cax).reduce((a, b) => a * b, 1), inner = gshape.slice(cax + 1).reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) {
    let best = -Infinity, arg = 0;
    for (let j = 0; j < ncat; j++) {
      const e = (o * ncat + j) * inner + i;
      const v = cast(g[e] + cast(lb[e]));
      if (Number.isNaN(v)) { arg = j; break; }
      if (v > best || j === 0) { best = v; arg = j; }
    }
    out[o * inner + i] = arg;
  }
  return out;
}

/** MVN-TriL log-density with np ops: triangular solve, sum of squares, log-det. */
function mvnRef(x: Tensor, loc: Tensor, l: Tensor): Tensor {
  const z = np.squeeze(np.linalg.triangularSolve(np.tril(l), np.expandDims(np.subtract(x, loc), -1), { lower: true }), -1);
  const d = x.shape[x.shape.length - 1];
  const ld = np.sum(np.log(np.abs(np.diagonal(l))));
  return np.subtract(np.subtract(np.multiply(-0.5, np.sum(np.square(z), { axis: -1 })), 0.5 * d * Math.log(2 * Math.PI)), ld);
}

/**
 * JAX's _gamma_one per element with the public scalar samplers (split / normal / uniform
 * of one key), the dtype's rounding and XLA's float32 log: the reference for the kernel.
 */
function gammaRef(key: Tensor, a: number, n: number, dtype: DT, logSpace: boolean): number[] {
  const cast = dtype === 'float32' ? Math.fround : (x: number) => x;
  const log = dtype === 'float32' ? (x: number) => core().ex.log32(x) : Math.log;
  const third = cast(1 / 3), squeeze = cast(0.0331);
  const out: number[] = [];
  for (const ki of random.split(key, n)) {
    let [cur, sub] = random.split(ki);
    const aa = a >= 1 ? a : cast(a + 1);
    const d = cast(aa - third), c = cast(third / cast(Math.sqrt(d)));
    let V = 0;
    for (;;) {
      let xk: Tensor, uk: Tensor;
      [cur, xk, uk] = random.split(cur, 3);
      let x = 0, v = 0;
      do {
        let s: Tensor;
        [xk, s] = random.split(xk);
        x = random.normal(s, [], dtype).item() as number;
        v = cast(1 + cast(x * c));
      } while (v <= 0);
      const X = cast(x * x), Vi = cast(cast(v * v) * v), u = random.uniform(uk, [], dtype).item() as number;
      if (!(u >= cast(1 - cast(squeeze * cast(X * X))) && log(u) >= cast(cast(X * 0.5) + cast(d * cast(cast(1 - Vi) + log(Vi)))))) { V = Vi; break; }
    }
    if (logSpace) {
      const boost = a < 1 ? (() => { const ls = -(random.exponential(sub, [], dtype).item() as number); return ls === 0 ? 0 : cast(ls * cast(1 / a)); })() : 0;
      out.push(cast(cast(log(d) + log(V)) + boost));
    } else {
      const boost = a < 1 ? cast(Math.pow(cast(1 - (random.uniform(sub, [], dtype).item() as number)), cast(1 / a))) : 1;
      out.push(cast(cast(d * V) * boost));
    }
  }
  return out;
}

// ------------------------------------------------------------------ per build
const results: Record<string, Record<string, string>> = {};
for (const b of BUILDS) {
  const keep = (name: string, t: Tensor | number[]) => {
    (results[name] ??= {})[b.name] = Array.isArray(t) ? JSON.stringify(t) : bitsOf(t);
  };
  describe(`fused kernels part 2 (${b.name})`, () => {
    before(async () => { await init({ simd: b.simd }); });

    it('Categorical logProb: shared and per-point logits match log_softmax[k] for int and float k, -inf outside {0..K-1}', () => {
      for (const dt of ['float32', 'float64'] as DT[]) {
        const K = 7;
        const shared = T(valuesFor([K], -3, 3, 11), dt);
        const kv = [0, 6, 3, -1, 7, 2.9, -0.5, NaN, 1e10, 5];
        for (const kdt of ['int32', 'float32', 'float64'] as const) {
          const kk = kdt === 'int32' ? new Tensor(Int32Array.from(kv.map((v) => (Number.isFinite(v) ? Math.trunc(Math.max(-5, Math.min(v, 99))) : 99))), [kv.length]) : T(kv, kdt);
          const got = categoricalLogProbFused(shared, kk)!;
          assert.ok(got, 'fast path taken');
          close(data(got), data(categoricalLogProb(shared, kk)), 8 * EPS[dt], `shared ${dt} k ${kdt}`);
          keep(`cat-shared-${dt}-${kdt}`, got);
        }
        const per = T(valuesFor([10, K], -30, 30, 12), dt, [10, K]);
        const kk = T(kv, 'float64');
        const got = categoricalLogProbFused(per, kk)!;
        close(data(got), data(categoricalLogProb(per, kk)), 8 * EPS[dt], `per-point ${dt}`);
        keep(`cat-per-${dt}`, got);
        assert.equal(categoricalLogProbFused(T(valuesFor([2, K], 0, 1, 3), dt, [2, K]), kk), undefined, 'general broadcast falls back');
        const d = new tfd.Categorical({ logits: shared });
        assert.equal(bitsOf(d.logProb(kk)), bitsOf(categoricalLogProbFused(shared, kk)!), 'the family runs the fused kernel');
      }
    });

    it('Categorical logProb: a NaN or +inf logit gives NaN for its row; a -inf logit gives -inf for its class only', () => {
      const lp = data(categoricalLogProbFused(T([0, NaN, 1, 0, Infinity, 1, 0, -Infinity, 1], 'float32', [3, 3]), T([0, 0, 1], 'float32'))!);
      assert.ok(Number.isNaN(lp[0]) && Number.isNaN(lp[1]));
      assert.equal(lp[2], -Infinity);
      const ok = data(categoricalLogProbFused(T([0, -Infinity, 0], 'float64'), T([0, 1], 'float64'))!);
      assert.deepEqual(ok, [-Math.LN2, -Infinity]);
    });

    it('Categorical logProb with many per-point rows (float32 block-exp path over several blocks, non-finite rows) matches log_softmax[k], values and logits gradient', () => {
      for (const K of [3, 7]) {
        const rows = 400; // several 512-slot blocks for both K
        const labels = Int32Array.from({ length: rows }, (_, i) => (i * 5) % (K + 1) - (i % 11 === 0 ? 1 : 0));
        const kk = new Tensor(labels, [rows]);
        const v = valuesFor([rows, K], -20, 20, 31 + K);
        v.fill(NaN, 5 * K, 5 * K + 1); // a NaN logit
        v[9 * K + labels[9]] = Infinity; // a +inf logit at the point's class (NaN in both; other classes: see the kernel's contract)
        v.fill(-Infinity, 13 * K, 14 * K); // a row of all -inf
        v.fill(-Infinity, 17 * K, 17 * K + K - 1); // one finite logit left
        const logits = T(v, 'float32', [rows, K]);
        const got = categoricalLogProbFused(logits, kk)!;
        close(data(got), data(categoricalLogProb(logits, kk)), 8 * EPS.float32, `K ${K}`);
        keep(`cat-many-rows-${K}`, got);
        const fin = T(valuesFor([rows, K], -20, 20, 41 + K), 'float32', [rows, K]);
        const w = T(valuesFor([rows], -1, 1, 51), 'float32');
        const loss = (f: (l: Tensor) => Tensor) => (l: Tensor) => np.sum(np.multiply(w, f(l)));
        const g = grad(loss((l) => categoricalLogProbFused(l, kk)!))(fin);
        close(data(g), data(grad(loss((l) => categoricalLogProb(l, kk)))(fin)), 8 * EPS.float32, `gradient K ${K}`);
        keep(`cat-many-rows-grad-${K}`, g);
      }
    });

    it('Categorical logProb gradient w.r.t. logits (shared and per point, first and second order) matches finite differences', () => {
      const kk = new Tensor(Int32Array.from([0, 3, 3, 1, 4, 2, 2]), [7]);
      checkGrad((l) => weighted(categoricalLogProbFused(l, kk)!), f64(valuesFor([5], -2, 2, 21), [5]), 'shared logits');
      checkGrad((l) => weighted(categoricalLogProbFused(l, kk)!), f64(valuesFor([7, 5], -2, 2, 22), [7, 5]), 'per-point logits');
      // second order: the VJP is differentiated (np-op partials)
      const gl = (l: Tensor) => grad((m: Tensor) => weighted(categoricalLogProbFused(m, kk)!))(l) as Tensor;
      checkGrad((l) => weighted(gl(l)), f64(valuesFor([5], -2, 2, 23), [5]), 'second order', 1e-5);
      const g = grad((m: Tensor) => np.sum(new tfd.Categorical({ logits: m }).logProb(kk)))(f64(valuesFor([5], -2, 2, 24), [5])) as Tensor;
      close(data(g), data(grad((m: Tensor) => np.sum(categoricalLogProb(m, kk)))(f64(valuesFor([5], -2, 2, 24), [5])) as Tensor), 1e-13, 'family gradient');
      keep('cat-grad', g);
    });

    it('random.categorical (fused Gumbel-max kernel) is bit-identical to gumbel + argmax, including near-ties and non-finite logits', () => {
      const cases: [Tensor, number, number[]][] = [
        [random.normal(random.key(1), [10]), -1, [20000]],
        [np.multiply(random.normal(random.key(2), [3, 7]), 1e-6), -1, [3000, 3]],
        [random.normal(random.key(3), [4, 5, 1]), 1, [4, 2000]],
        [T([0, 0, 0, 0], 'float32'), 0, [5000]],
        [T([0, -Infinity, 1, NaN, 2], 'float32'), 0, [500]],
        [T([Infinity, 0, Infinity], 'float32'), 0, [500]],
        [T([1e30, 1e30, -1e30], 'float32'), 0, [500]],
        [np.astype(random.normal(random.key(4), [6, 2]), 'float64'), 0, [2000, 2]],
      ];
      for (const [l, ax, sh] of cases) {
        const got = data(random.categorical(random.key(9), l, { axis: ax, shape: sh }));
        assert.deepEqual(got, categoricalRef(random.key(9), l, ax, sh), `logits ${l.shape} axis ${ax}`);
        keep(`cat-sample-${l.shape}-${sh}`, got.slice(0, 200));
      }
      const pk = random.key(5, { partitionable: true });
      const l = random.normal(random.key(6), [3, 4]);
      assert.deepEqual(data(random.categorical(pk, l, { shape: [100, 3] })), categoricalRef(pk, l, -1, [100, 3]), 'partitionable keys');
    });

    it('the pruning bound of the float32 Gumbel-max kernel holds for all 2^23 uniforms: |gumbel32 - (-logf32(-logf32(u)))| <= 2^-19 (1 + |g|)', () => {
      const n = 1 << 23;
      const { ex, ws } = core();
      const g32 = ws.scoped(() => {
        const p = ws.alloc(4 * n);
        const w = ws.u32(p, n);
        for (let j = 0; j < n; j++) w[j] = j << 9;
        ex.gumbelF32(p, p, n);
        return ws.f32(p, n).slice();
      });
      const u = new Float32Array(n);
      for (let j = 0; j < n; j++) u[j] = Math.max(j * 2 ** -23, 1.1754943508222875e-38);
      const ga = np.negative(np.log(np.negative(np.log(new Tensor(u, [n]))))).data() as Float32Array;
      let worst = 0;
      for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(g32[j] - ga[j]) / (1 + Math.abs(g32[j])));
      assert.ok(worst <= 2 ** -19, `worst scaled difference ${worst}`);
    });

    it('MVN-TriL logProb: one pass per point equals the triangular-solve formula; loc shared or per point', () => {
      for (const dt of ['float32', 'float64'] as DT[]) {
        for (const d of [1, 3, 10]) {
          const lv = valuesFor([d, d], -0.5, 0.5, 31 + d).map((v, i) => (Math.floor(i / d) === i % d ? 1 + Math.abs(v) * 2 : v));
          lv[0] = -lv[0]; // a negative diagonal entry is allowed (log|L_ii|)
          const L = T(lv, dt, [d, d]); // upper triangle non-zero: must be ignored
          const x = T(valuesFor([50, d], -3, 3, 41), dt, [50, d]);
          for (const loc of [T(valuesFor([d], -1, 1, 51), dt), T(valuesFor([50, d], -1, 1, 52), dt, [50, d])]) {
            const got = mvnTrilLogProb(x, loc, L)!;
            assert.ok(got, 'fast path');
            close(data(got), data(mvnRef(x, loc, L)), (dt === 'float32' ? 16 * d : 64) * EPS[dt], `${dt} d=${d} loc ${loc.shape}`);
            keep(`mvn-${dt}-${d}-${loc.shape}`, got);
          }
        }
        const L = T([2, 0, 0.5, 1], dt, [2, 2]);
        const fam = new tfd.MultivariateNormalTriL({ loc: T([0.5, -1], dt), scaleTril: L });
        const x = T(valuesFor([4, 3, 2], -2, 2, 61), dt, [4, 3, 2]);
        assert.equal(bitsOf(fam.logProb(x)), bitsOf(mvnTrilLogProb(x, T([0.5, -1], dt), np.tril(L))!), 'the family runs the fused kernel');
        assert.equal(mvnTrilLogProb(x, T([0.5, -1], dt), np.stack([L, L])), undefined, 'batched scale falls back');
      }
    });

    it('MVN-TriL logProb: a zero on the diagonal gives NaN/-inf, NaN propagates', () => {
      const lp = data(mvnTrilLogProb(T([1, 2, NaN, 0], 'float64', [2, 2]), T([0, 0], 'float64'), T([1, 0, 1, 0], 'float64', [2, 2]))!);
      assert.ok(lp.every((v) => Number.isNaN(v) || v === -Infinity), `${lp}`);
      assert.ok(Number.isNaN(data(mvnTrilLogProb(T([NaN, 0], 'float32'), T([0, 0], 'float32'), T([1, 0, 0, 1], 'float32', [2, 2]))!)[0]));
    });

    it('MVN-TriL logProb gradients w.r.t. x, loc and scaleTril (first and second order) match finite differences', () => {
      const d = 3;
      const L = f64([1.5, 0, 0, 0.3, 0.8, 0, -0.4, 0.2, 1.2], [d, d]);
      const x = f64(valuesFor([4, d], -2, 2, 71), [4, d]), loc = f64([0.1, -0.2, 0.3], [d]);
      checkGrad((v) => weighted(mvnTrilLogProb(v, loc, L)!), x, 'd/dx');
      checkGrad((v) => weighted(mvnTrilLogProb(x, v, L)!), loc, 'd/dloc (shared, summed)');
      checkGrad((v) => weighted(mvnTrilLogProb(x, loc, np.tril(v))!), L, 'd/dscaleTril');
      const gx = (v: Tensor) => grad((w: Tensor) => weighted(mvnTrilLogProb(w, loc, L)!))(v) as Tensor;
      checkGrad((v) => weighted(gx(v)), x, 'second order in x', 1e-5);
      const fam = (v: Tensor) => np.sum(new tfd.MultivariateNormalTriL({ loc, scaleTril: v }).logProb(x));
      keep('mvn-grad', grad(fam)(L) as Tensor);
    });

    it('random.gamma / loggamma: the wasm rejection loop equals JAX\'s per-element algorithm on the public samplers', () => {
      for (const dt of ['float32', 'float64'] as DT[]) {
        for (const a of [0.3, 1, 2.5, 40]) {
          for (const key of [random.key(7), random.key(8, { partitionable: true })]) {
            const n = 24;
            assert.deepEqual(data(random.gamma(key, a, [n], dt)), gammaRef(key, dt === 'float32' ? Math.fround(a) : a, n, dt, false), `gamma ${dt} a=${a}`);
            assert.deepEqual(data(random.loggamma(key, a, [n], dt)), gammaRef(key, dt === 'float32' ? Math.fround(a) : a, n, dt, true), `loggamma ${dt} a=${a}`);
          }
        }
      }
      keep('gamma-f32', random.gamma(random.key(3), [0.5, 2, 7], [2000, 3]));
      keep('gamma-f64', random.gamma(random.key(3), [0.5, 2, 7], [2000, 3], 'float64'));
    });

    it('Gamma, StudentT, Beta and Poisson logProb run their fused kernels; invalid parameters give NaN on both paths', () => {
      const x = T([0.25, 0.5, 1.5, 3], 'float32');
      const same = (a: Tensor, f: Tensor | undefined, what: string) => assert.equal(bitsOf(a), bitsOf(f!), what);
      same(new tfd.Gamma({ concentration: 2.5, rate: 1.5 }).logProb(x), gammaLogProb(x, T([2.5], 'float32', []), T([1.5], 'float32', [])), 'Gamma');
      same(new tfd.StudentT({ df: 3, loc: 0.5, scale: 2 }).logProb(x), studentTLogProb(x, T([3], 'float32', []), T([0.5], 'float32', []), T([2], 'float32', [])), 'StudentT');
      same(new tfd.Beta({ concentration1: 2, concentration0: 3 }).logProb(np.multiply(x, 0.25)), betaLogProb(np.multiply(x, 0.25), T([2], 'float32', []), T([3], 'float32', [])), 'Beta');
      same(new tfd.Poisson({ rate: 2 }).logProb(x), poissonLogProb(x, np.log(T([2], 'float32', []))), 'Poisson');
      keep('families', np.concatenate([new tfd.Gamma({ concentration: 2.5, rate: 1.5 }).logProb(x), new tfd.StudentT({ df: 3, loc: 0.5, scale: 2 }).logProb(x)]));
      const allNaN = (t: Tensor, what: string) => assert.ok(data(t).every(Number.isNaN), `${what}: ${data(t)}`);
      allNaN(new tfd.Gamma({ concentration: -1, rate: 1 }).logProb(x), 'Gamma concentration < 0 (fused)');
      allNaN(new tfd.Beta({ concentration1: 0, concentration0: 2 }).logProb(np.multiply(x, 0.25)), 'Beta concentration1 = 0 (fused)');
      allNaN(new tfd.StudentT({ df: 3, loc: 0, scale: -2 }).logProb(x), 'StudentT scale < 0 (fused)');
      // general broadcasting ([4, 1] against [2]) takes the np-op formula: the same NaN rule
      allNaN(new tfd.StudentT({ df: 3, loc: [0, 1], scale: -2 }).logProb(np.reshape(x, [4, 1])), 'StudentT scale < 0 (np ops)');
      const ok = new tfd.StudentT({ df: 3, loc: [0, 1], scale: 2 }).logProb(np.reshape(x, [4, 1]));
      const ref = new tfd.StudentT({ df: 3, loc: 0, scale: 2 }).logProb(x);
      close(data(ok).filter((_, i) => i % 2 === 0), data(ref), 4 * EPS.float32, 'StudentT np-op path agrees with the fused path');
    });
  });
}

describe('fused kernels part 2: SIMD and scalar builds', () => {
  it('give bit-identical values, gradients and samples', () => {
    const names = Object.keys(results);
    assert.ok(names.length >= 20, `collected ${names.length} results`);
    for (const name of names) {
      const r = results[name];
      assert.equal(Object.keys(r).length, 2, `${name}: both builds ran`);
      assert.equal(r['wasm-simd'], r['wasm-scalar'], `${name}: SIMD and scalar builds differ`);
    }
  });
});

// The leapfrog integrator in wasm linear memory (assembly/integrators/leapfrog.ts,
// wrapper/mcmc/leapfrog.ts): kernel contracts, SIMD == scalar bit for bit, reversibility,
// second-order energy error, and bounded memory over long chains.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { init, backend, np, random, mcmc, Tensor } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { withIntegrator } from '../wrapper/mcmc/leapfrog.ts';
import { PartsLayout } from '../wrapper/mcmc/util.ts';
import { BUILDS, firstDiff, words } from './helpers.ts';

type F = 'f32' | 'f64';

/** Deterministic finite floats in [-4, 4) (and positive ones for inverse masses). */
function values(n: number, seed: number, positive = false): number[] {
  return Array.from(words(n, seed), (w) => (positive ? 0.25 + (w / 2 ** 32) * 4 : (w / 2 ** 32) * 8 - 4));
}

/** Runs every integrator kernel on fixed inputs in the current build; returns the output bits. */
function runKernels(t: F, nChains: number, d: number, seed: number): Uint32Array[] {
  const { ex, ws } = core();
  const n = nChains * d, E = t === 'f64' ? 8 : 4;
  const Arr = t === 'f64' ? Float64Array : Float32Array;
  return ws.scoped(() => {
    const put = (xs: number[]) => { const p = ws.alloc(xs.length * E); new Arr(ex.memory.buffer, p, xs.length).set(xs); return p; };
    const get = (p: number, len: number) => new Uint32Array(new Arr(ex.memory.buffer, p, len).slice().buffer);
    const q = put(values(n, seed)), p = put(values(n, seed + 1)), g = put(values(n, seed + 2));
    const eps = put(values(n, seed + 3, true)), w = put(values(n, seed + 4, true));
    const rho = put(values(n, seed + 5)), prev = put(values(n, seed + 6));
    const k = ws.alloc(nChains * E), l = ws.alloc(nChains * E), r = ws.alloc(nChains * E), l0 = ws.alloc(nChains * E), r0 = ws.alloc(nChains * E);
    const z = put(values(n, seed + 7)), draw = ws.alloc(n * E);
    if (t === 'f32') {
      ex.leapfrogMomentumF32(p, g, eps, -0.5, n);
      ex.leapfrogPositionF32(q, p, eps, w, n);
      ex.leapfrogKineticF32(p, w, k, nChains, d);
      ex.leapfrogUturnDotsF32(rho, prev, w, p, g, l, r, nChains, d);
      ex.leapfrogUturnDotsF32(rho, 0, w, p, g, l0, r0, nChains, d);
      ex.leapfrogMomentumDrawF32(z, w, draw, n);
      ex.leapfrogAccumulateF32(rho, g, n);
    } else {
      ex.leapfrogMomentumF64(p, g, eps, -0.5, n);
      ex.leapfrogPositionF64(q, p, eps, w, n);
      ex.leapfrogKineticF64(p, w, k, nChains, d);
      ex.leapfrogUturnDotsF64(rho, prev, w, p, g, l, r, nChains, d);
      ex.leapfrogUturnDotsF64(rho, 0, w, p, g, l0, r0, nChains, d);
      ex.leapfrogMomentumDrawF64(z, w, draw, n);
      ex.leapfrogAccumulateF64(rho, g, n);
    }
    return [get(p, n), get(q, n), get(k, nChains), get(l, nChains), get(r, nChains), get(l0, nChains), get(r0, nChains), get(draw, n), get(rho, n)];
  });
}

describe('leapfrog kernels', () => {
  it('follow their documented formulas (float64, checked in JS)', async () => {
    await init();
    const { ex, ws } = core();
    ws.scoped(() => {
      const nChains = 2, d = 5, n = 10;
      const put = (xs: number[]) => { const p = ws.alloc(n * 8); new Float64Array(ex.memory.buffer, p, n).set(xs); return p; };
      const P = values(n, 1), G = values(n, 2), EPS = values(n, 3, true), W = values(n, 4, true), Q = values(n, 5);
      const p = put(P), g = put(G), eps = put(EPS), w = put(W), q = put(Q);
      ex.leapfrogMomentumF64(p, g, eps, 0.5, n);
      const p1 = P.map((v, i) => v + (0.5 * EPS[i]) * G[i]);
      assert.deepEqual([...new Float64Array(ex.memory.buffer, p, n)], p1);
      ex.leapfrogPositionF64(q, p, eps, w, n);
      assert.deepEqual([...new Float64Array(ex.memory.buffer, q, n)], Q.map((v, i) => v + EPS[i] * (W[i] * p1[i])));
      const k = ws.alloc(16);
      ex.leapfrogKineticF64(p, w, k, nChains, d);
      const kin = [0, 1].map((c) => 0.5 * p1.slice(c * d, c * d + d).reduce((s, x, j) => s + x * W[c * d + j] * x, 0));
      const got = new Float64Array(ex.memory.buffer, k, 2);
      for (let c = 0; c < 2; c++) assert.ok(Math.abs(got[c] - kin[c]) <= 1e-14 * Math.abs(kin[c]), `kinetic chain ${c}`);
      const draw = ws.alloc(n * 8);
      ex.leapfrogMomentumDrawF64(g, w, draw, n);
      assert.deepEqual([...new Float64Array(ex.memory.buffer, draw, n)], G.map((v, i) => v / Math.sqrt(W[i])));
    });
  });

  for (const t of ['f32', 'f64'] as const) {
    it(`give identical bits in the SIMD and scalar builds (${t}, row lengths 1..13, 1-3 chains)`, async () => {
      const out: Record<string, Uint32Array[][]> = {};
      for (const b of BUILDS) {
        await init({ simd: b.simd });
        assert.equal(backend(), b.name);
        out[b.name] = [];
        for (let d = 1; d <= 13; d++) for (let c = 1; c <= 3; c++) out[b.name].push(runKernels(t, c, d, 100 * d + c));
      }
      const [a, s] = [out['wasm-simd'], out['wasm-scalar']];
      a.forEach((res, i) => res.forEach((bits, j) => assert.equal(firstDiff(bits, s[i][j]), -1, `case ${i} output ${j}`)));
    });
  }
});

/** 0.5 x' A x target (A diagonal), one chain, float64. */
const quad = (prec: number[]) => (x: Tensor) => np.multiply(-0.5, np.sum(np.multiply(np.array(prec, 'float64'), np.square(x))));

/** Integrates `steps` leapfrog steps forward (and optionally the same number back). */
function integrate(prec: number[], eps: number, steps: number, q0: number[], p0: number[], back: boolean) {
  const target = quad(prec);
  const x = np.array(q0, 'float64');
  const { logProb, grads } = mcmc.targetAndGrads(target, [x]);
  const layout = PartsLayout.of([x], logProb.shape);
  return withIntegrator(layout, target, new Float64Array(q0.length).fill(eps), undefined, (it) => {
    const q = it.vec(), p = it.vec(), g = it.vec();
    it.load(q, [x]); it.load(g, grads); it.load(p, [np.array(p0, 'float64')]);
    const h0 = -logProb.item() + it.kinetic(p)[0];
    let maxErr = 0;
    for (let s = 0; s < steps; s++) {
      const lp = it.leapfrog(q, p, g, 1);
      maxErr = Math.max(maxErr, Math.abs(-lp[0] + it.kinetic(p)[0] - h0));
    }
    if (back) {
      it.setDirections([0]);
      for (let s = 0; s < steps; s++) it.leapfrog(q, p, g, 1);
    }
    return { q: [...it.arr(q)], p: [...it.arr(p)], maxErr, evals: it.gradEvals };
  });
}

describe('samplers on both builds', () => {
  it('NUTS and HMC chains give identical draws in the SIMD and scalar builds', async () => {
    const target = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(np.divide(x, np.array([1, 2, 0.5, 3, 1, 1, 2]))), { axis: -1 }));
    const draws: Record<string, Uint32Array[]> = {};
    for (const b of BUILDS) {
      await init({ simd: b.simd });
      draws[b.name] = [];
      for (const kernel of [
        new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.3, invMassDiag: np.array([1, 4, 0.25, 9, 1, 1, 4]) }),
        new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.2, numLeapfrogSteps: 5 }),
      ] as mcmc.TransitionKernel<any>[]) {
        let x: mcmc.State = np.ones([3, 7]);
        let r = kernel.bootstrapResults(x);
        for (let i = 0; i < 15; i++) {
          [x, r] = kernel.oneStep(x, r, random.foldIn(random.key(42), i));
          draws[b.name].push(new Uint32Array((x as Tensor).data().buffer));
        }
      }
    }
    draws['wasm-simd'].forEach((d, i) => assert.equal(firstDiff(d, draws['wasm-scalar'][i]), -1, `draw ${i}`));
  });
});

describe('leapfrog integrator', () => {
  const prec = [1, 0.25, 4];
  const q0 = [1, -2, 0.5], p0 = [0.3, 1, -1];

  it('is reversible: L steps forward then L steps backward return to the start', async () => {
    await init();
    const r = integrate(prec, 0.1, 50, q0, p0, true);
    r.q.forEach((v, i) => assert.ok(Math.abs(v - q0[i]) < 1e-12, `q[${i}] = ${v}, want ${q0[i]}`));
    r.p.forEach((v, i) => assert.ok(Math.abs(v - p0[i]) < 1e-12, `p[${i}] = ${v}, want ${p0[i]}`));
    assert.equal(r.evals, 100, 'one gradient evaluation per leapfrog step');
  });

  it('has a second-order energy error: halving the step size quarters it', async () => {
    await init();
    const errs = [0.1, 0.05, 0.025].map((eps) => integrate(prec, eps, Math.round(2 / eps), q0, p0, false).maxErr);
    for (let i = 1; i < errs.length; i++) {
      const ratio = errs[i - 1] / errs[i];
      assert.ok(ratio > 3.6 && ratio < 4.4, `error ratio ${ratio} (errors ${errs})`);
    }
    assert.ok(errs[0] < 0.05, `energy error ${errs[0]} at step 0.1`);
  });
});

describe('memory', () => {
  const target = (x: Tensor) => np.multiply(-0.5, np.sum(np.square(x), { axis: -1 }));

  for (const [name, make] of [
    ['NUTS', () => new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5, maxTreeDepth: 4 })],
    ['HMC', () => new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.5, numLeapfrogSteps: 3 })],
  ] as const) {
    it(`stays bounded over 1000 ${name} steps (linear memory does not grow, the workspace is released)`, async () => {
      await init();
      const { ws } = core();
      const kernel = make() as mcmc.TransitionKernel<any>;
      let x: mcmc.State = np.zeros([4, 3]);
      let results = kernel.bootstrapResults(x);
      const key = random.key(7);
      const step = (i: number) => { [x, results] = kernel.oneStep(x, results, random.foldIn(key, i)); };
      for (let i = 0; i < 20; i++) step(i); // warm-up: the workspace reaches its working size
      const before = ws.memoryBytes;
      for (let i = 20; i < 1020; i++) step(i);
      assert.equal(ws.memoryBytes, before, 'wasm linear memory grew');
      assert.equal(ws.used, 0, 'workspace not released');
      assert.ok((x as Tensor).data().every(Number.isFinite));
    });
  }

  it('releases the workspace when the target throws mid-trajectory', async () => {
    await init();
    const { ws } = core();
    let calls = 0;
    const bad = (x: Tensor) => { if (++calls > 3) throw new Error('target failed'); return target(x); };
    const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: bad, stepSize: 0.1 });
    const x = np.zeros([2]);
    const r = kernel.bootstrapResults(x);
    assert.throws(() => kernel.oneStep(x, r, random.key(0)), /target failed/);
    assert.equal(ws.used, 0);
  });

  for (const [name, make, inner] of [
    ['NUTS', () => new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.5, maxTreeDepth: 4 }), (k: any) => k],
    ['HMC', () => new mcmc.HamiltonianMonteCarlo({ targetLogProbFn: target, stepSize: 0.5, numLeapfrogSteps: 3 }), (k: any) => k.innerKernel],
  ] as const) {
    it(`keeps one integrator block in linear memory for a whole ${name} chain and frees it when sampleChain ends`, async () => {
      await init();
      const { ws } = core();
      const held0 = ws.persistentBytes;
      const kernel = make() as mcmc.TransitionKernel<any>;
      let x: mcmc.State = np.zeros([4, 3]);
      let results = kernel.bootstrapResults(x);
      const ptrs = new Set<number>();
      const buffers = inner(kernel).integratorBuffers;
      for (let i = 0; i < 30; i++) {
        [x, results] = kernel.oneStep(x, results, random.foldIn(random.key(3), i));
        ptrs.add(buffers.acquire(0)!.ptr); // the block the transitions used (acquire(0) returns it as is)
        assert.ok(ws.persistentBytes > held0, 'no persistent block held between transitions');
        assert.equal(ws.used, 0);
      }
      assert.equal(ptrs.size, 1, 'the integrator block moved between transitions');
      mcmc.sampleChain({ numResults: 5, currentState: x, kernel, seed: random.key(4) });
      assert.equal(ws.persistentBytes, held0, 'sampleChain did not free the integrator block');
    });
  }

  it('gives the same transition inside a caller\'s workspace scope (buffers on the stack) as outside it', async () => {
    await init();
    const { ws } = core();
    const run = () => {
      const kernel = new mcmc.NoUTurnSampler({ targetLogProbFn: target, stepSize: 0.4, maxTreeDepth: 5 });
      const x = np.array([[0.5, -1, 2], [1, 0, -0.5]]);
      const [y] = kernel.oneStep(x, kernel.bootstrapResults(x), random.key(11));
      return Array.from((y as Tensor).data());
    };
    const outside = run();
    const held = ws.persistentBytes;
    const inside = ws.scoped(() => { ws.alloc(64); return run(); });
    assert.deepEqual(inside, outside);
    assert.ok(ws.persistentBytes <= held, 'a persistent block was carved under live stack data');
  });

  it('windowedAdaptiveNuts frees its integrator blocks when it finishes', async () => {
    await init();
    const { ws } = core();
    const held0 = ws.persistentBytes;
    const { tfd } = await import('../wrapper/index.ts');
    const jd = new tfd.JointDistributionNamed({ x: new tfd.Normal({ loc: 0, scale: 1 }) });
    await mcmc.windowedAdaptiveNuts({ nDraws: 10, jointDist: jd, nChains: 2, numAdaptationSteps: 30, seed: random.key(5) });
    assert.equal(ws.persistentBytes, held0);
    assert.equal(ws.used, 0);
  });
});

describe('workspace persistent region', () => {
  it('carves blocks only while the stack is empty, reuses holes and returns trailing free blocks to the stack', async () => {
    await init();
    const { ws } = core();
    const held0 = ws.persistentBytes;
    const s0 = ws.scoped(() => ws.alloc(8));
    assert.equal(ws.scoped(() => { ws.alloc(16); return ws.allocPersistent(64); }), undefined);
    const a = ws.allocPersistent(1000)!, b = ws.allocPersistent(100)!;
    assert.ok(b >= a + 1000 && a % 16 === 0 && b % 16 === 0);
    const s = ws.scoped(() => ws.alloc(8));
    assert.ok(s >= b + 100, 'the stack starts above the persistent blocks');
    ws.freePersistent(a);
    const c = ws.allocPersistent(500)!;
    assert.equal(c, a, 'the hole is reused first-fit');
    assert.throws(() => ws.freePersistent(a + 16), /not a live persistent block/);
    ws.freePersistent(b);
    ws.freePersistent(c);
    assert.throws(() => ws.freePersistent(c), /not a live persistent block/);
    assert.equal(ws.persistentBytes, held0);
    assert.equal(ws.scoped(() => ws.alloc(8)), s0, 'freed blocks returned to the stack');
  });
});


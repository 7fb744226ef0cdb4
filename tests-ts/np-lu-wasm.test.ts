// np.linalg.solve / inv / slogdet / det run their LU with partial pivoting in the wasm core
// (assembly/linalg/lu.ts). These tests hold the kernel to the TypeScript loops it replaced
// (copied below as the reference): the same bits on random, tie-prone, singular and
// non-finite matrices, float32 and float64, batched, in both the SIMD and scalar builds.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, Tensor } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';
import { BUILDS } from './helpers.ts';

type DT = 'float32' | 'float64';
type FA = Float32Array | Float64Array;

// ---- reference: the former wrapper/np/prims/lu.ts loops (float64, rounded once) ----
function refLu(a: Float64Array, n: number): { piv: Int32Array; sign: number } {
  const piv = new Int32Array(n);
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) { const v = Math.abs(a[i * n + k]); if (v > best) { best = v; p = i; } }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) { const t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t; }
    }
    const d = a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return { piv, sign };
}

const alloc = (dt: DT, n: number): FA => (dt === 'float64' ? new Float64Array(n) : new Float32Array(n));

function refSolve(a: FA, b: FA, batch: number, n: number, m: number, dt: DT): FA {
  const r = alloc(dt, batch * n * m);
  const A = new Float64Array(n * n), X = new Float64Array(n * m);
  for (let t = 0; t < batch; t++) {
    A.set(a.subarray(t * n * n, (t + 1) * n * n));
    X.set(b.subarray(t * n * m, (t + 1) * n * m));
    const { piv } = refLu(A, n);
    for (let k = 0; k < n; k++) if (piv[k] !== k) for (let j = 0; j < m; j++) { const p = piv[k]; const v = X[k * m + j]; X[k * m + j] = X[p * m + j]; X[p * m + j] = v; }
    for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) { const f = A[i * n + k]; if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j]; }
    for (let i = n - 1; i >= 0; i--) {
      for (let k = i + 1; k < n; k++) { const f = A[i * n + k]; if (f !== 0) for (let j = 0; j < m; j++) X[i * m + j] -= f * X[k * m + j]; }
      const d = A[i * n + i];
      for (let j = 0; j < m; j++) X[i * m + j] /= d;
    }
    r.set(X, t * n * m);
  }
  return r;
}

function refSlogdet(a: FA, batch: number, n: number, dt: DT): [FA, FA] {
  const sg = alloc(dt, batch), ld = alloc(dt, batch);
  const A = new Float64Array(n * n);
  for (let t = 0; t < batch; t++) {
    A.set(a.subarray(t * n * n, (t + 1) * n * n));
    let { sign: s } = refLu(A, n);
    let l = 0;
    for (let i = 0; i < n; i++) { const d = A[i * n + i]; l += Math.log(Math.abs(d)); s = d === 0 ? 0 : d < 0 ? -s : s; }
    sg[t] = s; ld[t] = l;
  }
  return [sg, ld];
}

// ---- helpers ----
function rng(seed: number): () => number { // mulberry32, uniform in [0, 1)
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

function randomArray(dt: DT, size: number, seed: number, kind: 'uniform' | 'ties' = 'uniform'): FA {
  const u = rng(seed), x = alloc(dt, size);
  const tie = [-2, -1, 0, 0, 1, 2];
  for (let i = 0; i < size; i++) x[i] = kind === 'ties' ? tie[Math.floor(u() * tie.length)] : 2 * u() - 1;
  return x;
}

/** Same bits, NaN payloads aside (the sign of zero and of infinity count). */
function assertSameBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < got.length; i++) {
    const x = got[i], y = want[i];
    const same = (Number.isNaN(x) && Number.isNaN(y)) || (x === y && (x !== 0 || 1 / x === 1 / y));
    if (!same) assert.fail(`${what}: [${i}] ${x} vs reference ${y}`);
  }
}

/** Checks solve, inv and slogdet of the batch `a` ([...batch, n, n]) against the reference. */
function checkAll(a: Tensor, m: number, seed: number, what: string): void {
  const dt = a.dtype as DT, nd = a.shape.length, n = a.shape[nd - 1];
  const bshape = a.shape.slice(0, -2), batch = bshape.reduce((p, q) => p * q, 1);
  const b = new Tensor(randomArray(dt, batch * n * m, seed ^ 0x5bd1e995), [...bshape, n, m]);
  const x = np.linalg.solve(a, b);
  assert.deepEqual(x.shape, [...bshape, n, m]);
  assert.equal(x.dtype, dt);
  assertSameBits(x.data(), refSolve(a._data as FA, b._data as FA, batch, n, m, dt), `${what} solve`);
  const eye = alloc(dt, batch * n * n);
  for (let t = 0; t < batch; t++) for (let i = 0; i < n; i++) eye[t * n * n + i * n + i] = 1;
  assertSameBits(np.linalg.inv(a).data(), refSolve(a._data as FA, eye, batch, n, n, dt), `${what} inv`);
  const [s, ld] = np.linalg.slogdet(a);
  const [rs, rld] = refSlogdet(a._data as FA, batch, n, dt);
  assertSameBits(s.data(), rs, `${what} slogdet sign`);
  assertSameBits(ld.data(), rld, `${what} slogdet logabsdet`);
}

const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 33, 64];

for (const { simd, name } of BUILDS) {
  describe(`LU in the wasm core (${name}) gives the former TypeScript LU's bits`, () => {
    before(() => init({ simd }));

    it('runs in the wasm core (the LU kernels are exported)', () => {
      const ex = core().ex;
      for (const k of ['luSolveF32', 'luSolveF64', 'luDiagF32', 'luDiagF64'] as const) assert.equal(typeof ex[k], 'function', k);
    });

    for (const dt of ['float64', 'float32'] as const) {
      it(`solve, inv and slogdet of random ${dt} matrices up to 64 x 64, one and several right-hand sides`, () => {
        for (const n of SIZES) {
          for (const m of [1, 3, n + 2]) {
            const a = new Tensor(randomArray(dt, n * n, 1000 * n + m), [n, n]);
            checkAll(a, m, 7 * n + m, `${dt} n=${n} m=${m}`);
          }
        }
      });

      it(`batched ${dt} matrices ([3] and [2, 2] batches, up to 64 x 64)`, () => {
        for (const n of [2, 5, 8, 13, 64]) {
          for (const bs of [[3], [2, 2]]) {
            const size = bs.reduce((p, q) => p * q, 1) * n * n;
            checkAll(new Tensor(randomArray(dt, size, 31 * n + bs.length), [...bs, n, n]), 4, n, `${dt} batch [${bs}] n=${n}`);
          }
        }
        // a vector right-hand side, broadcast against a batch of matrices
        const a = new Tensor(randomArray(dt, 3 * 6 * 6, 99), [3, 6, 6]), v = new Tensor(randomArray(dt, 6, 98), [6]);
        const x = np.linalg.solve(a, np.broadcastTo(np.expandDims(v, -1), [3, 6, 1]));
        assertSameBits(np.linalg.solve(a, np.broadcastTo(v, [3, 6])).data(), x.data(), `${dt} vector rhs`);
      });

      it(`${dt} matrices with ties and exact zeros pivot on the first largest entry`, () => {
        let singular = 0;
        for (let seed = 1; seed <= 120; seed++) {
          const n = 1 + (seed % 12);
          const a = new Tensor(randomArray(dt, n * n, seed, 'ties'), [n, n]);
          if (refSlogdet(a._data as FA, 1, n, dt)[0][0] === 0) singular++;
          checkAll(a, 2, seed, `${dt} ties seed=${seed} n=${n}`);
        }
        assert.ok(singular > 0, 'the tie-prone sample includes singular matrices');
      });

      it(`singular ${dt} matrices give inf/NaN like before, without throwing`, () => {
        const n = 6, z = alloc(dt, n * n);
        const rank1 = alloc(dt, n * n), zeroCol = randomArray(dt, n * n, 5), dupRow = randomArray(dt, n * n, 6);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rank1[i * n + j] = (i + 1) * (j - 2.5);
        for (let i = 0; i < n; i++) zeroCol[i * n + 3] = 0;
        for (let j = 0; j < n; j++) dupRow[4 * n + j] = dupRow[1 * n + j];
        for (const [label, data] of [['zero', z], ['rank 1', rank1], ['zero column', zeroCol], ['repeated row', dupRow]] as const) {
          const a = new Tensor(data, [n, n]);
          checkAll(a, 3, 17, `${dt} ${label}`);
          const x = np.linalg.solve(a, np.ones([n, 2], dt)).data();
          assert.ok(Array.from(x).some((v) => !Number.isFinite(v)), `${label}: the solve has non-finite entries`);
          if (label === 'zero' || label === 'zero column') {
            // an exact zero pivot: sign 0; the later columns divide 0/0, so log|det| is NaN
            // (or -inf), as in the former TypeScript LU (JAX would give -inf)
            const [s, ld] = np.linalg.slogdet(a);
            assert.equal(s.item(), 0, `${label}: sign 0`);
            assert.ok(!Number.isFinite(ld.item()), `${label}: log|det| is not finite`);
          }
        }
      });

      it(`NaN and infinite ${dt} entries propagate as in the reference`, () => {
        const n = 5;
        for (const [pos, v] of [[0, NaN], [7, NaN], [12, Infinity], [0, -Infinity], [24, Infinity]] as const) {
          const d = randomArray(dt, n * n, pos + 40);
          d[pos] = v;
          checkAll(new Tensor(d, [n, n]), 2, pos, `${dt} a[${pos}] = ${v}`);
        }
        checkAll(new Tensor(alloc(dt, 0), [0, 0]), 1, 1, `${dt} empty 0 x 0`);
      });
    }
  });
}

describe('the SIMD and scalar LU builds agree bit for bit', () => {
  async function run(simd: boolean): Promise<number[]> {
    await init({ simd });
    const out: number[] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const n of [3, 17, 64]) {
        const a = new Tensor(randomArray(dt, 2 * n * n, 500 + n), [2, n, n]);
        const b = new Tensor(randomArray(dt, 2 * n * 9, 600 + n), [2, n, 9]);
        out.push(...np.linalg.solve(a, b).data(), ...np.linalg.inv(a).data());
        const [s, ld] = np.linalg.slogdet(a);
        out.push(...s.data(), ...ld.data());
      }
    }
    return out;
  }

  it('solve, inv and slogdet on 2 x [n, n] batches, n up to 64, float32 and float64', async () => {
    const v = await run(true), s = await run(false);
    await init();
    assertSameBits(v, s, 'simd vs scalar');
  });
});

// Reductions, scans, matmul, Cholesky and triangular solves of the wasm core, called
// directly on both builds (build/probasm.{simd,scalar}.wasm; run `node scripts/build-wasm.mjs`
// first). Checks: (a) the SIMD and scalar builds give the same bits on random inputs of
// odd sizes (NaN payloads aside); (b) results against NumPy/SciPy float64 references
// (tests-ts/fixtures/linalg/linalg.json, written by gen_linalg.py) within stated budgets:
// u = 2^-53 (f64 unit roundoff), ulp32(x) = spacing of float32 at x.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from './helpers.ts';

type Ex = { memory: WebAssembly.Memory; heapBase(): number; [k: string]: any };
type DT = 'f32' | 'f64';
type FArr = Float32Array | Float64Array;

const FX = fixture('linalg/linalg.json');
const U = 2 ** -53;

// ------------------------------------------------------------------ helpers

function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** (2u - 1)·scale rounded to float32, as gen_linalg.py's uniform(). */
function uniform(seed: number, count: number, scale = 1): Float64Array {
  const r = mulberry32(seed), out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.fround((2 * r() - 1) * scale);
  return out;
}
const dec = (v: Array<number | string>): Float64Array =>
  Float64Array.from(v, (x) => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : (x as number)));

const F32BITS = new DataView(new ArrayBuffer(4));
/** Spacing of float32 numbers at x (at fround(x)); 0 for non-finite x. */
function ulp32(x: number): number {
  if (!Number.isFinite(x)) return 0;
  F32BITS.setFloat32(0, x);
  const e = (F32BITS.getUint32(0) >>> 23) & 0xff;
  return e === 0 ? 2 ** -149 : 2 ** (e - 150);
}

/** Same value, NaN equal to NaN (and -0 equal to +0). */
function sameValue(a: number, b: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}

function assertClose(got: ArrayLike<number>, ref: ArrayLike<number>, tol: (i: number) => number, what: string): void {
  assert.equal(got.length, ref.length, `${what}: length`);
  for (let i = 0; i < ref.length; i++) {
    const g = got[i], r = ref[i];
    if (!Number.isFinite(r) || !Number.isFinite(g)) {
      assert.ok(sameValue(g, r), `${what}[${i}]: got ${g}, want ${r}`);
      continue;
    }
    const t = tol(i);
    assert.ok(Math.abs(g - r) <= t, `${what}[${i}]: got ${g}, want ${r} (|diff| ${Math.abs(g - r)} > ${t})`);
  }
}

/** Bitwise equality of two outputs, any NaN equal to any NaN. */
function assertSameBits(a: FArr | Int32Array, b: FArr | Int32Array, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  if (a instanceof Int32Array) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) assert.fail(`${what}[${i}]: ${a[i]} vs ${b[i]}`);
    return;
  }
  const w = a instanceof Float32Array ? 1 : 2;
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length * w), ub = new Uint32Array(b.buffer, b.byteOffset, b.length * w);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    for (let h = 0; h < w; h++) {
      if (ua[i * w + h] !== ub[i * w + h]) assert.fail(`${what}[${i}]: ${a[i]} vs ${b[i]} (bits differ)`);
    }
  }
}

/** A wasm instance with a bump allocator above heapBase (reset before each call). */
class Core {
  top = 0;
  constructor(readonly ex: Ex, readonly name: string) {}
  reset(): void { this.top = (this.ex.heapBase() + 15) & ~15; }
  alloc(bytes: number): number {
    const p = this.top;
    this.top = (p + bytes + 15) & ~15;
    const have = this.ex.memory.buffer.byteLength;
    if (this.top > have) this.ex.memory.grow(Math.ceil((this.top - have) / 65536));
    return p;
  }
  put(x: ArrayLike<number>, dt: DT): number {
    const p = this.alloc(x.length * (dt === 'f32' ? 4 : 8));
    (dt === 'f32' ? new Float32Array(this.ex.memory.buffer, p, x.length) : new Float64Array(this.ex.memory.buffer, p, x.length)).set(x);
    return p;
  }
  get(p: number, n: number, dt: DT | 'i32'): FArr | Int32Array {
    const b = this.ex.memory.buffer;
    return dt === 'f32' ? new Float32Array(b, p, n).slice() : dt === 'f64' ? new Float64Array(b, p, n).slice() : new Int32Array(b, p, n).slice();
  }
}

const sfx = (dt: DT) => (dt === 'f32' ? 'F32' : 'F64');
const RED = { sum: 0, max: 1, min: 2, prod: 3, argmax: 4, argmin: 5, logsumexp: 6 } as const;

function reduce(c: Core, op: number, x: ArrayLike<number>, dt: DT, [o, n, i]: number[]): FArr | Int32Array {
  c.reset();
  const a = c.put(x, dt);
  const isArg = op === RED.argmax || op === RED.argmin;
  const out = c.alloc(o * i * 8);
  c.ex['reduce' + sfx(dt)](op, a, out, o, n, i);
  return c.get(out, o * i, isArg ? 'i32' : dt);
}
function scan(c: Core, kind: 'cumsum' | 'cumLogSumExp', x: ArrayLike<number>, dt: DT, [o, n, i]: number[], rev: boolean): FArr {
  c.reset();
  const a = c.put(x, dt), out = c.alloc(o * n * i * 8);
  c.ex[kind + sfx(dt)](a, out, o, n, i, rev ? 1 : 0);
  return c.get(out, o * n * i, dt) as FArr;
}
function matmul(c: Core, A: ArrayLike<number>, B: ArrayLike<number>, dt: DT, bt: number, m: number, k: number, n: number, sa: number, sb: number): FArr {
  c.reset();
  const a = c.put(A, dt), b = c.put(B, dt), out = c.alloc(bt * m * n * 8);
  c.ex['matmul' + sfx(dt)](a, b, out, bt, m, k, n, sa, sb);
  return c.get(out, bt * m * n, dt) as FArr;
}
function cholesky(c: Core, A: ArrayLike<number>, dt: DT, bt: number, n: number): FArr {
  c.reset();
  const a = c.put(A, dt), out = c.alloc(bt * n * n * 8);
  c.ex['cholesky' + sfx(dt)](a, out, bt, n);
  return c.get(out, bt * n * n, dt) as FArr;
}
function trisolve(c: Core, L: ArrayLike<number>, B: ArrayLike<number>, dt: DT, bt: number, n: number, nrhs: number,
  lower: number, trans: number, unit: number, left: number, inPlace = false): FArr {
  c.reset();
  const l = c.put(L, dt), b = c.put(B, dt), out = inPlace ? b : c.alloc(bt * n * nrhs * 8);
  c.ex['triangularSolve' + sfx(dt)](l, b, out, bt, n, nrhs, lower, trans, unit, left);
  return c.get(out, bt * n * nrhs, dt) as FArr;
}

/** SPD test matrix X Xᵀ + n I, X integers in [-8, 8] (gen_linalg.py spd_matrix). */
function spd(seed: number, n: number): Float64Array {
  const r = mulberry32(seed), X = new Float64Array(n * n), A = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) X[i] = Math.floor(r() * 17) - 8;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += X[i * n + k] * X[j * n + k];
    A[i * n + j] = A[j * n + i] = s + (i === j ? n : 0);
  }
  return A;
}
/** gen_linalg.py tri_matrix: off-diagonal (2u-1)/sqrt(n), diagonal in [1, 2) (7.5 if unit). */
function triMatrix(seed: number, n: number, unit: number): Float64Array {
  const m = uniform(seed, n * n).map((v) => Math.fround(v / Math.sqrt(n)));
  const d = uniform(seed + 7, n);
  for (let i = 0; i < n; i++) m[i * n + i] = unit ? 7.5 : Math.fround(1.5 + 0.5 * d[i]);
  return m;
}
/** max_ij |L Lᵀ - A| / max|A| for one n x n factor. */
function cholResidual(L: ArrayLike<number>, A: ArrayLike<number>, n: number, off = 0): number {
  let r = 0, an = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k <= j; k++) s += L[off + i * n + k] * L[off + j * n + k];
    r = Math.max(r, Math.abs(s - A[i * n + j]));
    an = Math.max(an, Math.abs(A[i * n + j]));
  }
  return r / an;
}
const maxAbs = (x: ArrayLike<number>) => { let m = 0; for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) m = Math.max(m, Math.abs(x[i])); return m; };

// ------------------------------------------------------------------ setup

let S: Core, C: Core;
let CORES: Core[];
before(async () => {
  const load = async (t: string) => {
    const bytes = readFileSync(new URL(`../build/probasm.${t}.wasm`, import.meta.url));
    return (await WebAssembly.instantiate(bytes, {})).instance.exports as unknown as Ex;
  };
  S = new Core(await load('simd'), 'simd');
  C = new Core(await load('scalar'), 'scalar');
  assert.equal(S.ex.simdBuild(), 1);
  assert.equal(C.ex.simdBuild(), 0);
  CORES = [S, C];
});

it('mulberry32 matches the fixture generator', () => {
  const r = mulberry32(1);
  for (const v of FX.mulberry32_seed1) assert.equal(r(), v);
});

// ------------------------------------------------------------------ (b) against NumPy/SciPy

describe('reductions and scans vs NumPy', () => {
  for (const dt of ['f64', 'f32'] as DT[]) {
    // float32 results are compared with the float64 reference rounded to float32 (which
    // may overflow to inf), within the stated budget.
    const R = (r: Float64Array) => (dt === 'f32' ? r.map(Math.fround) : r);
    it(`${dt}: sum/max/min/prod/argmax/argmin/logsumexp`, () => {
      for (const cs of FX.reductions) {
        const x = dec(cs.x), n = cs.shape[1];
        const abssum = dec(cs.abssum);
        for (const core of CORES) {
          const tag = `${core.name} ${dt} ${cs.name} [${cs.shape}]`;
          // Sum: f64 four partials: (n/4 + 2)u·sum|x|; f32: f64 accumulation then one rounding.
          const sum = reduce(core, RED.sum, x, dt, cs.shape), sref = R(dec(cs.sum));
          assertClose(sum, sref, (j) => (dt === 'f64' ? (n / 4 + 2) * U * abssum[j] : ulp32(sref[j]) + n * U * abssum[j]), `${tag} sum`);
          for (const op of ['max', 'min'] as const) {
            const got = reduce(core, RED[op], x, dt, cs.shape), ref = dec(cs[op]);
            for (let j = 0; j < ref.length; j++) assert.ok(sameValue(got[j], ref[j]), `${tag} ${op}[${j}]: ${got[j]} vs ${ref[j]}`);
          }
          for (const op of ['argmax', 'argmin'] as const) {
            assert.deepEqual(Array.from(reduce(core, RED[op], x, dt, cs.shape)), cs[op], `${tag} ${op}`);
          }
          // Prod: both sides have <= n roundings: 2n·u relative (+ one f32 rounding).
          const prod = reduce(core, RED.prod, x, dt, cs.shape), pref = R(dec(cs.prod));
          assertClose(prod, pref, (j) => 2 * n * U * Math.abs(pref[j]) + (dt === 'f32' ? ulp32(pref[j]) : 0), `${tag} prod`);
          // LogSumExp: m + log(sum exp(x - m)) in f64: a few u·(|ref| + log n + 1).
          const lse = reduce(core, RED.logsumexp, x, dt, cs.shape), lref = R(dec(cs.logsumexp));
          assertClose(lse, lref, (j) => 8 * U * (Math.abs(lref[j]) + Math.log(n) + 1) + (dt === 'f32' ? ulp32(lref[j]) : 0), `${tag} logsumexp`);
        }
      }
    });
    it(`${dt}: cumsum and cumulative logsumexp, forward and reverse`, () => {
      for (const cs of FX.reductions) {
        if (!cs.cumsum) continue;
        const x = dec(cs.x), n = cs.shape[1];
        const tot = maxAbs(dec(cs.abssum));
        for (const core of CORES) {
          const tag = `${core.name} ${dt} ${cs.name} [${cs.shape}]`;
          for (const rev of [false, true]) {
            const cref = R(dec(rev ? cs.cumsum_rev : cs.cumsum));
            assertClose(scan(core, 'cumsum', x, dt, cs.shape, rev), cref,
              (j) => n * U * tot + (dt === 'f32' ? ulp32(cref[j]) : 0), `${tag} cumsum rev=${rev}`);
            const lref = R(dec(rev ? cs.cumlse_rev : cs.cumlse));
            assertClose(scan(core, 'cumLogSumExp', x, dt, cs.shape, rev), lref,
              (j) => 4 * n * U * (Math.abs(lref[j]) + 1) + (dt === 'f32' ? ulp32(lref[j]) : 0), `${tag} cumlse rev=${rev}`);
          }
        }
      }
    });
  }
  it('float32 sum and cumsum of 100001 general floats: f64 accumulation, one rounding', () => {
    const n = 100001, x = uniform(31, n, 1000).map((v, i) => v + (i % 3)); // not all exact
    const x32 = Float32Array.from(x);
    let s = 0, c = 0; // Neumaier-compensated reference sum of the f32 values
    for (const v of x32) { const t = s + v; c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s; s = t; }
    const ref = s + c;
    let abs = 0; for (const v of x32) abs += Math.abs(v);
    for (const core of CORES) {
      const got = reduce(core, RED.sum, x32, 'f32', [1, n, 1])[0];
      assert.ok(Math.abs(got - ref) <= ulp32(ref) + (n / 4 + 2) * U * abs, `${core.name}: ${got} vs ${ref}`);
      const cs = scan(core, 'cumsum', x32, 'f32', [1, n, 1], false);
      assert.ok(Math.abs(cs[n - 1] - ref) <= ulp32(ref) + n * U * abs, `${core.name} cumsum: ${cs[n - 1]} vs ${ref}`);
    }
  });
  it('empty axis: identities, -1 for arg ops; -0 survives cumsum', () => {
    for (const core of CORES) for (const dt of ['f32', 'f64'] as DT[]) {
      const sh = [2, 0, 3];
      assert.deepEqual(Array.from(reduce(core, RED.sum, [], dt, sh)), [0, 0, 0, 0, 0, 0]);
      assert.deepEqual(Array.from(reduce(core, RED.prod, [], dt, sh)), [1, 1, 1, 1, 1, 1]);
      assert.deepEqual(Array.from(reduce(core, RED.max, [], dt, [1, 0, 1])), [-Infinity]);
      assert.deepEqual(Array.from(reduce(core, RED.min, [], dt, [1, 0, 2])), [Infinity, Infinity]);
      assert.deepEqual(Array.from(reduce(core, RED.logsumexp, [], dt, [1, 0, 1])), [-Infinity]);
      assert.deepEqual(Array.from(reduce(core, RED.argmax, [], dt, sh)), [-1, -1, -1, -1, -1, -1]);
      assert.ok(Object.is(scan(core, 'cumsum', [-0, 1], dt, [1, 2, 1], false)[0], -0));
    }
  });
});

describe('matmul vs NumPy', () => {
  it('f64 and f32, incl. batch broadcast, within k·eps·(|A||B|)', () => {
    for (const cs of FX.matmul) {
      const [bt, m, k, n, ba, bb] = cs.shape;
      const A = uniform(cs.seedA, (ba ? 1 : bt) * m * k), B = uniform(cs.seedB, (bb ? 1 : bt) * k * n);
      const ref = dec(cs.c);
      const absAB = new Float64Array(bt * m * n);
      for (let t = 0; t < bt; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += Math.abs(A[(ba ? 0 : t) * m * k + i * k + p] * B[(bb ? 0 : t) * k * n + p * n + j]);
        absAB[(t * m + i) * n + j] = s;
      }
      for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
        const got = matmul(core, A, B, dt, bt, m, k, n, ba ? 0 : m * k, bb ? 0 : k * n);
        // ours <= k·u, NumPy's dgemm <= k·u: k·2^-52 for f64; f32 accumulation k·2^-23.
        const eps = dt === 'f64' ? 2 ** -52 : 2 ** -23;
        assertClose(got, ref, (j) => k * eps * absAB[j], `${core.name} ${dt} matmul [${cs.shape}]`);
      }
    }
  });
  it('k = 0 gives zeros; NaN/inf propagate', () => {
    for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
      assert.deepEqual(Array.from(matmul(core, [], [], dt, 1, 2, 0, 3, 0, 0)), [0, 0, 0, 0, 0, 0]);
      const got = matmul(core, [1, NaN, Infinity, 0], [1, 2, 3, 4], dt, 1, 2, 2, 2, 0, 0);
      assert.ok(Number.isNaN(got[0]) && Number.isNaN(got[1]), `${core.name} NaN row`);
      assert.deepEqual(Array.from(got.slice(2)), [Infinity, Infinity]);
    }
  });
  it('256 x 256 float32 vs a float64 product within k·eps32·(|A||B|)', () => {
    const N = 256, A = uniform(77, N * N), B = uniform(78, N * N);
    const ref = new Float64Array(N * N), ab = new Float64Array(N * N);
    for (let i = 0; i < N; i++) for (let p = 0; p < N; p++) {
      const a = A[i * N + p];
      for (let j = 0; j < N; j++) { ref[i * N + j] += a * B[p * N + j]; ab[i * N + j] += Math.abs(a * B[p * N + j]); }
    }
    const s = matmul(S, A, B, 'f32', 1, N, N, N, 0, 0), c = matmul(C, A, B, 'f32', 1, N, N, N, 0, 0);
    assertSameBits(s, c, 'matmul 256 f32 simd vs scalar');
    assertClose(s, ref, (j) => N * 2 ** -23 * ab[j] + 2 ** -40, 'matmul 256 f32');
  });
});

describe('cholesky vs NumPy', () => {
  for (const cs of FX.cholesky) {
    it(`n = ${cs.n} (cond ${cs.cond.toFixed(0)}), f64 and f32`, () => {
      const n = cs.n, A = spd(cs.seed, n);
      for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
        const tag = `${core.name} ${dt} n=${n}`;
        const L = cholesky(core, A, dt, 1, n);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.ok(Object.is(L[i * n + j], 0), `${tag}: upper[${i},${j}] = ${L[i * n + j]}`);
        // Backward error (Higham Thm 10.3): |L Lᵀ - A| <= (n+1)u|L||Lᵀ| <= (n+1)u·max|A| for
        // f64; an f32 factor is the f64 one rounded: 2·ulp32-ish relative, (n+4)·2^-24.
        const res = cholResidual(L, A, n);
        assert.ok(res <= (dt === 'f64' ? (n + 1) * U : (n + 4) * 2 ** -24), `${tag}: residual ${res}`);
        // Forward error vs LAPACK: cond ~ 100 here; budget 1e-13·max|L| (f64), plus one
        // float32 rounding (ulp32 of the entry) for f32.
        const Lmax = Math.sqrt(maxAbs(A));
        const tol = (r: number) => 1e-13 * Lmax + (dt === 'f32' ? ulp32(r) : 0);
        if (cs.L) {
          const ref = dec(cs.L);
          assertClose(L, ref, (j) => tol(ref[j]), `${tag} L`);
        } else {
          const diag = dec(cs.diag), last = dec(cs.lastRow), col0 = dec(cs.col0);
          assertClose(Array.from({ length: n }, (_, i) => L[i * n + i]), diag, (j) => tol(diag[j]), `${tag} diag`);
          assertClose(L.slice((n - 1) * n), last, (j) => tol(last[j]), `${tag} last row`);
          assertClose(Array.from({ length: n }, (_, i) => L[i * n]), col0, (j) => tol(col0[j]), `${tag} col 0`);
          let ld = 0;
          for (let i = 0; i < n; i++) ld += 2 * Math.log(L[i * n + i]);
          assert.ok(Math.abs(ld - cs.logdet) <= (dt === 'f64' ? 1e-12 : 4 * n * 2 ** -24) * Math.max(1, Math.abs(cs.logdet)), `${tag} logdet ${ld} vs ${cs.logdet}`);
        }
      }
    });
  }
  it('not positive definite: the failing pivot and everything after it are NaN', () => {
    for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
      const tag = `${core.name} ${dt}`;
      const L2 = Array.from(cholesky(core, [1, 2, 2, 1], dt, 1, 2));
      assert.ok(L2[0] === 1 && L2[1] === 0 && L2[2] === 2 && Number.isNaN(L2[3]), `${tag} 2x2: ${L2}`);
      // pivot 1 is exactly 0 (semi-definite): row 1 diag and row 2 become NaN.
      const L3 = Array.from(cholesky(core, [4, 2, 2, 2, 1, 5, 2, 5, 9], dt, 1, 3));
      const want = [2, 0, 0, 1, NaN, 0, NaN, NaN, NaN];
      assert.ok(L3.every((v, i) => sameValue(v, want[i])), `${tag} 3x3: ${L3}`);
      // NaN input -> NaN from the affected pivot; a batch neighbour is untouched.
      const B = [4, 0, 0, 0, 4, 0, 0, 0, 4, 4, 0, 0, NaN, 4, 0, 0, 0, 4];
      const LB = Array.from(cholesky(core, B, dt, 2, 3));
      assert.deepEqual(LB.slice(0, 9), [2, 0, 0, 0, 2, 0, 0, 0, 2]);
      assert.ok(LB[9] === 2 && Number.isNaN(LB[12]) && Number.isNaN(LB[13]) && LB.slice(15).every(Number.isNaN), `${tag} NaN input: ${LB.slice(9)}`);
      // negative leading entry: everything NaN
      assert.ok(Array.from(cholesky(core, [-1, 0, 0, 1], dt, 1, 2)).every((v, i) => (i === 1 ? v === 0 : Number.isNaN(v))));
    }
  });
  it('batched: each matrix factored independently', () => {
    const n = 17, A1 = spd(5, n), A2 = spd(6, n);
    const both = new Float64Array(2 * n * n); both.set(A1); both.set(A2, n * n);
    for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
      const L = cholesky(core, both, dt, 2, n);
      assertSameBits(L.subarray(n * n) as FArr, cholesky(core, A2, dt, 1, n), `${core.name} ${dt} batch`);
      assert.ok(cholResidual(L, A1, n) <= (n + 4) * 2 ** -24);
    }
  });
});

describe('triangular solve vs SciPy', () => {
  it('every flag combination (lower, transpose, unit diagonal, left/right), f64 and f32', () => {
    for (const cs of FX.trisolve) {
      const { batch: bt, n, nrhs, lower, trans, unit, left } = cs;
      const L = new Float64Array(bt * n * n), B = new Float64Array(bt * n * nrhs);
      for (let t = 0; t < bt; t++) {
        L.set(triMatrix(cs.seed + 31 * t, n, unit), t * n * n);
        B.set(uniform(cs.seed + 31 * t + 5, n * nrhs), t * n * nrhs);
      }
      const ref = dec(cs.x), xmax = maxAbs(ref);
      for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
        const tag = `${core.name} ${dt} n=${n} nrhs=${nrhs} lower=${lower} trans=${trans} unit=${unit} left=${left}`;
        const got = trisolve(core, L, B, dt, bt, n, nrhs, lower, trans, unit, left);
        // Both solves backward stable with moderate cond: 1e-13·max|X| (f64); the f32
        // kernel is the f64 solve rounded once: + ulp32 of the entry.
        assertClose(got, ref, (j) => 1e-13 * xmax + (dt === 'f32' ? ulp32(ref[j]) : 0), tag);
      }
    }
  });
  it('zero diagonal gives inf/NaN per IEEE; in place (b == out) works', () => {
    for (const core of CORES) for (const dt of ['f64', 'f32'] as DT[]) {
      const x = Array.from(trisolve(core, [0], [1, 0, -1], dt, 1, 1, 3, 1, 0, 0, 1));
      assert.ok(x[0] === Infinity && Number.isNaN(x[1]) && x[2] === -Infinity, `${core.name} ${dt}: ${x}`);
      const L = triMatrix(9, 5, 0), B = uniform(10, 5 * 3);
      for (const left of [0, 1]) {
        assertSameBits(trisolve(core, L, B, dt, 1, 5, 3, 1, 1, 0, left, true), trisolve(core, L, B, dt, 1, 5, 3, 1, 1, 0, left), `${core.name} ${dt} in place`);
      }
    }
  });
  it('n = 300 (several f64 blocks for f32), residual of L X = B', () => {
    const n = 300, nrhs = 20, L = triMatrix(11, n, 0), B = uniform(12, n * nrhs);
    for (const dt of ['f64', 'f32'] as DT[]) {
      const X = trisolve(S, L, B, dt, 1, n, nrhs, 1, 0, 0, 1);
      assertSameBits(X, trisolve(C, L, B, dt, 1, n, nrhs, 1, 0, 0, 1), `${dt} n=300 simd vs scalar`);
      const Lr = dt === 'f32' ? L.map(Math.fround) : L;
      let r = 0;
      for (let i = 0; i < n; i++) for (let c = 0; c < nrhs; c++) {
        let s = 0;
        for (let k = 0; k <= i; k++) s += Lr[i * n + k] * X[k * nrhs + c];
        r = Math.max(r, Math.abs(s - (dt === 'f32' ? Math.fround(B[i * nrhs + c]) : B[i * nrhs + c])));
      }
      assert.ok(r <= (dt === 'f64' ? 1e-13 : 1e-5), `${dt} residual ${r}`);
    }
  });
});

describe('sizes past the static f64 block (n > 2048)', () => {
  const n = 2049;
  // Diagonally dominant SPD matrix / its lower triangle as a well-conditioned L.
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = i === j ? n : Math.fround(Math.sin(7 * i + 3 * j) / 2);
  it('float32 cholesky keeps L in f32 with f64 dot products: same bits, small residual', () => {
    const L = cholesky(S, A, 'f32', 1, n);
    assertSameBits(L, cholesky(C, A, 'f32', 1, n), 'cholesky f32 n=2049');
    let r = 0;
    for (let i = 0; i < n; i += 97) for (let j = 0; j <= i; j += 13) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += L[i * n + k] * L[j * n + k];
      r = Math.max(r, Math.abs(s - A[i * n + j]));
    }
    assert.ok(r / n <= 8 * 2 ** -24, `residual ${r / n}`);
    assert.ok(L[n] !== 0 && L[1] === 0 && L[n - 1] === 0);
  });
  it('triangular solves in place in out, left and right, f32 and f64', () => {
    const nrhs = 3, B = uniform(5, n * nrhs);
    for (const dt of ['f32', 'f64'] as DT[]) for (const left of [1, 0]) {
      const X = trisolve(S, A, B, dt, 1, n, nrhs, 1, 0, 0, left);
      assertSameBits(X, trisolve(C, A, B, dt, 1, n, nrhs, 1, 0, 0, left), `${dt} left=${left}`);
      const Ar = dt === 'f32' ? A.map(Math.fround) : A, Br = dt === 'f32' ? B.map(Math.fround) : B;
      let r = 0;
      for (let c = 0; c < nrhs; c++) for (let i = 0; i < n; i++) {
        let s = 0;
        if (left) for (let k = 0; k <= i; k++) s += Ar[i * n + k] * X[k * nrhs + c];
        else for (let k = i; k < n; k++) s += X[c * n + k] * Ar[k * n + i];
        r = Math.max(r, Math.abs(s - Br[left ? i * nrhs + c : c * n + i]));
      }
      assert.ok(r <= (dt === 'f64' ? 1e-13 : 1e-5), `${dt} left=${left}: residual ${r}`);
    }
  });
});

// ------------------------------------------------------------------ (a) SIMD == scalar

const SIZES = [1, 2, 3, 5, 7, 17, 33];

describe('SIMD and scalar builds agree bit for bit', () => {
  it('reductions and scans, all ops, contiguous and strided, with NaN/inf sprinkled', () => {
    let seed = 9000;
    const shapes: number[][] = [];
    for (const n of SIZES) for (const i of [1, 2, 3, 5]) shapes.push([2, n, i]);
    shapes.push([1, 1001, 1], [1, 4, 600], [3, 65, 1]);
    for (const sh of shapes) for (const special of [false, true]) {
      const len = sh[0] * sh[1] * sh[2];
      const x = uniform(++seed, len, 20);
      if (special) { const r = mulberry32(seed); for (let q = 0; q < len / 5; q++) x[Math.floor(r() * len)] = [NaN, Infinity, -Infinity, 0, -0][Math.floor(r() * 5)]; }
      for (const dt of ['f32', 'f64'] as DT[]) {
        for (let op = 0; op <= 6; op++) assertSameBits(reduce(S, op, x, dt, sh) as FArr, reduce(C, op, x, dt, sh) as FArr, `reduce op ${op} ${dt} [${sh}] special=${special}`);
        for (const rev of [false, true]) for (const kind of ['cumsum', 'cumLogSumExp'] as const) {
          assertSameBits(scan(S, kind, x, dt, sh, rev), scan(C, kind, x, dt, sh, rev), `${kind} ${dt} [${sh}] rev=${rev}`);
        }
      }
    }
  });
  it('matmul on odd shapes, tails, k-blocking and broadcast batches', () => {
    let seed = 9500;
    const shapes: number[][] = [];
    for (const m of SIZES) for (const k of [1, 3, 17]) for (const n of SIZES) shapes.push([1, m, k, n]);
    shapes.push([2, 9, 33, 13], [1, 37, 1100, 45], [3, 5, 513, 12]);
    for (const [bt, m, k, n] of shapes) {
      const A = uniform(++seed, bt * m * k), B = uniform(++seed, k * n);
      for (const dt of ['f32', 'f64'] as DT[]) {
        assertSameBits(matmul(S, A, B, dt, bt, m, k, n, m * k, 0), matmul(C, A, B, dt, bt, m, k, n, m * k, 0), `matmul ${dt} ${bt}x${m}x${k}x${n}`);
      }
    }
  });
  it('cholesky, n in {1,2,3,5,7,17,33,64,130}, f32 and f64', () => {
    for (const n of [...SIZES, 64, 130]) {
      const A = new Float64Array(2 * n * n);
      for (let t = 0; t < 2; t++) {
        A.set(spd(n + 40 + t, n), t * n * n);
        // make the lower triangle non-integer (only the lower triangle is read; stays SPD)
        const e = uniform(n + 77 * t, n * n, 0.5);
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[t * n * n + i * n + j] += e[i * n + j];
      }
      for (const dt of ['f32', 'f64'] as DT[]) {
        assertSameBits(cholesky(S, A, dt, 2, n), cholesky(C, A, dt, 2, n), `cholesky ${dt} n=${n}`);
      }
    }
  });
  it('triangular solve, every flag combination, odd sizes', () => {
    let seed = 9900;
    for (const n of SIZES) for (const nrhs of [1, 2, 3, 9, 17]) {
      const L = triMatrix(++seed, n, 0), B = uniform(++seed, 2 * n * nrhs), L2 = new Float64Array(2 * n * n);
      L2.set(L); L2.set(triMatrix(++seed, n, 0), n * n);
      for (let f = 0; f < 16; f++) {
        const [lower, trans, unit, left] = [f & 1, (f >> 1) & 1, (f >> 2) & 1, (f >> 3) & 1];
        for (const dt of ['f32', 'f64'] as DT[]) {
          assertSameBits(trisolve(S, L2, B, dt, 2, n, nrhs, lower, trans, unit, left), trisolve(C, L2, B, dt, 2, n, nrhs, lower, trans, unit, left),
            `trisolve ${dt} n=${n} nrhs=${nrhs} flags=${f}`);
        }
      }
    }
  });
});

// Fast paths of the autodiff core: the fused log_softmax VJP primitive, matmul with
// transpose flags (its VJP stages the transposed operand instead of making mT copies),
// the sum VJP over leading axes (one broadcast), and the slab allocator carrying its
// chunk across valueAndGrad calls. Each must give the bits of the composition it
// replaces, in both builds, and higher derivatives must still be right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, grad, valueAndGrad, random, Tensor } from '../wrapper/index.ts';
import { bindMatmul } from '../wrapper/np/prims/linalg.ts';
import { checkGrad, f64, valuesFor, weighted } from './grad-check.ts';
import { BUILDS } from './helpers.ts';

await init();

const bits = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>);
function sameBits(a: Tensor, b: Tensor, what: string): void {
  assert.deepEqual(a.shape, b.shape, `${what}: shape`);
  assert.equal(a.dtype, b.dtype, `${what}: dtype`);
  const x = a.data() as Float32Array | Float64Array, y = b.data() as Float32Array | Float64Array;
  for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]), `${what}: element ${i}: ${x[i]} vs ${y[i]}`);
}

/** Runs `fn` under both builds and returns [simd, scalar] results (SIMD left active). */
async function bothBuilds<T>(fn: () => T): Promise<[T, T]> {
  await init({ simd: true });
  const a = fn();
  await init({ simd: false });
  try {
    return [a, fn()];
  } finally {
    await init({ simd: true });
  }
}

const CASES: { shape: number[]; axis: number }[] = [
  { shape: [150, 3], axis: -1 }, { shape: [5, 7, 4], axis: 1 }, { shape: [6, 9], axis: 0 }, { shape: [11], axis: 0 },
];

test('the log_softmax VJP equals g - exp(y) * sum(g) bit for bit (float32 and float64, contiguous and strided axes)', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const { shape, axis } of CASES) {
      const x = np.astype(np.multiply(random.normal(random.key(1), shape), 3), dtype);
      const G = np.astype(random.normal(random.key(2), shape), dtype);
      const got = grad((v: Tensor) => np.sum(np.multiply(G, np.logSoftmax(v, { axis }))))(x) as Tensor;
      const y = np.logSoftmax(x, { axis });
      const want = np.subtract(G, np.multiply(np.exp(y), np.sum(G, { axis, keepdims: true })));
      sameBits(got, want, `${dtype} [${shape}] axis ${axis}`);
    }
  }
});

test('the log_softmax VJP gives the same bits in the SIMD and scalar builds', async () => {
  const x = np.multiply(random.normal(random.key(3), [33, 5]), 4);
  const G = random.normal(random.key(4), [33, 5]);
  const f = (v: Tensor) => np.sum(np.multiply(G, np.logSoftmax(v)));
  const [a, b] = await bothBuilds(() => grad(f)(x) as Tensor);
  assert.deepEqual(bits(a), bits(b));
});

test('second derivatives through the fused log_softmax VJP match finite differences (both of its inputs)', () => {
  for (const { shape, axis } of [{ shape: [3, 4], axis: -1 }, { shape: [4, 3], axis: 0 }]) {
    const x = f64(valuesFor(shape, -2, 2, 7), shape);
    // the VJP's y input: d/dx of a function of grad_x
    checkGrad((v) => weighted(grad((u: Tensor) => weighted(np.logSoftmax(u, { axis })))(v) as Tensor), x, `d/dx [${shape}] axis ${axis}`, 1e-5);
    // the VJP's g input: the cotangent depends on w
    const w0 = f64(valuesFor(shape, 0.5, 1.5, 8), shape);
    checkGrad((w) => weighted(grad((u: Tensor) => np.sum(np.multiply(np.square(w), np.logSoftmax(u, { axis }))))(x) as Tensor), w0, `d/dw [${shape}] axis ${axis}`, 1e-5);
  }
});

test('matmul with transpose flags equals matmul of explicit transposes bit for bit', () => {
  const A = random.normal(random.key(5), [2, 6, 4]), B = random.normal(random.key(6), [2, 6, 3]);
  const At = np.transpose(A, [0, 2, 1]), Bt = np.transpose(B, [0, 2, 1]);
  sameBits(bindMatmul(A, B, { ta: true, tb: false }), np.matmul(At, B), 'op(A) = A^T');
  sameBits(bindMatmul(At, Bt, { ta: false, tb: true }), np.matmul(At, B), 'op(B) = B^T');
  sameBits(bindMatmul(A, At, { ta: true, tb: true }), np.matmul(At, A), 'both transposed');
  sameBits(bindMatmul(At, B, { ta: false, tb: false }), np.matmul(At, B), 'no flags');
  assert.throws(() => bindMatmul(A, B, { ta: false, tb: false }), /do not align/);
});

test('the matmul VJP (now flagged products) gives the bits of g B^T and A^T g in both builds', async () => {
  const A = random.normal(random.key(9), [150, 4]), B = random.normal(random.key(10), [4, 3]);
  const G = random.normal(random.key(11), [150, 3]);
  const run = () => {
    const [ga, gb] = grad((a: Tensor, b: Tensor) => np.sum(np.multiply(G, np.matmul(a, b))), { argnums: [0, 1] })(A, B) as Tensor[];
    sameBits(ga, np.matmul(G, np.transpose(B)), 'dA');
    sameBits(gb, np.matmul(np.transpose(A), G), 'dB');
    return [...bits(ga), ...bits(gb)];
  };
  const [s, c] = await bothBuilds(run);
  assert.deepEqual(s, c);
});

test('higher derivatives through every transpose-flag combination of the matmul VJP match finite differences', () => {
  const B = f64(valuesFor([3, 2], -1, 1, 12), [3, 2]);
  const A0 = f64(valuesFor([4, 3], -1, 1, 13), [4, 3]);
  // grad of grad: the inner VJP binds flagged matmuls, the outer differentiates those
  const inner = (a: Tensor) => np.sum(np.square(np.matmul(a, B)));
  checkGrad((a) => weighted(grad(inner)(a) as Tensor), A0, 'd/dA of dA', 1e-5);
  const innerB = (b: Tensor) => np.sum(np.square(np.matmul(A0, b)));
  checkGrad((b) => weighted(grad(innerB)(b) as Tensor), B, 'd/dB of dB', 1e-5);
  // third order: differentiates VJPs of flagged products
  const third = (a: Tensor) => weighted(grad((u: Tensor) => weighted(grad((v: Tensor) => np.sum(np.power(np.matmul(v, B), 3)))(u) as Tensor))(a) as Tensor);
  checkGrad(third, A0, 'third order', 1e-4);
});

test('the VJP of each transpose-flag combination of matmul matches finite differences (both operands)', () => {
  for (const ta of [false, true]) {
    for (const tb of [false, true]) {
      const a0 = f64(valuesFor(ta ? [3, 4] : [4, 3], -1, 1, 20), ta ? [3, 4] : [4, 3]);
      const b0 = f64(valuesFor(tb ? [2, 3] : [3, 2], -1, 1, 21), tb ? [2, 3] : [3, 2]);
      const what = `ta=${ta} tb=${tb}`;
      checkGrad((a) => weighted(np.square(bindMatmul(a, b0, { ta, tb }))), a0, `${what} d/da`);
      checkGrad((b) => weighted(np.square(bindMatmul(a0, b, { ta, tb }))), b0, `${what} d/db`);
      // second order through the flagged VJP rules
      checkGrad((a) => weighted(grad((u: Tensor) => weighted(np.square(bindMatmul(u, b0, { ta, tb }))))(a) as Tensor), a0, `${what} d2/da2`, 1e-5);
      checkGrad((b) => weighted(grad((u: Tensor) => weighted(np.square(bindMatmul(a0, u, { ta, tb }))))(b) as Tensor), b0, `${what} d2/db2`, 1e-5);
    }
  }
});

test('the VJP of a sum over leading axes broadcasts the cotangent in one step', () => {
  const x = f64(valuesFor([4, 3, 2], -1, 1, 14), [4, 3, 2]);
  for (const axis of [0, [0, 1], null] as const) {
    const g = grad((v: Tensor) => weighted(np.sum(v, { axis: axis as never })))(x) as Tensor;
    assert.deepEqual(g.shape, [4, 3, 2]);
    checkGrad((v) => weighted(np.sum(np.square(v), { axis: axis as never })), x, `sum axis ${String(axis)}`);
  }
});

test('valueAndGrad results own their memory and repeat exactly while the slab chunk carries over', () => {
  const X = random.normal(random.key(7), [150, 4]);
  const Y = np.oneHot(random.randint(random.key(8), [150], 0, 3), 3);
  const W = np.multiply(random.normal(random.key(9), [4, 3]), 0.5), b = np.array(new Float32Array([0.1, -0.2, 0.05]));
  const ll = (w: Tensor, bb: Tensor) => np.sum(np.multiply(Y, np.logSoftmax(np.add(np.matmul(X, w), bb))));
  const vg = valueAndGrad(ll, { argnums: [0, 1] });
  const [v0, [gw0, gb0]] = vg(W, b);
  for (let i = 0; i < 200; i++) vg(W, b); // many scopes: chunks fill up and are replaced
  const [v1, [gw1, gb1]] = vg(W, b);
  sameBits(v1, v0, 'value'); sameBits(gw1, gw0, 'dW'); sameBits(gb1, gb0, 'db');
  for (const t of [v1, gw1, gb1]) assert.equal(t._data.byteLength, t._data.buffer.byteLength, 'result owns its buffer');
  // the same gradient by hand (softmax(z) - Y) in float64, to float32 accuracy
  const z = np.add(np.matmul(np.astype(X, 'float64'), np.astype(W, 'float64')), np.astype(b, 'float64'));
  const d = np.subtract(np.astype(Y, 'float64'), np.softmax(z));
  const wantW = np.matmul(np.transpose(np.astype(X, 'float64')), d).data(), gotW = gw1.data();
  for (let i = 0; i < wantW.length; i++) assert.ok(Math.abs(gotW[i] - wantW[i]) <= 1e-4 * Math.max(1, Math.abs(wantW[i])), `dW[${i}]`);
});

test('float32 logSoftmax (vectorized f64 exp) is within 1 ulp of float64 rounded, and the builds agree bit for bit', async () => {
  let st = 0x9e3779b9;
  const rnd = (): number => { st = (st + 0x6d2b79f5) | 0; let t = Math.imul(st ^ (st >>> 15), 1 | st); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const f1 = new Float32Array(1), i1 = new Int32Array(f1.buffer);
  const u32 = (x: number): number => { f1[0] = x; return i1[0]; };
  const ulps = (a: number, b: number): number => { const ia = u32(a), ib = u32(b); return (ia < 0) === (ib < 0) ? Math.abs(ia - ib) : Math.abs(ia) + Math.abs(ib); };
  // ~10^5 rows of sizes 1..17 (row i of size n: centre in [-200, 200], spread 1e-4 .. 400),
  // rows along the last axis and along axis 0 (strided), plus long rows (chunked path).
  const cases: Array<{ x: Tensor; axis: number }> = [];
  for (let n = 1; n <= 17; n++) {
    const rows = 6000, d = new Float32Array(rows * n);
    for (let r = 0; r < rows; r++) {
      const c = 400 * rnd() - 200, s = 10 ** (6.6 * rnd() - 4);
      for (let i = 0; i < n; i++) d[r * n + i] = Math.min(200, Math.max(-200, c + s * (2 * rnd() - 1)));
    }
    cases.push({ x: new Tensor(d, [rows, n]), axis: 1 });
    if (n <= 5) cases.push({ x: new Tensor(d.slice(0, 300 * n), [n, 300]), axis: 0 });
  }
  const long = new Float32Array(3 * 1500).map(() => 400 * rnd() - 200);
  cases.push({ x: new Tensor(long, [3, 1500]), axis: 1 }, { x: new Tensor(long, [1500, 3]), axis: 0 });
  const special = new Float32Array([NaN, 1, 2, -Infinity, 3, 4, Infinity, 1, 5, -Infinity, -Infinity, -Infinity, 0, -Infinity, 7, 1e-30, -1e-30, 0]);
  cases.push({ x: new Tensor(special, [6, 3]), axis: 1 });
  const outs: Float32Array[][] = [];
  try {
    for (const { simd } of BUILDS) {
      await init({ simd });
      const got: Float32Array[] = [];
      let worst = 0, changed = 0;
      for (const { x, axis } of cases) {
        const y = np.logSoftmax(x, { axis }).data() as Float32Array;
        got.push(y);
        if (x === cases[cases.length - 1].x) continue;
        const ref = np.logSoftmax(np.astype(x, 'float64'), { axis }).data() as Float64Array;
        for (let i = 0; i < y.length; i++) {
          const e = ulps(y[i], Math.fround(ref[i]));
          if (e > 0) changed++;
          worst = Math.max(worst, e);
        }
      }
      assert.ok(worst <= 1, `${simd ? 'simd' : 'scalar'}: worst ${worst} ulp (${changed} outputs differ from the rounded float64 result)`);
      outs.push(got);
    }
    for (let c = 0; c < cases.length; c++) {
      const [a, b] = [outs[0][c], outs[1][c]];
      for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]) && u32(a[i]) === u32(b[i]), `case ${c} element ${i}: ${a[i]} vs ${b[i]}`);
    }
  } finally {
    await init();
  }
});

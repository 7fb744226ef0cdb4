// Broadcast operands that are never materialized: np.matmul of an unbatched 2-D operand
// against a batched one (the kernel reads it with batch stride 0; its cotangent sums over
// the batch) and float binary ops whose operands broadcast (the broadcast is done while
// staging the kernel's inputs; the VJP sums back to each operand's shape). Forward values
// must be the bits of the explicit broadcastTo composition in both builds; gradients are
// checked against finite differences (float64) and, for binary ops, against the bits of
// the explicit composition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, grad, Tensor } from '../wrapper/index.ts';
import { bindMatmul } from '../wrapper/np/prims/linalg.ts';
import { broadcastShapes } from '../wrapper/np/shape.ts';
import { checkGrad, f64, valuesFor, weighted } from './grad-check.ts';

await init();

function sameBits(a: Tensor, b: Tensor, what: string): void {
  assert.deepEqual(a.shape, b.shape, `${what}: shape`);
  assert.equal(a.dtype, b.dtype, `${what}: dtype`);
  const x = a.data() as Float32Array | Float64Array, y = b.data() as Float32Array | Float64Array;
  for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]), `${what}: element ${i}: ${x[i]} vs ${y[i]}`);
}

const arr = (shape: number[], seed: number, dtype: 'float32' | 'float64'): Tensor => {
  const v = valuesFor(shape, -2, 2, seed);
  return new Tensor(dtype === 'float32' ? new Float32Array(v) : new Float64Array(v), shape);
};

async function eachBuild(fn: (build: string) => void): Promise<void> {
  for (const simd of [true, false]) {
    await init({ simd });
    fn(simd ? 'simd' : 'scalar');
  }
  await init({ simd: true });
}

test('matmul of an unbatched matrix against a batch equals the broadcast product bit for bit (both builds, both dtypes)', async () => {
  await eachBuild((build) => {
    for (const dtype of ['float32', 'float64'] as const) {
      // the Iris shapes ([150, 4] x [C, 4, 3]), wider ones that reach the SIMD tiles, and the reverse
      for (const [m, k, n, B] of [[150, 4, 3, 4], [9, 5, 13, 3], [17, 33, 8, 2]]) {
        const a = arr([m, k], 1, dtype), b = arr([B, k, n], 2, dtype);
        sameBits(np.matmul(a, b), np.matmul(np.broadcastTo(a, [B, m, k]), b), `${build} ${dtype} [${m},${k}] @ [${B},${k},${n}]`);
        const a3 = arr([B, m, k], 3, dtype), b2 = arr([k, n], 4, dtype);
        sameBits(np.matmul(a3, b2), np.matmul(a3, np.broadcastTo(b2, [B, k, n])), `${build} ${dtype} [${B},${m},${k}] @ [${k},${n}]`);
        const a4 = arr([2, B, m, k], 5, dtype);
        sameBits(np.matmul(a4, b2), np.matmul(a4, np.broadcastTo(b2, [2, B, k, n])), `${build} ${dtype} two batch dims`);
        // a row vector against a batch
        const v = arr([k], 6, dtype);
        sameBits(np.matmul(v, b), np.reshape(np.matmul(np.reshape(np.broadcastTo(v, [B, k]), [B, 1, k]), b), [B, n]), `${build} ${dtype} vector @ batch`);
      }
    }
  });
});

test('transpose flags with an unbatched operand equal the explicit broadcast bit for bit', () => {
  const B = 3, m = 5, k = 4, n = 6;
  for (const dtype of ['float32', 'float64'] as const) {
    const aT = arr([k, m], 7, dtype), b = arr([B, k, n], 8, dtype);
    sameBits(bindMatmul(aT, b, { ta: true, tb: false }), bindMatmul(np.broadcastTo(aT, [B, k, m]), b, { ta: true, tb: false }), `${dtype} ta, a shared`);
    const a = arr([B, m, k], 9, dtype), bT = arr([n, k], 10, dtype);
    sameBits(bindMatmul(a, bT, { ta: false, tb: true }), bindMatmul(a, np.broadcastTo(bT, [B, n, k]), { ta: false, tb: true }), `${dtype} tb, b shared`);
  }
});

test('matmul gradients with an unbatched operand match finite differences (float64, both operands, with transpose flags)', () => {
  const B = 3, m = 4, k = 3, n = 2;
  const A2 = f64(valuesFor([m, k], -1, 1, 11), [m, k]), B3 = f64(valuesFor([B, k, n], -1, 1, 12), [B, k, n]);
  const A3 = f64(valuesFor([B, m, k], -1, 1, 13), [B, m, k]), B2 = f64(valuesFor([k, n], -1, 1, 14), [k, n]);
  checkGrad((a) => weighted(np.matmul(a, B3)), A2, 'shared a (summed over the batch)');
  checkGrad((b) => weighted(np.matmul(A2, b)), B3, 'batched b against shared a');
  checkGrad((b) => weighted(np.matmul(A3, b)), B2, 'shared b (one flattened product)');
  checkGrad((a) => weighted(np.matmul(a, B2)), A3, 'batched a against shared b');
  checkGrad((b) => weighted(np.matmul(np.reshape(A3, [1, B, m, k]), b)), B2, 'shared b, two batch dims');
  const AT = f64(valuesFor([k, m], -1, 1, 15), [k, m]), BT = f64(valuesFor([n, k], -1, 1, 16), [n, k]);
  checkGrad((a) => weighted(bindMatmul(a, B3, { ta: true, tb: false })), AT, 'shared a read transposed');
  checkGrad((b) => weighted(bindMatmul(A3, b, { ta: false, tb: true })), BT, 'shared b read transposed');
  checkGrad((a) => weighted(bindMatmul(a, B2, { ta: true, tb: false })), f64(valuesFor([B, k, m], -1, 1, 17), [B, k, m]), 'batched a transposed, shared b');
  // second derivative through the summed cotangent
  const h = (a: Tensor) => np.sum(np.square(grad((x: Tensor) => weighted(np.matmul(x, B3)))(a) as Tensor));
  checkGrad((a) => np.add(h(a), weighted(np.matmul(np.square(a), B3))), A2, 'second order, shared a', 1e-5);
});

// kernel paths: short rows, rows of >= 16 contiguous in both operands, an operand constant along
// long rows, more than three dims after collapsing (staged broadcast), and empty outputs
const BCAST: [number[], number[]][] = [[[4, 150, 3], [4, 1, 3]], [[3, 1], [1, 4]], [[], [5]], [[2, 3], [4, 2, 3]], [[6, 1, 2], [5, 1]],
  [[3, 40], [40]], [[3, 1], [3, 40]], [[2, 1, 3, 1, 5], [1, 4, 1, 6, 1]], [[0, 3], [3]]];
const OPS = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'power', 'arctan2'] as const;

test('float binary ops with broadcast operands give the bits of the explicit broadcast (values and gradients, both builds)', async () => {
  await eachBuild((build) => {
    for (const dtype of ['float32', 'float64'] as const) {
      for (const [sa, sb] of BCAST) {
        const out = broadcastShapes(sa, sb);
        for (const op of OPS) {
          const lo = op === 'power' ? 0.5 : -2;
          const av = valuesFor(sa, lo, 2, 21), bv = valuesFor(sb, -2, 2, 22);
          const a = new Tensor(dtype === 'float32' ? new Float32Array(av) : new Float64Array(av), sa);
          const b = new Tensor(dtype === 'float32' ? new Float32Array(bv) : new Float64Array(bv), sb);
          const f = np[op] as (x: Tensor, y: Tensor) => Tensor;
          const what = `${build} ${dtype} ${op} [${sa}] [${sb}]`;
          sameBits(f(a, b), f(np.broadcastTo(a, out), np.broadcastTo(b, out)), what);
          const direct = grad((x: Tensor, y: Tensor) => weighted(f(x, y)), { argnums: [0, 1] })(a, b) as Tensor[];
          const composed = grad((x: Tensor, y: Tensor) => weighted(f(np.broadcastTo(x, out), np.broadcastTo(y, out))), { argnums: [0, 1] })(a, b) as Tensor[];
          sameBits(direct[0], composed[0], `${what}: d/da`);
          sameBits(direct[1], composed[1], `${what}: d/db`);
        }
      }
    }
  });
});

test('binary ops with broadcast operands: finite differences, weak scalars, integers and shape errors', () => {
  const a = f64(valuesFor([3, 1, 2], 0.5, 2, 31), [3, 1, 2]), b = f64(valuesFor([4, 1], 0.5, 2, 32), [4, 1]);
  checkGrad((x) => weighted(np.multiply(np.divide(x, b), np.subtract(x, b))), a, 'd/da of (a / b)(a - b)');
  checkGrad((y) => weighted(np.power(a, np.add(y, a))), b, 'd/db of a^(b + a)');
  assert.deepEqual(Array.from(np.add(f64([1, 2], [2]), 1).data() as Float64Array), [2, 3]);
  assert.deepEqual(Array.from(np.multiply(2, np.array([1, 2], 'float32')).data() as Float32Array), [2, 4]);
  const ints = np.add(np.array([[1], [2]], 'int32'), np.array([10, 20, 30], 'int32'));
  assert.equal(ints.dtype, 'int32');
  assert.deepEqual(Array.from(ints.data() as Int32Array), [11, 21, 31, 12, 22, 32]);
  assert.throws(() => np.add(np.zeros([2, 3]), np.zeros([4])), /add: operands/);
  assert.throws(() => np.matmul(np.zeros([2, 3]), np.zeros([5, 4, 2])), /do not align/);
});

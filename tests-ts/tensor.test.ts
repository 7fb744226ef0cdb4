import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, random, Tensor } from '../wrapper/index.ts';

describe('Tensor', () => {
  before(() => init());

  it('exposes shape, dtype, size and ndim', () => {
    const t = random.normal(random.key(0), [2, 3]);
    assert.deepEqual(t.shape, [2, 3]);
    assert.equal(t.dtype, 'float32');
    assert.equal(t.size, 6);
    assert.equal(t.ndim, 2);
  });

  it('hands out copies from data(), so it cannot be mutated', () => {
    const t = new Tensor(new Float32Array([1, 2]), [2]);
    const d = t.data();
    d[0] = 99;
    assert.equal(t.data()[0], 1);
  });

  it('converts to nested arrays and scalars', () => {
    const t = new Tensor(new Int32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    assert.deepEqual(t.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.equal(new Tensor(new Float64Array([2.5]), []).toArray(), 2.5);
    assert.deepEqual(new Tensor(new Uint8Array([1, 0]), [2]).toArray(), [true, false]);
    assert.deepEqual(new Tensor(new Float32Array(0), [0, 3]).toArray(), []);
  });

  it('returns the single element from item() and refuses larger tensors', () => {
    assert.equal(new Tensor(new Float32Array([4]), [1, 1]).item(), 4);
    assert.equal(new Tensor(new Uint8Array([1]), []).item(), true);
    assert.throws(() => new Tensor(new Float32Array(2), [2]).item(), /one element.*shape \[2\]/);
  });

  it('iterates over axis 0 so keys destructure', () => {
    const [a, b, c] = random.split(random.key(1), 3);
    assert.deepEqual(a.shape, [2]);
    assert.deepEqual([a, b, c].map((k) => k.toArray()), random.split(random.key(1), 3).toArray());
    assert.throws(() => [...new Tensor(new Float32Array([1]), [])], /0-d/);
    assert.deepEqual(random.split(random.key(1), 3).at(-1).toArray(), c.toArray());
    assert.throws(() => random.split(random.key(1), 3).at(3), /out of bounds for axis 0 of size 3/);
  });

  it('prints like a JAX array', () => {
    assert.equal(String(new Tensor(new Float32Array([4, 4]), [2])), 'Array([4., 4.], dtype=float32)');
    assert.equal(String(random.normal(random.key(0))), 'Array(-0.20584226, dtype=float32)');
    assert.equal(String(random.normal(random.key(0), [5])),
      'Array([ 0.18784384, -1.2833426 , -0.2710917 ,  1.2490594 ,  0.24447003], dtype=float32)');
    assert.equal(String(random.split(random.key(0))),
      'Array([[4146024105,  967050713],\n       [2718843009, 1272950319]], dtype=uint32)');
    assert.equal(String(new Tensor(new Uint8Array([1, 0]), [2])), 'Array([ True, False], dtype=bool)');
    assert.equal(String(new Tensor(new Float32Array([1e-5, 1]), [2])), 'Array([1.e-05, 1.e+00], dtype=float32)');
    assert.equal(String(new Tensor(new Float32Array([NaN, Infinity, -1]), [3])), 'Array([nan, inf, -1.], dtype=float32)');
    assert.equal(String(new Tensor(new Float32Array([1.5, NaN, 100]), [3])), 'Array([  1.5,   nan, 100. ], dtype=float32)');
    assert.match(String(random.uniform(random.key(0), [2000])), /^Array\(\[0\.\d+ *, [^\n]+\.\.\., [^\n]+\], dtype=float32\)$/);
  });

  it('checks its construction arguments', () => {
    assert.throws(() => new Tensor(new Float32Array(3), [2]), /3 elements but shape \[2\] needs 2/);
    assert.throws(() => new Tensor(new Float32Array(2), [2], 'int32'), /Float32Array.*not dtype 'int32'/);
    assert.throws(() => new Tensor(new Float32Array(2), [-2] as never), /non-negative integer/);
  });
});

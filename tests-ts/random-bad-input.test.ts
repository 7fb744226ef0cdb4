// Bad input gets a clear Error naming the argument, and never reaches the wasm core.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, random, Tensor } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';

describe('random rejects bad input with errors that name the argument', () => {
  before(() => init());
  const k = () => random.key(0);

  it('non-integer, negative and oversized shapes', () => {
    assert.throws(() => random.normal(k(), [2.5]), /normal: shape\[0\] must be a non-negative integer; got 2.5/);
    assert.throws(() => random.uniform(k(), [3, -1]), /uniform: shape\[1\] must be a non-negative integer; got -1/);
    assert.throws(() => random.bits(k(), 'abc' as never), /bits: shape must be a non-negative integer or an array/);
    assert.throws(() => random.normal(k(), [2 ** 20, 2 ** 20]), /shape .* has 1099511627776 elements; at most/);
    assert.throws(() => random.split(k(), -1), /num\[0\] must be a non-negative integer/);
  });

  it('keys of the wrong shape, dtype or range', () => {
    assert.throws(() => random.normal([1, 2, 3] as never), /key must have exactly 2 words/);
    assert.throws(() => random.normal(random.split(k(), 3)), /single PRNG key.*shape \[3, 2\].*key array/);
    assert.throws(() => random.normal(new Tensor(new Float32Array(2), [2])), /uint32 tensor of shape \[2\]; got a float32 tensor/);
    assert.throws(() => random.normal([0, 2 ** 32]), /key\[1\] must be an integer in \[0, 2\^32\)/);
    assert.throws(() => random.normal([0.5, 1]), /key\[0\] must be an integer/);
    assert.throws(() => random.normal(42 as never), /key must be a PRNG key/);
    assert.throws(() => random.split([1, 2, 3] as never), /key must have exactly 2 words/);
  });

  it('bad bounds: minval >= maxval, non-finite or non-numeric bounds', () => {
    assert.throws(() => random.uniform(k(), [2], 'float32', 1, 1), /uniform: minval must be less than maxval; got minval=1, maxval=1/);
    assert.throws(() => random.uniform(k(), { minval: 3, maxval: -3 }), /minval must be less than maxval/);
    assert.throws(() => random.uniform(k(), [2], 'float32', NaN, 1), /uniform: minval must be a finite number; got NaN/);
    assert.throws(() => random.uniform(k(), [2], 'float32', 0, Infinity), /maxval must be a finite number/);
    assert.throws(() => random.uniform(k(), [2], 'float32', -3e38, 3e38), /maxval - minval overflows float32/);
  });

  it('unknown dtypes and options', () => {
    assert.throws(() => random.normal(k(), [2], 'int32' as never), /normal: dtype must be one of 'float32', 'float64'; got 'int32'/);
    assert.throws(() => random.uniform(k(), [2], 'float16' as never), /uniform: dtype must be one of/);
    assert.throws(() => random.bits(k(), [2], 'uint8' as never), /bits: dtype must be one of 'uint32'; got 'uint8'/);
    assert.throws(() => random.normal(k(), { shape: [2], dtyp: 'float32' } as never), /normal: unknown option 'dtyp'/);
    assert.throws(() => random.uniform(k(), [2], { shape: [3] } as never), /shape was given both positionally and in the options object/);
    assert.throws(() => (random.normal as any)(k(), [2], 'float32', 5), /too many arguments/);
  });

  it('bad seeds and fold-in data', () => {
    assert.throws(() => random.key(1.5), /seed must be an integer/);
    assert.throws(() => random.key(2 ** 60), /seed must be an integer \(a safe-integer number or a bigint\)/);
    assert.throws(() => random.key(2n ** 64n), /seed must be in \[-2\^63, 2\^64\)/);
    assert.throws(() => random.key('1' as never), /seed must be an integer/);
    assert.throws(() => random.foldIn(k(), 2 ** 32), /data must be an integer in \[-2\^31, 2\^32\)/);
    assert.throws(() => random.foldIn(k(), 0.5), /data must be an integer/);
  });

  it('leaves the core usable and its workspace empty after every error', () => {
    const { ws } = core();
    assert.throws(() => random.uniform(k(), [10], 'float32', 2, 1));
    assert.equal(ws.used, 0);
    assert.equal(random.normal(k()).item(), Math.fround(-0.20584226));
  });

  it('accepts empty shapes and returns empty tensors', () => {
    assert.deepEqual(random.normal(k(), [0, 3]).shape, [0, 3]);
    assert.equal(random.uniform(k(), [0], 'float64').size, 0);
    assert.deepEqual(random.split(k(), 0).shape, [0, 2]);
  });

  it('accepts seeds up to 2^64 as bigints, like JAX', () => {
    assert.deepEqual(random.key(2n ** 64n - 1n).toArray(), [0, 4294967295]);
    assert.deepEqual(random.key(-(2n ** 63n)).toArray(), [0, 0]);
  });
});

// Every published value in shared/golden/prng.json (copied to fixtures/golden), reproduced
// exactly on both builds of the core and in both Threefry layouts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { init, backend, config, random, Tensor } from '../wrapper/index.ts';
import { fixture, f32hex, BUILDS } from './helpers.ts';

const golden = fixture('golden/prng.json');
const entry = (section: string, call: string): any => {
  const e = golden[section].find((x: any) => x.call === call);
  assert.ok(e, `golden entry ${section}: ${call}`);
  return e;
};
const words = (t: Tensor) => t.toArray();
const hexes = (t: Tensor) => Array.from(t.data() as Float32Array, f32hex);

for (const build of BUILDS) {
  describe(`golden PRNG values on ${build.name}`, () => {
    before(async () => {
      await init({ simd: build.simd });
      assert.equal(backend(), build.name);
    });

    it('reproduces the Random123 Threefry-2x32-20 known answers', async () => {
      const { core } = await import('../wrapper/runtime/core.ts');
      const { ex, ws } = core();
      for (const ka of golden.threefry2x32_20_known_answers) {
        const [k0, k1, x0, x1] = [...ka.key, ...ka.counter].map((h: string) => parseInt(h, 16));
        const out = ws.scoped(() => { const p = ws.alloc(8); ex.threefry2x32(k0, k1, x0, x1, p); return Array.from(ws.u32(p, 2)); });
        assert.deepEqual(out.map((w) => '0x' + w.toString(16).padStart(8, '0')), ka.out);
      }
    });

    it('seeds keys like JAX in x32 and x64 modes', () => {
      for (const s of golden.prngkey_seeding) {
        assert.deepEqual(words(random.PRNGKey(s.seed)), s.x32, `PRNGKey(${s.seed}) x32`);
        config.update('jax_enable_x64', true);
        try {
          assert.deepEqual(words(random.PRNGKey(s.seed)), s.x64, `PRNGKey(${s.seed}) x64`);
          assert.deepEqual(words(random.key(BigInt(s.seed))), s.x64);
        } finally {
          config.update('jax_enable_x64', false);
        }
      }
    });

    describe('classic layout (the default)', () => {
      it('walks through the reference document: keys, splits and normals', () => {
        const w = golden.reference_documents_walkthrough_classic;
        const k0 = random.PRNGKey(0);
        assert.deepEqual(words(random.split(k0)), w[0].keys);
        assert.equal(f32hex(random.normal(k0).item() as number), w[1].bits);
        assert.deepEqual(random.normal(k0, [1]).toArray(), w[2].value.map(Math.fround));
        assert.equal(random.normal([4146024105, 967050713]).item(), Math.fround(w[3].value));
        assert.equal(random.normal([2718843009, 1272950319]).item(), Math.fround(w[4].value));
        assert.deepEqual(words(random.split([4146024105, 967050713])), w[5].keys);
        assert.deepEqual(random.normal([1278412471, 2182328957], [1]).toArray(), w[6].value.map(Math.fround));
        const ks = [...random.split([2384771982, 3928867769], 4)].slice(1);
        assert.deepEqual(ks.map((k) => random.normal(k, [1]).item()), w[7].value.map(Math.fround));
      });

      it('matches split, foldIn, bits, uniform and normal', () => {
        assert.deepEqual(words(random.split(random.PRNGKey(1), 3)), entry('classic', 'split(PRNGKey(1), 3)').keys);
        assert.deepEqual(words(random.split(random.PRNGKey(0), [2, 2])), entry('classic', 'split(PRNGKey(0), [2, 2])').keys);
        assert.deepEqual(words(random.foldIn(random.PRNGKey(0), 5)), entry('classic', 'foldIn(PRNGKey(0), 5)').key);
        assert.equal(random.bits(random.PRNGKey(0)).item(), entry('classic', 'bits(PRNGKey(0), [], uint32)').value);
        assert.deepEqual(words(random.bits(random.PRNGKey(0), [3])), entry('classic', 'bits(PRNGKey(0), [3], uint32)').value);
        assert.deepEqual(words(random.bits(random.PRNGKey(0), [2, 3])), entry('classic', 'bits(PRNGKey(0), [2, 3], uint32)').value);
        assert.deepEqual(hexes(random.uniform(random.PRNGKey(0), [3])), entry('classic', 'uniform(PRNGKey(0), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(7), [3])), entry('classic', 'normal(PRNGKey(7), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(0), [5])), entry('classic', 'normal(PRNGKey(0), [5])').bits);
      });
    });

    describe('partitionable layout', () => {
      before(() => config.update('jax_threefry_partitionable', true));
      after(() => config.update('jax_threefry_partitionable', false));

      it('matches split, foldIn, bits, uniform and normal', () => {
        assert.deepEqual(words(random.split(random.PRNGKey(1), 3)), entry('partitionable', 'split(PRNGKey(1), 3)').keys);
        assert.deepEqual(words(random.split(random.PRNGKey(0), [2, 2])), entry('partitionable', 'split(PRNGKey(0), [2, 2])').keys);
        assert.deepEqual(words(random.foldIn(random.PRNGKey(0), 5)), entry('partitionable', 'foldIn(PRNGKey(0), 5)').key);
        assert.equal(random.bits(random.PRNGKey(0)).item(), entry('partitionable', 'bits(PRNGKey(0), [], uint32)').value);
        assert.deepEqual(words(random.bits(random.PRNGKey(0), [2, 3])), entry('partitionable', 'bits(PRNGKey(0), [2, 3], uint32)').value);
        assert.deepEqual(hexes(random.uniform(random.PRNGKey(0), [3])), entry('partitionable', 'uniform(PRNGKey(0), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(7), [3])), entry('partitionable', 'normal(PRNGKey(7), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(0), [5])), entry('partitionable', 'normal(PRNGKey(0), [5])').bits);
      });

      it('matches the values PRNG-NOTES cites for XLA fused multiply-adds', () => {
        // normal(key(1), (16,))[4] = 1.2666674 needs the FMA (1.2666672 without it)
        assert.equal(random.normal(random.key(1), [16]).data()[4], Math.fround(1.2666674));
      });

      it('gives prefix-stable draws (element i does not depend on the shape)', () => {
        const a = random.normal(random.key(3), [7]).data();
        const b = random.normal(random.key(3), [1000]).data();
        assert.deepEqual(Array.from(b.slice(0, 7)), Array.from(a));
      });
    });

    it('lets a key pin its layout regardless of the global switch', () => {
      const pinned = random.key(0, { partitionable: true });
      assert.deepEqual(hexes(random.normal(pinned, [5])), entry('partitionable', 'normal(PRNGKey(0), [5])').bits);
      // splits and folds of a pinned key stay pinned
      const [k1] = random.split(pinned);
      assert.deepEqual(words(k1), entry('partitionable', 'split(PRNGKey(0), [2, 2])').keys[0][0]);
      config.update('jax_threefry_partitionable', true);
      try {
        const expected = hexes(random.normal(random.split(random.key(0)).at(0), [4]));
        config.update('jax_threefry_partitionable', false);
        assert.deepEqual(hexes(random.normal(k1, [4])), expected);
        assert.deepEqual(hexes(random.normal(random.key(0, { partitionable: false }), [5])), entry('classic', 'normal(PRNGKey(0), [5])').bits);
      } finally {
        config.update('jax_threefry_partitionable', false);
      }
    });

    it('makes classic draws depend on the total size, as JAX does', () => {
      const five = random.normal(random.key(0), [5]).data();
      const six = random.normal(random.key(0), [6]).data();
      assert.equal(six[0], five[0]); assert.equal(six[1], five[1]);
      assert.equal(six[3], five[3]); assert.equal(six[4], five[4]);
      assert.notEqual(six[2], five[2]);
    });
  });
}

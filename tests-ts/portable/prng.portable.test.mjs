// Runtime-portable PRNG checks against the built package (dist/index.js, the default entry
// with both wasm builds inlined). This one file runs unchanged under
//   node --test tests-ts/portable/prng.portable.test.mjs
//   deno test --allow-read --no-check tests-ts/portable/prng.portable.test.mjs
//   bun test ./tests-ts/portable/prng.portable.test.mjs
// (scripts/test-deno.mjs runs node and deno, scripts/test-bun.mjs runs bun).
//
// Portability rules it keeps: only `node:test` (flat top-level `test`, no hooks or
// subtests, whose semantics differ between the three runners), `node:assert/strict` and
// `node:fs`; the golden JSON comes in through an import attribute, which all three accept.
// The library's state (current build, layout switch) is global, so every test selects
// the build and layout it needs itself and restores the layout in `finally`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import golden from '../fixtures/golden/prng.json' with { type: 'json' };
import * as probasm from '../../dist/index.js';
import { modelSample } from './golden-sample.mjs';
import { checkModel } from './model-check.mjs';
const { init, backend, random, config, Tensor } = probasm;

const BUILDS = [
  { simd: true, name: 'wasm-simd', wasm: 'probasm.simd.wasm' },
  { simd: false, name: 'wasm-scalar', wasm: 'probasm.scalar.wasm' },
];
const LAYOUTS = [
  { section: 'classic', partitionable: false },
  { section: 'partitionable', partitionable: true },
];

/** float32 bit pattern of a number, as '0x3f800000'. */
function f32hex(x) {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, x);
  return '0x' + v.getUint32(0).toString(16).padStart(8, '0');
}
const hex32 = (w) => '0x' + (w >>> 0).toString(16).padStart(8, '0');
const hexes = (t) => Array.from(t.data(), f32hex);
const entry = (section, call) => {
  const e = golden[section].find((x) => x.call === call);
  assert.ok(e, `golden entry ${section}: ${call}`);
  return e;
};

async function use(build) {
  await init({ simd: build.simd });
  assert.equal(backend(), build.name);
}
function withLayout(partitionable, fn) {
  config.update('jax_threefry_partitionable', partitionable);
  try { return fn(); } finally { config.update('jax_threefry_partitionable', false); }
}

for (const build of BUILDS) {
  test(`${build.name}: init({ simd: ${build.simd} }) selects the ${build.name} build`, async () => {
    await init({ simd: build.simd });
    assert.equal(backend(), build.name);
  });

  test(`${build.name}: the shipped core reproduces the Random123 Threefry-2x32-20 known answers`, async () => {
    // The raw export, straight from dist/*.wasm (it instantiates with an empty import object).
    const bytes = readFileSync(new URL(`../../dist/${build.wasm}`, import.meta.url));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    const ex = instance.exports;
    assert.equal(ex.simdBuild(), build.simd ? 1 : 0);
    const out = (ex.heapBase() + 15) & ~15;
    for (const ka of golden.threefry2x32_20_known_answers) {
      const [k0, k1, x0, x1] = [...ka.key, ...ka.counter].map((h) => parseInt(h, 16));
      ex.threefry2x32(k0, k1, x0, x1, out);
      const got = Array.from(new Uint32Array(ex.memory.buffer, out, 2), hex32);
      assert.deepEqual(got, ka.out, `threefry2x32 key ${ka.key} counter ${ka.counter}`);
    }
    // init({ module: bytes }) recognises which build it was given.
    await init({ module: bytes });
    assert.equal(backend(), build.name);
    await use(build);
  });

  test(`${build.name}: PRNGKey seeds like JAX (x32)`, async () => {
    await use(build);
    for (const s of golden.prngkey_seeding) {
      assert.deepEqual(random.PRNGKey(s.seed).toArray(), s.x32, `PRNGKey(${s.seed})`);
    }
    assert.deepEqual(random.key(0).toArray(), [0, 0]);
  });

  test(`${build.name}: classic layout reproduces the reference walkthrough`, async () => {
    await use(build);
    withLayout(false, () => {
      const w = golden.reference_documents_walkthrough_classic;
      const k0 = random.PRNGKey(0);
      assert.deepEqual(random.split(k0).toArray(), w[0].keys);
      assert.equal(f32hex(random.normal(k0).item()), w[1].bits);
      assert.deepEqual(random.normal(k0, [1]).toArray(), w[2].value.map(Math.fround));
      assert.equal(random.normal([4146024105, 967050713]).item(), Math.fround(w[3].value));
      assert.equal(random.normal([2718843009, 1272950319]).item(), Math.fround(w[4].value));
      assert.deepEqual(random.split([4146024105, 967050713]).toArray(), w[5].keys);
      assert.deepEqual(random.normal([1278412471, 2182328957], [1]).toArray(), w[6].value.map(Math.fround));
      const ks = [...random.split([2384771982, 3928867769], 4)].slice(1);
      assert.deepEqual(ks.map((k) => random.normal(k, [1]).item()), w[7].value.map(Math.fround));
    });
  });

  for (const layout of LAYOUTS) {
    const s = layout.section;
    test(`${build.name}, ${s} layout: split and foldIn give JAX's keys`, async () => {
      await use(build);
      withLayout(layout.partitionable, () => {
        const k3 = random.split(random.PRNGKey(1), 3);
        assert.ok(k3 instanceof Tensor);
        assert.deepEqual(k3.shape, [3, 2]);
        assert.deepEqual(k3.toArray(), entry(s, 'split(PRNGKey(1), 3)').keys);
        const k22 = random.split(random.PRNGKey(0), [2, 2]);
        assert.deepEqual(k22.shape, [2, 2, 2]);
        assert.deepEqual(k22.toArray(), entry(s, 'split(PRNGKey(0), [2, 2])').keys);
        assert.deepEqual(random.foldIn(random.PRNGKey(0), 5).toArray(), entry(s, 'foldIn(PRNGKey(0), 5)').key);
      });
    });

    test(`${build.name}, ${s} layout: bits give JAX's uint32 words`, async () => {
      await use(build);
      withLayout(layout.partitionable, () => {
        assert.equal(random.bits(random.PRNGKey(0)).item(), entry(s, 'bits(PRNGKey(0), [], uint32)').value);
        const b23 = random.bits(random.PRNGKey(0), [2, 3]);
        assert.deepEqual(b23.shape, [2, 3]);
        assert.ok(b23.data() instanceof Uint32Array);
        assert.deepEqual(b23.toArray(), entry(s, 'bits(PRNGKey(0), [2, 3], uint32)').value);
        if (!layout.partitionable) {
          assert.deepEqual(random.bits(random.PRNGKey(0), [3]).toArray(), entry(s, 'bits(PRNGKey(0), [3], uint32)').value);
        }
      });
    });

    test(`${build.name}, ${s} layout: uniform and normal give JAX's float32 bits`, async () => {
      await use(build);
      withLayout(layout.partitionable, () => {
        const u = random.uniform(random.PRNGKey(0), [3]);
        assert.equal(u.dtype, 'float32');
        assert.ok(u.data() instanceof Float32Array);
        assert.deepEqual(hexes(u), entry(s, 'uniform(PRNGKey(0), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(7), [3])), entry(s, 'normal(PRNGKey(7), [3])').bits);
        assert.deepEqual(hexes(random.normal(random.PRNGKey(0), [5])), entry(s, 'normal(PRNGKey(0), [5])').bits);
        const n = random.normal(random.PRNGKey(7), [3]);
        assert.deepEqual(n.shape, [3]);
        assert.equal(typeof String(n), 'string');
      });
    });
  }

  test(`${build.name}: split keys destructure and iterate`, async () => {
    await use(build);
    withLayout(false, () => {
      const [k1, k2] = random.split(random.PRNGKey(0));
      assert.ok(k1 instanceof Tensor && k2 instanceof Tensor);
      assert.deepEqual(k1.shape, [2]);
      assert.deepEqual([k1.toArray(), k2.toArray()], golden.reference_documents_walkthrough_classic[0].keys);
      const [a, b, c] = random.split(random.PRNGKey(1), 3);
      assert.deepEqual([a, b, c].map((k) => k.toArray()), entry('classic', 'split(PRNGKey(1), 3)').keys);
      let n = 0;
      for (const k of random.split(random.PRNGKey(1), 4)) { assert.deepEqual(k.shape, [2]); n++; }
      assert.equal(n, 4);
      // a destructured key is a key: normal(k1) is the reference document's 0.14389051
      assert.equal(random.normal(k1).item(), Math.fround(golden.reference_documents_walkthrough_classic[3].value));
    });
  });
}

for (const layout of LAYOUTS) {
  test(`SIMD and scalar builds give identical bits for normal(key, [100003]) (${layout.section} layout)`, async () => {
    const draw = () => withLayout(layout.partitionable, () => {
      const d = random.normal(random.key(42), [100003]).data(); // a copy
      assert.ok(d instanceof Float32Array);
      assert.equal(d.length, 100003);
      return new Uint32Array(d.buffer, d.byteOffset, d.length);
    });
    await use(BUILDS[0]);
    const simd = draw();
    await use(BUILDS[1]);
    const scalar = draw();
    let first = -1;
    for (let i = 0; i < simd.length; i++) if (simd[i] !== scalar[i]) { first = i; break; }
    assert.equal(first, -1, first < 0 ? '' : `first difference at ${first}: ${hex32(simd[first])} vs ${hex32(scalar[first])}`);
    // and the draw is not degenerate
    assert.notEqual(simd[0], simd[1]);
  });
}

test('the model layer works in this runtime: distributions, bijectors, grad, joint distributions, NUTS', async () => {
  await init({ simd: true });
  const t = {
    ok: (v, name) => { assert.ok(v, name); return v; },
    equal: (a, b, name) => assert.deepEqual(a, b, name),
  };
  checkModel(t, modelSample(probasm), 'portable');
});

// The relaxed-SIMD samplers (assembly/relaxed/, wrapper/runtime/relaxed.ts): normal,
// exponential and gumbel,
// bit-identical to the exact float32 kernel on every input it can see, attached only to the
// SIMD build, and switchable with init({ relaxedSimd }). scripts/test-node.mjs runs this
// suite with relaxed SIMD enabled (a V8 flag before Node 22), so it runs on every CI node.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { init, random, config } from '../wrapper/index.ts';
import { core, relaxedKernels } from '../wrapper/runtime/core.ts';
import { relaxedSimdSupported, verifyRelaxed, type RelaxedExports } from '../wrapper/runtime/relaxed.ts';
import golden from './fixtures/golden/prng.json' with { type: 'json' };

// Node < 22 needs the V8 flag for relaxed SIMD (scripts/test-node.mjs passes it to this
// process); the child processes below get it the same way.
const relaxedFlag = Number(process.versions.node.split('.')[0]) < 22;
const bind = (r: RelaxedExports): RelaxedExports => ({
  relaxedTableBytes: () => r.relaxedTableBytes(), relaxedInit: (t) => r.relaxedInit(t), relaxedFused: () => r.relaxedFused(),
  normalF32Relaxed: (i, o, n, t) => r.normalF32Relaxed(i, o, n, t),
  exponentialF32Relaxed: (i, o, n, t) => r.exponentialF32Relaxed(i, o, n, t),
  gumbelF32Relaxed: (i, o, n, t) => r.gumbelF32Relaxed(i, o, n, t),
});
const KERNELS = [['normal', 'normalF32', 'normalF32Relaxed'], ['exponential', 'exponentialF32', 'exponentialF32Relaxed'],
  ['gumbel', 'gumbelF32', 'gumbelF32Relaxed']] as const;
const bitsOf = (a: Float32Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length);

describe('relaxed-SIMD samplers', () => {
  before(async () => {
    assert.ok(relaxedSimdSupported(), 'this runtime must validate relaxed SIMD (scripts/test-node.mjs passes the V8 flag)');
    await init({ simd: true, relaxedSimd: true });
  });
  after(() => init({ simd: true }));

  it('attaches to the SIMD build on an engine that fuses relaxed_madd', () => {
    const rk = core().relaxed;
    assert.ok(rk, 'relaxed kernels attached (x86-64 with FMA3 or ARM64)');
    assert.equal(rk.ex.relaxedFused(), 1);
  });

  for (const [kind, exact, relaxed] of KERNELS) {
    it(`${kind}: gives the exact kernel's bits on all 2^23 inputs the sampler reads`, () => {
      const { ex, ws } = core();
      const rk = core().relaxed!;
      const N = 1 << 23;
      ws.scoped(() => {
        const inp = ws.alloc(4 * N), a = ws.alloc(4 * N), b = ws.alloc(4 * N);
        const w = new Uint32Array(ex.memory.buffer, inp, N);
        for (let k = 0; k < N; k++) w[k] = ((k << 9) | (k & 511)) >>> 0; // every 23-bit mantissa once, junk low bits
        ex[exact](inp, a, N);
        assert.equal(rk.ex[relaxed](inp, b, N, rk.tbl), N);
        const x = new Uint32Array(ex.memory.buffer, a, N), y = new Uint32Array(ex.memory.buffer, b, N);
        let bad = 0, first = -1;
        for (let k = 0; k < N; k++) if (x[k] !== y[k]) { if (first < 0) first = k; bad++; }
        assert.equal(bad, 0, `mismatches: ${bad}, first at mantissa ${first}`);
      });
    });
  }

  for (const tier of ['--liftoff-only', '--no-liftoff']) {
    it(`every sampler gives the exact kernel's bits on all 2^23 inputs with V8's ${tier === '--liftoff-only' ? 'baseline (Liftoff)' : 'optimizing (TurboFan)'} compiler only`, () => {
      const flags = relaxedFlag ? ['--experimental-wasm-relaxed-simd'] : [];
      const r = spawnSync(process.execPath, [...flags, tier, '--import', 'tsx', 'tests-ts/fixtures/random/relaxed_exhaustive.ts'],
        { encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      assert.deepEqual(out, { attached: true, fused: 1, mismatches: { normal: 0, exponential: 0, gumbel: 0 }, calls: 96 });
    });
  }

  it('random.normal, random.exponential and random.gumbel are the same with and without it, tails included', async () => {
    const key = random.key(123);
    for (const sample of [random.normal, random.exponential, random.gumbel]) {
      for (const n of [0, 1, 3, 4, 5, 255, 256, 257, 1023, 100_003]) {
        await init({ relaxedSimd: true });
        assert.ok(relaxedKernels(core()), 'on');
        const on = sample(key, [n]).data() as Float32Array;
        await init({ relaxedSimd: false });
        assert.equal(relaxedKernels(core()), null, 'off');
        const off = sample(key, [n]).data() as Float32Array;
        assert.deepEqual(bitsOf(on), bitsOf(off), `${sample.name}, n = ${n}`);
      }
    }
    await init({ relaxedSimd: true });
  });

  it('reproduces the golden normal values of both Threefry layouts (FMA-sensitive ones included)', () => {
    assert.ok(relaxedKernels(core()));
    const g = golden as unknown as Record<'classic' | 'partitionable', { call: string; bits?: string[] }[]>;
    let checked = 0;
    for (const mode of ['classic', 'partitionable'] as const) {
      config.update('jax_threefry_partitionable', mode === 'partitionable');
      try {
        for (const e of g[mode]) {
          const m = /^normal\(PRNGKey\((\d+)\), \[(\d+)\]\)$/.exec(e.call);
          if (!m || !e.bits) continue;
          const z = random.normal(random.PRNGKey(Number(m[1])), [Number(m[2])]).data() as Float32Array;
          assert.deepEqual(Array.from(bitsOf(z)), e.bits.map((h) => Number(h)), `${mode} ${e.call}`);
          checked++;
        }
      } finally {
        config.update('jax_threefry_partitionable', false);
      }
    }
    assert.ok(checked >= 4, `golden normal entries checked: ${checked}`);
  });

  it('is refused (falling back to the exact kernel) when relaxed_madd is unfused or the check set disagrees', () => {
    const { ex, ws } = core();
    const real = core().relaxed!.ex;
    const before = ws.persistentBytes;
    const unfused: RelaxedExports = { ...bind(real), relaxedFused: () => 0 };
    assert.equal(verifyRelaxed(unfused, ex, ws), null);
    // a kernel one ulp off in a single lane, as an unfused multiply-add would be somewhere
    const offByOne: RelaxedExports = {
      ...bind(real),
      normalF32Relaxed: (inp, out, n, tbl) => {
        const done = real.normalF32Relaxed(inp, out, n, tbl);
        new Uint32Array(ex.memory.buffer, out + 4 * 700, 1)[0] ^= 1;
        return done;
      },
    };
    assert.equal(verifyRelaxed(offByOne, ex, ws), null);
    assert.equal(ws.persistentBytes, before, 'the refused table is freed');
    const ok = verifyRelaxed(bind(real), ex, ws);
    assert.ok(ok && ok.tbl > 0);
    ws.freePersistent(ok.tbl);
    assert.equal(ws.persistentBytes, before);
  });

  it('is never attached to the scalar build, and init rejects a non-boolean relaxedSimd', async () => {
    await init({ simd: false });
    assert.equal(core().relaxed, null);
    assert.equal(relaxedKernels(core()), null);
    await assert.rejects(init({ relaxedSimd: 'yes' as unknown as boolean }), /init: relaxedSimd must be true or false; got yes/);
    await init({ simd: true });
    assert.ok(relaxedKernels(core()), 'back on the SIMD build');
  });
});

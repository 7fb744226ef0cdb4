// Node-side half of golden-sample.mjs: checks what `collect()` returned in another runtime
// (workerd, Chromium) against tests-ts/fixtures/golden/prng.json, one named check per value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { CALLS } from './golden-sample.mjs';
import { checkModel } from './model-check.mjs';

export const golden = JSON.parse(readFileSync(join(ROOT, 'tests-ts/fixtures/golden/prng.json'), 'utf8'));

const expectFor = (section, call) => {
  const e = golden[section].find((x) => x.call === call);
  if (!e) throw new Error(`no golden entry ${section}: ${call}`);
  return e.bits ?? e.keys ?? e.key ?? e.value;
};

/** Adds checks to `t` (a harness Checks) for `out` from collect(); `where` prefixes names. */
export function checkCollected(t, out, { where, defaultBackend = 'wasm-simd' }) {
  t.equal(out.defaultBackend, defaultBackend, `${where}: init() with no arguments selects ${defaultBackend}`);
  for (const build of ['simd', 'scalar']) {
    const r = out[build];
    const name = `wasm-${build}`;
    if (!t.ok(r, `${where}: ${name} results present`)) continue;
    t.equal(r.backend, name, `${where}: init({ simd: ${build === 'simd'} }) -> backend() ${name}`);
    for (const section of ['classic', 'partitionable']) {
      for (const call of CALLS) t.equal(r[section][call], expectFor(section, call), `${where}, ${name}, ${section}: ${call}`);
      // split(PRNGKey(0)): the reference walkthrough (classic); the first row of the [2, 2]
      // split (partitionable draws are prefix-stable)
      const pair = section === 'classic' ? golden.reference_documents_walkthrough_classic[0].keys
        : expectFor(section, 'split(PRNGKey(0), [2, 2])')[0];
      t.equal(r[section].destructured, pair, `${where}, ${name}, ${section}: const [k1, k2] = split(PRNGKey(0)) destructures`);
    }
  }
  t.equal(out.parityFirstDifference, -1, `${where}: SIMD and scalar give identical bits for normal(key, [${out.parityN}])`);
  checkModel(t, out.model, where);
}

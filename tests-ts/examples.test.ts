// The examples are programs users copy: run them and check they print the published numbers.
// They import 'probasm' by name, which resolves to dist/ (npm test builds it first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(file: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('examples', () => {
  it('has a built package to import (run `npm run build` first)', () => {
    assert.ok(existsSync('dist/index.js'), 'dist/index.js is missing');
  });

  it('prng-walkthrough prints the numbers of the reference documents', () => {
    const out = run('examples/prng-walkthrough.ts');
    for (const v of ['-0.20584226', '0.14389051', '-1.2515389', '-0.58665055', '-0.37533438', '0.98645043',
      '0.14553197', '4146024105,  967050713', '1.2490594', '0.9653214', '1.6226422']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
  });

  it('basics prints the DESIGN 9.2 numbers and shapes', () => {
    const out = run('examples/basics.ts');
    for (const v of ['-0.9189385', '-0.20584226', 'event [ 5 ] batch []', 'event [] batch [ 5 ]', 'samples: [ 10, 2, 5 ] -> logProb: [ 10, 2, 5 ]', 'logProb of the same samples: [ 10, 2 ]']) {
      assert.ok(out.includes(v), `missing ${v} in:\n${out}`);
    }
  });

  it('npm run example refuses unknown names with the list of examples', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/run.ts', 'nope'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /names: prng-walkthrough, basics/);
  });
});

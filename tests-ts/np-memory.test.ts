// Memory stays bounded without dispose(): tensors live in JS memory (collected by the GC)
// and every operation releases its wasm workspace, so linear memory stops growing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, np, valueAndGrad, random } from '../wrapper/index.ts';
import { core } from '../wrapper/runtime/core.ts';

describe('memory', () => {
  before(() => init());

  it('stays bounded over 10^6 small gradient evaluations', () => {
    const vg = valueAndGrad((x: any) => np.sum(np.multiply(x, x)));
    const x = np.array([0.5, -1.5]);
    const { ws } = core();
    for (let i = 0; i < 1000; i++) vg(x); // warm-up: the workspace reaches its working size
    const before = ws.memoryBytes;
    let last = 0;
    for (let i = 0; i < 1_000_000; i++) last = vg(x)[1]._data[1];
    assert.equal(last, -3);
    assert.equal(ws.memoryBytes, before, 'wasm linear memory grew');
    assert.equal(ws.used, 0, 'workspace not released');
  });

  it('reuses the same linear memory for repeated large draws', () => {
    const { ws } = core();
    random.normal(random.key(0), [1_000_000]);
    const size = ws.memoryBytes;
    for (let i = 0; i < 20; i++) np.sum(random.normal(random.foldIn(random.key(0), i), [1_000_000]));
    assert.equal(ws.memoryBytes, size);
  });
});

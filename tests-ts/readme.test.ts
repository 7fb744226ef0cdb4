// The README's TypeScript examples must run as written (against the built package).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README examples', () => {
  it('has TypeScript examples', () => assert.ok(blocks.length >= 3));
  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs (${code.split('\n').find((l) => l.trim() && !l.startsWith('import'))?.trim().slice(0, 50)})`, () => {
      const dir = '.tmp/readme';
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/example-${i}.mts`;
      // blocks that do not import init/await it themselves get it added
      const prelude = /await init\(/.test(code) ? '' : "import { init as __init } from 'probasm';\nawait __init();\n";
      writeFileSync(file, prelude + code + '\nexport {};\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 60_000 });
      rmSync(file);
      assert.equal(r.status, 0, `README example ${i + 1} failed:\n${code}\n${r.stderr}`);
    });
  });
});

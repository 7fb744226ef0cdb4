// Type-checks the whole project (wrapper, tests, bench, examples) with tsc: the other
// suites run TypeScript through tsx, which strips types without checking them.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { encoding: 'utf8', timeout: 300_000 });
process.stdout.write(r.stdout ?? '');
process.stderr.write(r.stderr ?? '');
const ok = r.status === 0;
console.log(ok ? 'tsc -p .: no type errors' : 'tsc -p .: type errors above');
console.log(`RESULT passed=${ok ? 1 : 0} failed=${ok ? 0 : 1}`);
process.exit(ok ? 0 : 1);

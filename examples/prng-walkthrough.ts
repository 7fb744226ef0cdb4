// The PRNG walkthrough (DESIGN.md section 9, item 10): keys, splitting, reuse, and
// several keys at once. Every number printed here is the one JAX prints for the same
// calls (the classic Threefry layout, as in the reference documents).
import { init, backend, random } from 'probasm';

export async function main(): Promise<void> {
  await init();
  console.log(`probasm core: ${backend()}`);

  // A key is explicit state: the same key always gives the same numbers.
  const key = random.PRNGKey(0);
  console.log('key              =', String(key));
  console.log('normal(key)      =', String(random.normal(key)));
  console.log('normal(key) again=', String(random.normal(key)), '(reusing a key repeats the draw)');

  // Split to get fresh, independent keys.
  const [newKey, subkey] = random.split(key);
  console.log('split(key)       =', String(random.split(key)));
  console.log('normal(newKey)   =', String(random.normal(newKey)));
  console.log('normal(subkey)   =', String(random.normal(subkey)));

  // The usual loop: split off a subkey for each use, keep the other key for later.
  const [nextKey, sub2] = random.split(newKey);
  console.log('normal(sub2, [1])=', String(random.normal(sub2, [1])));

  // Several keys at once.
  const [, ...subkeys] = random.split(nextKey, 4);
  console.log('3 more draws     =', subkeys.map((k) => String(random.normal(k, [1]))).join(' '));

  // Arrays of draws, and the partitionable layout newer JAX uses by default.
  console.log('normal(key, [5]) =', String(random.normal(key, [5])));
  console.log('uniform(key, [3])=', String(random.uniform(key, [3])));
  const pkey = random.key(0, { partitionable: true });
  console.log('partitionable normal(key(0), [5]) =', String(random.normal(pkey, [5])));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

// The samplers beyond uniform/normal (bernoulli ... multivariateNormal): exact identities
// with JAX's definitions where the algorithm is bit-exact, and distribution checks
// (moments, chi-square, Kolmogorov-Smirnov) with fixed keys and generous (about
// 5-6 sigma / p < 1e-6) tolerances where only the structure follows JAX. Runs on both
// builds of the core.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { init, backend, random, Tensor } from '../wrapper/index.ts';
import { BUILDS } from './helpers.ts';

// ---- statistics helpers (independent of the library) ----

const arr = (t: Tensor): number[] => Array.from(t.data() as ArrayLike<number>);
const mean = (x: ArrayLike<number>): number => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i]; return s / x.length; };
const variance = (x: ArrayLike<number>): number => {
  const m = mean(x); let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
};

/** log Gamma(x) for x > 0: Stirling's series after shifting x above 8. */
function lnGamma(x: number): number {
  let shift = 0;
  while (x < 8) { shift += Math.log(x); x += 1; }
  const z2 = 1 / (x * x);
  const series = (1 / x) * (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** Regularized lower incomplete gamma P(a, x): series below a + 1, Lentz continued fraction above. */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return Math.exp(lead) * sum;
  }
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lead) * h;
}

/** Upper tail of the chi-square distribution with `df` degrees of freedom. */
const chi2Sf = (x: number, df: number): number => 1 - gammaP(df / 2, x / 2);

/** Chi-square statistic's p-value for observed counts against expected probabilities. */
function chi2PValue(counts: number[], probs: number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let stat = 0;
  for (let i = 0; i < counts.length; i++) stat += (counts[i] - n * probs[i]) ** 2 / (n * probs[i]);
  return chi2Sf(stat, counts.length - 1);
}

/** Kolmogorov-Smirnov statistic of samples against a continuous CDF. */
function ksStat(x: ArrayLike<number>, cdf: (v: number) => number): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}
/** KS critical value at p = 1e-6 (asymptotic): sqrt(ln(2 / p) / 2) / sqrt(n). */
const ksCrit = (n: number): number => Math.sqrt(Math.log(2e6) / 2) / Math.sqrt(n);

/** Standard normal pdf and its CDF by Simpson integration (independent of any erf). */
const phi = (x: number): number => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
function Phi(x: number): number {
  x = Math.max(-12, Math.min(12, x));
  const a = Math.min(x, 0), b = Math.max(x, 0), n = 600, h = (b - a) / n;
  let s = phi(a) + phi(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * phi(a + i * h);
  const part = (s * h) / 3;
  return x < 0 ? 0.5 - part : 0.5 + part;
}

/** Assert |got - want| <= z standard errors (with a message). */
function near(got: number, want: number, se: number, what: string, z = 6): void {
  assert.ok(Math.abs(got - want) <= z * se, `${what}: got ${got}, want ${want} +- ${z} x ${se}`);
}

for (const build of BUILDS) {
  describe(`random samplers on ${build.name}`, () => {
    before(async () => {
      await init({ simd: build.simd });
      assert.equal(backend(), build.name);
    });

    // ---------------- bernoulli / rademacher ----------------

    it('bernoulli is exactly uniform(key, shape, dtype(p)) < p', () => {
      const k = random.key(11);
      const b = random.bernoulli(k, 0.3, [1000]);
      assert.equal(b.dtype, 'bool');
      assert.deepEqual(b.shape, [1000]);
      const u = arr(random.uniform(k, [1000]));
      assert.deepEqual(arr(b), u.map((v) => (v < Math.fround(0.3) ? 1 : 0)));
      // broadcast p over a shape; p's float64 dtype decides the uniform dtype
      const p = [0.1, 0.5, 0.9];
      const b2 = random.bernoulli(k, new Tensor(new Float64Array(p), [3]), [4, 3]);
      const u2 = arr(random.uniform(k, [4, 3], 'float64'));
      assert.deepEqual(arr(b2), u2.map((v, i) => (v < p[i % 3] ? 1 : 0)));
      // default shape is p's shape; default p is float32 0.5
      assert.deepEqual(random.bernoulli(k, [[0.2, 0.8]]).shape, [1, 2]);
      assert.deepEqual(arr(random.bernoulli(k, { shape: [50] })), arr(random.uniform(k, [50])).map((v) => (v < 0.5 ? 1 : 0)));
      // partitionable keys too
      const kp = random.key(3, { partitionable: true });
      assert.deepEqual(arr(random.bernoulli(kp, 0.7, [64])), arr(random.uniform(kp, [64])).map((v) => (v < Math.fround(0.7) ? 1 : 0)));
      // frequency
      const f = mean(arr(random.bernoulli(random.key(5), 0.3, [20000])));
      near(f, 0.3, Math.sqrt(0.3 * 0.7 / 20000), 'bernoulli frequency');
    });

    it('rademacher is 2 * bernoulli(key, 0.5) - 1', () => {
      const k = random.key(4);
      const r = random.rademacher(k, [500]);
      assert.equal(r.dtype, 'int32');
      assert.deepEqual(arr(r), arr(random.bernoulli(k, 0.5, [500])).map((b) => 2 * b - 1));
      assert.equal(random.rademacher(k, [3], 'float32').dtype, 'float32');
      near(mean(arr(random.rademacher(random.key(6), [20000]))), 0, 1 / Math.sqrt(20000), 'rademacher mean');
    });

    // ---------------- categorical ----------------

    it('categorical is argmax(gumbel(key, ...) + logits) along the axis', () => {
      const k = random.key(21);
      const logits = [[0.5, -1, 2, 0], [1, 1, 1, 1], [-3, 0, 3, -0.5]];
      const g = arr(random.gumbel(k, [3, 4]));
      const want = [0, 1, 2].map((r) => {
        let best = -Infinity, at = 0;
        for (let j = 0; j < 4; j++) { const v = Math.fround(g[r * 4 + j] + logits[r][j]); if (v > best) { best = v; at = j; } }
        return at;
      });
      const c = random.categorical(k, logits);
      assert.equal(c.dtype, 'int32');
      assert.deepEqual(c.shape, [3]);
      assert.deepEqual(arr(c), want);
      // axis 0: categories down the columns; gumbel has the logits' shape
      const g0 = arr(random.gumbel(k, [3, 4]));
      const want0 = [0, 1, 2, 3].map((col) => {
        let best = -Infinity, at = 0;
        for (let r = 0; r < 3; r++) { const v = Math.fround(g0[r * 4 + col] + logits[r][col]); if (v > best) { best = v; at = r; } }
        return at;
      });
      assert.deepEqual(arr(random.categorical(k, logits, 0)), want0);
      // leading sample dimensions: shape [5, 3] draws gumbel [5, 3, 4]
      assert.deepEqual(random.categorical(k, logits, -1, [5, 3]).shape, [5, 3]);
    });

    it('categorical frequencies match softmax(logits) (chi-square, 10 classes)', () => {
      const w = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      const tot = w.reduce((a, b) => a + b, 0);
      const probs = w.map((x) => x / tot);
      const logits = w.map((x) => Math.log(x) + 3); // unnormalized
      const n = 30000;
      const s = arr(random.categorical(random.key(22), logits, -1, [n]));
      const counts = new Array(10).fill(0);
      for (const v of s) counts[v]++;
      assert.ok(chi2PValue(counts, probs) > 1e-6, `chi-square p-value too small: counts ${counts}`);
    });

    // ---------------- randint ----------------

    it('randint matches the JAX formula (cross-checked in BigInt)', () => {
      const k = random.key(31);
      const n = 64;
      const [k1, k2] = random.split(k);
      const hi = arr(random.bits(k1, [n])).map(BigInt), lo = arr(random.bits(k2, [n])).map(BigInt);
      const M = (1n << 32n) - 1n;
      const jaxOffset = (h: bigint, l: bigint, span: bigint): bigint => {
        const rem = (x: bigint) => (span === 0n ? x : x % span);
        let mult = rem(65536n);
        mult = rem((mult * mult) & M);
        return rem(((rem(h) * mult) & M) + rem(l) & M);
      };
      for (const [minv, maxv, dtype] of [[0, 10, 'int32'], [-7, 1000003, 'int32'], [5, 2 ** 31, 'int32'], [-(2 ** 31), 2 ** 31, 'int32'],
        [0, 2 ** 32, 'uint32'], [3, 3000000000, 'uint32']] as const) {
        const r = arr(random.randint(k, [n], minv, maxv, dtype));
        const span = BigInt(maxv - minv) & M; // 2^32 wraps to 0: the full range
        const want = hi.map((h, i) => {
          let v = BigInt(minv) + jaxOffset(h, lo[i], span);
          v &= M;
          if (dtype === 'int32' && v >= 1n << 31n) v -= 1n << 32n;
          return Number(v);
        });
        assert.deepEqual(r, want, `randint(${minv}, ${maxv}, ${dtype})`);
        for (const v of r) assert.ok(v >= minv && v < maxv);
      }
      // small spans: the formula is exactly (hi * 2^32 + lo) mod span
      const r7 = arr(random.randint(k, [n], 0, 7));
      assert.deepEqual(r7, hi.map((h, i) => Number(((h << 32n) + lo[i]) % 7n)));
      // full ranges are the low bits themselves
      assert.deepEqual(arr(random.randint(k, [n], 0, 2 ** 32, 'uint32')), lo.map(Number));
      // array bounds broadcast
      const rb = random.randint(k, [2, 3], [0, 10, 100], [5, 20, 1000]);
      const v = arr(rb);
      for (let i = 0; i < 6; i++) assert.ok(v[i] >= [0, 10, 100][i % 3] && v[i] < [5, 20, 1000][i % 3]);
    });

    it('randint is uniform on its range (chi-square)', () => {
      const n = 30000;
      const r = arr(random.randint(random.key(32), [n], -3, 7));
      const counts = new Array(10).fill(0);
      for (const v of r) { assert.ok(v >= -3 && v < 7); counts[v + 3]++; }
      assert.ok(chi2PValue(counts, new Array(10).fill(0.1)) > 1e-6, `counts ${counts}`);
    });

    // ---------------- permutation / choice ----------------

    it('permutation(key, n) is a stable sort of arange(n) by bits(split(key)[1], [n])', () => {
      for (const n of [1, 2, 10, 1000]) {
        const k = random.key(40 + n);
        const p = arr(random.permutation(k, n));
        const [, sub] = random.split(k);
        const sk = arr(random.bits(sub, [n]));
        const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => sk[a] - sk[b] || a - b);
        assert.deepEqual(p, want, `n=${n}`);
      }
      // 2000 > 1625 elements take two rounds: still a permutation, and it shuffles
      const p = arr(random.permutation(random.key(41), 2000));
      assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 2000 }, (_, i) => i));
      assert.ok(p.filter((v, i) => v === i).length < 12, 'too many fixed points');
      assert.equal(random.permutation(random.key(41), 0).size, 0);
    });

    it('permutation of arrays: rows together, or independently per slice', () => {
      const k = random.key(42);
      const x = [[0, 1, 2], [10, 11, 12], [20, 21, 22], [30, 31, 32]];
      const idx = arr(random.permutation(k, 4));
      const px = random.permutation(k, x);
      assert.deepEqual(px.toArray(), idx.map((i) => x[i]));
      assert.equal(px.dtype, 'int32');
      const pf = random.permutation(k, new Tensor(new Float32Array([0.5, 1.5, 2.5, 3.5]), [4]));
      assert.deepEqual(arr(pf), idx.map((i) => i + 0.5));
      // axis 1 permutes columns
      const pc = random.permutation(k, x, 1).toArray() as number[][];
      const cidx = arr(random.permutation(k, 3));
      assert.deepEqual(pc, x.map((row) => cidx.map((j) => row[j])));
      // independent: every column is its own permutation of the column
      const big = Array.from({ length: 50 }, (_, i) => [i, 100 + i, 200 + i]);
      const pi = random.permutation(k, big, 0, true).toArray() as number[][];
      const cols = [0, 1, 2].map((c) => pi.map((r) => r[c] - 100 * c));
      for (const col of cols) assert.deepEqual([...col].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
      assert.notDeepEqual(cols[0], cols[1]);
    });

    it('permutation is uniform: the first element over many keys (chi-square)', () => {
      const counts = new Array(6).fill(0);
      const keys = random.split(random.key(43), 3000);
      for (const kk of keys) counts[arr(random.permutation(kk, 6))[0]]++;
      assert.ok(chi2PValue(counts, new Array(6).fill(1 / 6)) > 1e-6, `counts ${counts}`);
    });

    it('choice: randint / permutation prefix without p; inverse CDF / Gumbel top-k with p', () => {
      const k = random.key(50);
      assert.deepEqual(arr(random.choice(k, 10, [20])), arr(random.randint(k, [20], 0, 10)));
      const nr = arr(random.choice(k, 10, [6], false));
      assert.deepEqual(nr, arr(random.permutation(k, 10)).slice(0, 6));
      assert.equal(new Set(nr).size, 6);
      // arrays along an axis: the result shape is a.shape[:axis] + shape + a.shape[axis+1:]
      const a = [[1, 2, 3], [4, 5, 6]];
      const ca = random.choice(k, a, [4], true, undefined, 1);
      assert.deepEqual(ca.shape, [2, 4]);
      const cidx = arr(random.randint(k, [4], 0, 3));
      assert.deepEqual(ca.toArray(), a.map((row) => cidx.map((j) => row[j])));
      assert.deepEqual(random.choice(k, [7, 8, 9], [2, 2]).shape, [2, 2]);
      assert.deepEqual(random.choice(k, 5, [0]).shape, [0]);
      // with p and replacement: frequencies
      const p = [0.1, 0.2, 0.3, 0.4, 0];
      const s = arr(random.choice(random.key(51), 5, [20000], true, p));
      const counts = new Array(5).fill(0);
      for (const v of s) counts[v]++;
      assert.equal(counts[4], 0, 'zero-probability entry drawn');
      assert.ok(chi2PValue(counts.slice(0, 4), p.slice(0, 4)) > 1e-6, `counts ${counts}`);
      // with p, without replacement: distinct, never a zero-probability entry
      const g = arr(random.choice(random.key(52), 5, [4], false, p));
      assert.deepEqual([...g].sort(), [0, 1, 2, 3]);
      // ...and the first draw follows p (many keys)
      const first = new Array(4).fill(0);
      for (const kk of random.split(random.key(53), 3000)) first[arr(random.choice(kk, 4, [2], false, [0.1, 0.2, 0.3, 0.4]))[0]]++;
      assert.ok(chi2PValue(first, [0.1, 0.2, 0.3, 0.4]) > 1e-6, `first draws ${first}`);
    });

    // ---------------- truncated normal ----------------

    it('truncatedNormal stays inside (lower, upper) and matches the truncated moments', () => {
      for (const [lo, hi, dtype] of [[-1, 2, 'float32'], [0.5, 3, 'float32'], [-2, 0.25, 'float64'], [0, Infinity, 'float64']] as const) {
        const n = 20000;
        const x = arr(random.truncatedNormal(random.key(60), lo, hi, [n], dtype));
        for (const v of x) assert.ok(v > lo && v < hi, `${v} outside (${lo}, ${hi})`);
        const Z = Phi(hi) - Phi(lo);
        const phiHi = hi === Infinity ? 0 : phi(hi), hiPhi = hi === Infinity ? 0 : hi * phi(hi);
        const m = (phi(lo) - phiHi) / Z;
        const v = 1 + (lo * phi(lo) - hiPhi) / Z - m * m;
        near(mean(x), m, Math.sqrt(v / n), `mean on (${lo}, ${hi})`);
        near(variance(x), v, v * Math.sqrt(3 / n), `variance on (${lo}, ${hi})`);
        // KS against the truncated CDF
        const cdf = (t: number) => (Phi(t) - Phi(lo)) / Z;
        const sub = x.slice(0, 3000);
        assert.ok(ksStat(sub, cdf) < ksCrit(sub.length), `KS on (${lo}, ${hi})`);
      }
      // array bounds broadcast to the shape
      const y = random.truncatedNormal(random.key(61), [[-1], [-2]], [0, 3, 5], [2, 3]);
      assert.deepEqual(y.shape, [2, 3]);
      const yv = arr(y);
      for (let i = 0; i < 6; i++) {
        const l = [-1, -2][Math.floor(i / 3)], h = [0, 3, 5][i % 3];
        assert.ok(yv[i] > l && yv[i] < h, `element ${i}: ${yv[i]}`);
      }
    });

    // ---------------- gamma family ----------------

    it('gamma: moments and KS against the regularized incomplete gamma for a in {0.3, 1, 4.5}', () => {
      for (const a of [0.3, 1, 4.5]) {
        const n = 8000;
        const x = arr(random.gamma(random.key(70), a, [n]));
        for (const v of x) assert.ok(v >= 0 && Number.isFinite(v));
        near(mean(x), a, Math.sqrt(a / n), `gamma(${a}) mean`);
        // var of the sample variance: (mu4 - sigma^4) / n with mu4 = 3a^2 + 6a for Gamma(a)
        near(variance(x), a, Math.sqrt((3 * a * a + 6 * a - a * a) / n), `gamma(${a}) variance`);
        const d = ksStat(x, (t) => gammaP(a, t));
        assert.ok(d < ksCrit(n), `gamma(${a}) KS D=${d}`);
      }
      // array-valued a, float64
      const g = random.gamma(random.key(71), new Tensor(new Float64Array([0.5, 2, 10]), [3]), [4000, 3], 'float64');
      assert.equal(g.dtype, 'float64');
      const gv = arr(g);
      [0.5, 2, 10].forEach((a, j) => {
        const col = gv.filter((_, i) => i % 3 === j);
        near(mean(col), a, Math.sqrt(a / col.length), `gamma(${a}) f64 mean`);
      });
    });

    it('loggamma is log(gamma) with the same key (structure shared with gamma)', () => {
      for (const a of [0.3, 4.5]) {
        const k = random.key(72);
        const lg = arr(random.loggamma(k, a, [500]));
        const g = arr(random.gamma(k, a, [500]));
        for (let i = 0; i < 500; i++) {
          if (g[i] > 1e-30) assert.ok(Math.abs(Math.exp(lg[i]) - g[i]) <= 1e-4 * g[i], `a=${a} element ${i}: ${Math.exp(lg[i])} vs ${g[i]}`);
        }
      }
      // tiny a: gamma underflows, loggamma stays finite
      const tiny = arr(random.loggamma(random.key(73), 1e-3, [100]));
      for (const v of tiny) assert.ok(Number.isFinite(v));
    });

    it('beta and dirichlet moments', () => {
      const n = 10000;
      const [a, b] = [2, 5];
      const x = arr(random.beta(random.key(80), a, b, [n]));
      for (const v of x) assert.ok(v >= 0 && v <= 1);
      const m = a / (a + b), v = a * b / ((a + b) ** 2 * (a + b + 1));
      near(mean(x), m, Math.sqrt(v / n), 'beta mean');
      near(variance(x), v, v * Math.sqrt(3 / n), 'beta variance', 7);
      const small = arr(random.beta(random.key(81), 0.05, 0.05, [2000]));
      for (const s of small) assert.ok(s >= 0 && s <= 1 && !Number.isNaN(s));
      near(mean(small), 0.5, Math.sqrt(0.5 * 0.5 / 1.1 / 2000), 'beta(0.05, 0.05) mean');

      const alpha = [1, 2, 3];
      const d = random.dirichlet(random.key(82), alpha, [n]);
      assert.deepEqual(d.shape, [n, 3]);
      const dv = arr(d);
      for (let r = 0; r < n; r++) {
        const s = dv[3 * r] + dv[3 * r + 1] + dv[3 * r + 2];
        assert.ok(Math.abs(s - 1) < 1e-5, `row ${r} sums to ${s}`);
      }
      alpha.forEach((ai, j) => {
        const col = dv.filter((_, i) => i % 3 === j);
        const mj = ai / 6, vj = ai * (6 - ai) / (36 * 7);
        near(mean(col), mj, Math.sqrt(vj / n), `dirichlet mean ${j}`);
        near(variance(col), vj, vj * Math.sqrt(3 / n), `dirichlet variance ${j}`, 7);
      });
      assert.deepEqual(random.dirichlet(random.key(83), [[1, 1], [5, 5]]).shape, [2, 2]);
    });

    // ---------------- poisson ----------------

    it('poisson moments for lam in {0.5, 3, 25, 1000} (Knuth and rejection branches)', () => {
      const n = 20000;
      for (const lam of [0.5, 3, 25, 1000]) {
        const x = arr(random.poisson(random.key(90), lam, [n]));
        for (const v of x) assert.ok(Number.isInteger(v) && v >= 0);
        near(mean(x), lam, Math.sqrt(lam / n), `poisson(${lam}) mean`);
        near(variance(x), lam, Math.sqrt((lam + 2 * lam * lam) / n), `poisson(${lam}) variance`);
      }
      // pmf for lam = 3 (chi-square over 0..8 and a tail bin)
      const x = arr(random.poisson(random.key(91), 3, [n]));
      const counts = new Array(10).fill(0);
      for (const v of x) counts[Math.min(v, 9)]++;
      const pmf: number[] = [];
      let acc = 0;
      for (let j = 0; j < 9; j++) { const pj = Math.exp(-3 + j * Math.log(3) - lnGamma(j + 1)); pmf.push(pj); acc += pj; }
      pmf.push(1 - acc);
      assert.ok(chi2PValue(counts, pmf) > 1e-6, `counts ${counts}`);
      // mixed branches in one array, lam = 0 gives 0, uint32
      const mixed = random.poisson(random.key(92), [0, 0.5, 12, 400], [3000, 4], 'uint32');
      assert.equal(mixed.dtype, 'uint32');
      const mv = arr(mixed);
      [0, 0.5, 12, 400].forEach((lam, j) => {
        const col = mv.filter((_, i) => i % 4 === j);
        if (lam === 0) assert.ok(col.every((v) => v === 0));
        else near(mean(col), lam, Math.sqrt(lam / col.length), `mixed poisson(${lam}) mean`);
      });
    });

    // ---------------- multivariate normal ----------------

    it('multivariateNormal: mean + chol(cov) z, sample covariance matches', () => {
      const cov = [[2, 0.6, -0.4], [0.6, 1, 0.3], [-0.4, 0.3, 0.5]];
      const mu = [1, -2, 0.5];
      const n = 20000;
      const k = random.key(100);
      const x = random.multivariateNormal(k, mu, cov, [n]);
      assert.deepEqual(x.shape, [n, 3]);
      const xv = arr(x);
      // the first sample is exactly mean + L z (up to float32 rounding)
      const z = arr(random.normal(k, [n, 3]));
      const L = [[Math.sqrt(2), 0, 0], [0, 0, 0], [0, 0, 0]];
      L[1][0] = 0.6 / L[0][0]; L[1][1] = Math.sqrt(1 - L[1][0] ** 2);
      L[2][0] = -0.4 / L[0][0]; L[2][1] = (0.3 - L[2][0] * L[1][0]) / L[1][1]; L[2][2] = Math.sqrt(0.5 - L[2][0] ** 2 - L[2][1] ** 2);
      for (let i = 0; i < 3; i++) {
        const want = mu[i] + L[i][0] * z[0] + L[i][1] * z[1] + L[i][2] * z[2];
        assert.ok(Math.abs(xv[i] - want) < 1e-5, `component ${i}: ${xv[i]} vs ${want}`);
      }
      const checkCov = (vals: number[], c: number[][], m: number[], what: string) => {
        const d = m.length, cnt = vals.length / d;
        const means = m.map((_, j) => mean(vals.filter((_, i) => i % d === j)));
        for (let i = 0; i < d; i++) {
          near(means[i], m[i], Math.sqrt(c[i][i] / cnt), `${what} mean ${i}`);
          for (let j = 0; j < d; j++) {
            let s = 0;
            for (let r = 0; r < cnt; r++) s += (vals[r * d + i] - means[i]) * (vals[r * d + j] - means[j]);
            near(s / (cnt - 1), c[i][j], Math.sqrt((c[i][i] * c[j][j] + c[i][j] ** 2) / cnt), `${what} cov[${i}][${j}]`);
          }
        }
      };
      checkCov(xv, cov, mu, 'cholesky');
      // eigh / svd handle a singular (rank-1) covariance: samples on the line y = 2x
      const sing = [[1, 2], [2, 4]];
      for (const method of ['eigh', 'svd'] as const) {
        const s = arr(random.multivariateNormal(random.key(101), [0, 0], sing, [n], undefined, method));
        for (let r = 0; r < 50; r++) assert.ok(Math.abs(s[2 * r + 1] - 2 * s[2 * r]) < 1e-4 * (1 + Math.abs(s[2 * r])), `${method} off the line`);
        checkCov(s, sing, [0, 0], method);
      }
      const e = arr(random.multivariateNormal(random.key(102), mu, cov, [n], 'float64', 'eigh'));
      checkCov(e, cov, mu, 'eigh float64');
      // batch shapes broadcast: means [2, 3] with one cov -> shape [2, 3]
      const bm = random.multivariateNormal(random.key(103), [[0, 0, 0], [10, 10, 10]], cov);
      assert.deepEqual(bm.shape, [2, 3]);
      assert.deepEqual(random.multivariateNormal(random.key(103), [0, 0, 0], [cov, cov], [4, 2]).shape, [4, 2, 3]);
    });

    it('every sampler runs with partitionable keys', () => {
      const k = random.key(7, { partitionable: true });
      assert.equal(random.categorical(k, [0, 1, 2], -1, [10]).size, 10);
      assert.equal(random.randint(k, [10], 0, 5).size, 10);
      assert.equal(random.permutation(k, 10).size, 10);
      assert.equal(random.choice(k, 5, [3], false).size, 3);
      assert.equal(random.truncatedNormal(k, -1, 1, [10]).size, 10);
      const g = arr(random.gamma(k, 0.7, [2000]));
      near(mean(g), 0.7, Math.sqrt(0.7 / 2000), 'partitionable gamma mean');
      assert.equal(random.beta(k, 1, 2, [4]).size, 4);
      assert.equal(random.dirichlet(k, [1, 1, 1]).size, 3);
      const p = arr(random.poisson(k, [2, 50], [2000, 2]));
      near(mean(p.filter((_, i) => i % 2 === 1)), 50, Math.sqrt(50 / 2000), 'partitionable poisson mean');
      assert.equal(random.multivariateNormal(k, [0, 0], [[1, 0], [0, 1]], [5]).size, 10);
    });

    // ---------------- bad input ----------------

    it('bad input gets errors naming the argument', () => {
      const k = random.key(0);
      assert.throws(() => random.bernoulli(k, 1.5), /bernoulli: p must be a probability in \[0, 1\]; got 1.5/);
      assert.throws(() => random.bernoulli(k, [0.5, NaN]), /bernoulli: p must be a probability.*got NaN \(element 1/);
      assert.throws(() => random.bernoulli(k, new Tensor(new Int32Array([1]), [1])), /bernoulli: p must have a floating dtype/);
      assert.throws(() => random.bernoulli(k, [0.1, 0.2, 0.3], [2]), /bernoulli: p has shape \[3\], which does not broadcast to shape \[2\]/);
      assert.throws(() => random.bernoulli(k, [[0.1], [0.2, 0.3]] as never), /bernoulli: p must be a rectangular/);
      assert.throws(() => random.bernoulli(k, { q: 1 } as never), /bernoulli: unknown option 'q'/);
      assert.throws(() => random.categorical(k, 3), /categorical: logits must have at least 1 dimension/);
      assert.throws(() => random.categorical(k, [1, 2], 1), /categorical: axis 1 is out of bounds/);
      assert.throws(() => random.categorical(k, [[1, 2], [3, 4]], -1, [3]), /categorical: logits \(without axis\) has shape \[2\], which does not broadcast to shape \[3\]/);
      assert.throws(() => random.categorical(k, []), /categorical: logits has no categories/);
      assert.throws(() => random.randint(k, [2], 5, 5), /randint: minval must be less than maxval; got minval=5, maxval=5/);
      assert.throws(() => random.randint(k, [2], 0, 2 ** 31 + 1), /randint: maxval must be an integer in \[-2\^31 \+ 1, 2\^31\] for dtype int32; got 2147483649/);
      assert.throws(() => random.randint(k, [2], -1, 5, 'uint32'), /randint: minval must be an integer in \[0, 2\^32 - 1\] for dtype uint32; got -1/);
      assert.throws(() => random.randint(k, [2], 0.5, 5), /randint: minval must be an integer/);
      assert.throws(() => random.randint(k, [2], 0, 5, 'float32' as never), /randint: dtype must be one of 'int32', 'uint32'/);
      assert.throws(() => random.randint(k, [2], 0, [5, 6, 7]), /randint: maxval has shape \[3\]/);
      assert.throws(() => random.rademacher(k, [2], 'uint32' as never), /rademacher: dtype must be one of/);
      assert.throws(() => random.permutation(k, -1), /permutation: x must be a non-negative integer/);
      assert.throws(() => random.permutation(k, 2.5), /permutation: x must be a non-negative integer/);
      assert.throws(() => random.permutation(k, [1, 2, 3], 1), /permutation: axis 1 is out of bounds/);
      assert.throws(() => random.permutation(k, [1, 2], 0, 'yes' as never), /permutation: independent must be true or false/);
      assert.throws(() => random.choice(k, 3, [4], false), /choice: cannot take a larger sample \(size 4\) than the population \(size 3\)/);
      assert.throws(() => random.choice(k, 0, [1]), /choice: a must be greater than 0/);
      assert.throws(() => random.choice(k, 3, [2], true, [0.5, 0.5]), /choice: p must be a 1-D array of the same size as a \(3\); got shape \[2\]/);
      assert.throws(() => random.choice(k, 2, [2], true, [-0.5, 1.5]), /choice: p must be non-negative and finite; got -0.5/);
      assert.throws(() => random.choice(k, 2, [2], true, [0, 0]), /choice: p must have a positive sum/);
      assert.throws(() => random.truncatedNormal(k, 1, 1), /truncatedNormal: lower must be less than upper; got lower=1, upper=1/);
      assert.throws(() => random.truncatedNormal(k, NaN, 1), /truncatedNormal: lower must not be NaN/);
      assert.throws(() => random.truncatedNormal(k, 0, 1, [2], 'int32' as never), /truncatedNormal: dtype must be one of 'float32', 'float64'/);
      assert.throws(() => random.gamma(k, 0), /gamma: a must be positive and finite; got 0/);
      assert.throws(() => random.gamma(k, [1, -1]), /gamma: a must be positive and finite; got -1 \(element 1/);
      assert.throws(() => random.gamma(k, [1, 2], [3]), /gamma: a has shape \[2\], which does not broadcast to shape \[3\]/);
      assert.throws(() => random.loggamma(k, Infinity), /loggamma: a must be positive and finite; got Infinity/);
      assert.throws(() => random.beta(k, 1, -1), /beta: b must be positive and finite; got -1/);
      assert.throws(() => random.beta(k, 1e-50, 1), /beta: a must be positive and finite in float32; got 1e-50, which rounds to 0/);
      assert.throws(() => random.dirichlet(k, 2), /dirichlet: alpha must have at least 1 dimension/);
      assert.throws(() => random.dirichlet(k, [1, 0]), /dirichlet: alpha must be positive and finite; got 0/);
      assert.throws(() => random.poisson(k, -1), /poisson: lam must be non-negative and finite; got -1/);
      assert.throws(() => random.poisson(k, 3, [2], 'float32' as never), /poisson: dtype must be one of 'int32', 'uint32'/);
      assert.throws(() => random.multivariateNormal(k, [0, 0], [[1, 2], [2, 1]]), /multivariateNormal: cov must be positive definite for method 'cholesky'/);
      assert.throws(() => random.multivariateNormal(k, [0, 0], [[1, 2], [2, 1]], undefined, undefined, 'eigh'), /multivariateNormal: cov must be positive semi-definite; it has eigenvalue -(1|0\.9999)/);
      assert.throws(() => random.multivariateNormal(k, [0, 0], [[1, 0, 0], [0, 1, 0]]), /multivariateNormal: cov must have shape \[\.\.\., 2, 2\]/);
      assert.throws(() => random.multivariateNormal(k, 0, [[1]]), /multivariateNormal: mean must have at least 1 dimension/);
      assert.throws(() => random.multivariateNormal(k, [0], [[1]], undefined, undefined, 'qr' as never), /multivariateNormal: method must be one of/);
      assert.throws(() => random.multivariateNormal(k, [[0], [1]], [[1]], [3]), /multivariateNormal: mean \(batch part\) has shape \[2\]/);
      assert.throws(() => random.gamma(random.split(k, 2), 1), /key must be a single PRNG key/);
    });
  });
}

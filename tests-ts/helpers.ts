import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a JSON fixture under tests-ts/fixtures. */
export function fixture<T = any>(path: string): T {
  return JSON.parse(readFileSync(join(here, 'fixtures', path), 'utf8')) as T;
}

/** float32 bit pattern of a number, as '0x3f800000'. */
export function f32hex(x: number): string {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, x);
  return '0x' + v.getUint32(0).toString(16).padStart(8, '0');
}

/** Both builds, for suites that must pass on each. */
export const BUILDS = [
  { simd: true, name: 'wasm-simd' },
  { simd: false, name: 'wasm-scalar' },
] as const;

/** Index of the first differing word (-1: identical, -2: different lengths). */
export function firstDiff(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Deterministic 32-bit words (xorshift32) for bit-pattern sweeps. */
export function words(n: number, seed: number): Uint32Array {
  const w = new Uint32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    w[i] = s;
  }
  return w;
}

/** float32 bit pattern -> a signed integer that orders like the float (ulp distances). */
export const ord32 = (b: number): number => ((b & 0x80000000) ? -(b & 0x7fffffff) : b);

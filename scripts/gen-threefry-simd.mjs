// Generates assembly/simd/threefry.ts, the v128 body of the Threefry-2x32-20 bulk fills:
// assembly/simd/threefry.ts is generated from this script, do not edit it by hand. The
// unrolled, interleaved rounds are written out here once instead of by hand.
// Usage: node scripts/gen-threefry-simd.mjs [--ways N] [--out FILE]
//   (defaults: --ways 4 --out assembly/simd/threefry.ts; then npm run build:wasm)
//
// --ways is how many independent 4-block vectors one main-loop iteration hashes. Measured
// with node 20 (V8 11.3) on a Zen 3 EPYC, tfClassicU32, million blocks/s (best of many,
// before the pins below): the former hand-written 2-vector loop with a conditional second
// store 200; 2 ways 297 (rotation by 24 still a shuffle); 3 ways 358; 4 ways 386; 5 ways
// 380 (more spills); 6 ways 351. Folding k0, k1 into the counters gave about 3%.
// Rotation by 24 as an i8x16.shuffle (V8: pshufb with its mask rebuilt from two GPR loads
// at every use, about 4 uops) measured 4-7% slower than shl | shr_u | or (3 uops);
// rotation by 16 stays a shuffle (V8: pshuflw + pshufhw, 2 uops).
//
// Pins: binaryen (asc -O3) sinks each single-use value into its use, so the interleaved
// source comes out of asc as one whole 20-round expression tree per vector, in store
// order. V8 11 (node 20) re-interleaves it (TurboFan schedules the sea of nodes); V8 15
// (deno 2.9; Turboshaft keeps the wasm order and schedules nothing) ran the chains one
// after the other: 200 M blocks/s for 1 to 6 ways. A store of each vector's y after
// groups 1-4 fixes the order (binaryen keeps stores in order and cannot sink a value past
// the store that uses it): the wasm then runs group by group over the vectors, about 20
// dependent ops per vector at a time, which the out-of-order window overlaps. With the
// pins, deno 2.9: 355 M blocks/s (4 ways; 5 and 6 ways about the same), node 20: 365-380
// (unchanged within noise). Cost: 16 stores per 16 blocks to a 256-byte scratch area.
import { writeFileSync } from 'node:fs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const WAYS = Number(arg('--ways', '4'));
const OUT = arg('--out', 'assembly/simd/threefry.ts');

// Threefry-2x32: rotation constants of the two alternating 4-round groups, and the key
// schedule ks = [k0, k1, k2]; after group g (g = 0..4), s = g + 1 injects
// x0 += ks[s % 3] and x1 += ks[(s + 1) % 3] + s.
const ROT = [[13, 15, 26, 6], [17, 29, 16, 24]];
const KS = ['K0', 'K1', 'K2'];
const INJ = (s) => `I${s}`; // ks[(s + 1) % 3] + s, splatted

const ways = [...Array(WAYS).keys()];
const ind = (n) => ' '.repeat(n);

/** The 20 rounds and last 5 key injections (the first is in the counters) of the vectors `js`. */
function rounds(js, pad) {
  const L = [];
  const line = (f) => L.push(pad + js.map(f).join(' '));
  line((j) => `let x${j} = a${j}, y${j} = b${j};`);
  for (let g = 0; g < 5; g++) {
    L.push(`${pad}// rounds ${4 * g + 1}-${4 * g + 4}: rotations ${ROT[g % 2].join(' ')}`);
    for (const r of ROT[g % 2]) {
      line((j) => `x${j} = i32x4.add(x${j}, y${j});`);
      line((j) => `y${j} = v128.xor(rotl4(y${j}, ${r}), x${j});`);
    }
    const s = g + 1;
    line((j) => `x${j} = i32x4.add(x${j}, ${KS[s % 3]}); y${j} = i32x4.add(y${j}, ${INJ(s)});`);
    // group boundary of the interleaved loop: stores keep the chains' order (see the header)
    if (js.length > 1 && g < 4) line((j) => `v128.store(PIN + ${16 * (WAYS * g + j)}, y${j});`);
  }
  return L;
}

/** Stores of the vectors in `js`; vector j holds blocks i + 4j .. i + 4j + 3. */
function stores(js, pad) {
  const at = (j, shift) => `out + (<usize>${j ? `(i + ${4 * j})` : 'i'} << ${shift})`;
  const L = [];
  L.push(`${pad}switch (mode) {`);
  L.push(`${pad}  case FillMode.ClassicU32: {`);
  for (const j of js) L.push(`${pad}    v128.store(${at(j, 2)}, x${j});`);
  for (const j of js) L.push(`${pad}    v128.store(out + (<usize>(i + h${j ? ` + ${4 * j}` : ''}) << 2), y${j});`);
  L.push(`${pad}    break;`, `${pad}  }`);
  L.push(`${pad}  case FillMode.PartU32: {`);
  for (const j of js) L.push(`${pad}    v128.store(${at(j, 2)}, v128.xor(x${j}, y${j}));`);
  L.push(`${pad}    break;`, `${pad}  }`);
  L.push(`${pad}  case FillMode.PartPairs: {`);
  for (const j of js) {
    L.push(`${pad}    v128.store(${at(j, 3)}, i32x4.shuffle(x${j}, y${j}, 0, 4, 1, 5));`);
    L.push(`${pad}    v128.store(${at(j, 3)}, i32x4.shuffle(x${j}, y${j}, 2, 6, 3, 7), 16);`);
  }
  L.push(`${pad}    break;`, `${pad}  }`);
  L.push(`${pad}  default: { // ClassicU64, PartPairsSwap: 64-bit (y0 << 32) | y1, little-endian [y1, y0]`);
  for (const j of js) {
    L.push(`${pad}    v128.store(${at(j, 3)}, i32x4.shuffle(y${j}, x${j}, 0, 4, 1, 5));`);
    L.push(`${pad}    v128.store(${at(j, 3)}, i32x4.shuffle(y${j}, x${j}, 2, 6, 3, 7), 16);`);
  }
  L.push(`${pad}  }`, `${pad}}`);
  return L;
}

const B = 4 * WAYS; // blocks per main-loop iteration
const src = `/**
 * v128 body of the Threefry bulk fills: four blocks per vector, one block per i32x4
 * lane. Wasm SIMD has no rotate, so each rotation is shl | shr_u | or (5 ops per round);
 * the rotation by 16 is one shuffle of the 16-bit halves (3 ops).
 *
 * GENERATED by scripts/gen-threefry-simd.mjs (--ways ${WAYS}): edit that script and rerun
 * it, not this file. The script's header has the measurements behind the choices below.
 *
 * Interleave: the main loop hashes ${WAYS} independent vectors (${B} blocks) per iteration,
 * round by round. Within one vector every round waits on the previous one (shift, or,
 * xor: 3 cycles), which leaves most of the SIMD pipes idle; ${WAYS} independent chains
 * keep them busy (fewer are latency bound, more spill registers). The main loop stores
 * every vector unconditionally: V8 places a value in the branch that uses it, so a
 * conditional store serializes the chains again; the last vectors, fewer than ${WAYS}, go
 * through a one-vector loop. Neither asc (binaryen) nor newer V8 keep an interleave by
 * themselves: binaryen folds each vector's rounds into one expression tree and V8 15
 * emits wasm order, so stores of the y words after each 4-round group (to PIN, never
 * read) fix the order group by group.
 *
 * It returns how many elements it produced; the scalar loops in ../random/threefry.ts
 * finish the tail, so both builds give identical bits. Nothing at the top level of this
 * file mentions v128: the scalar build compiles none of it.
 */
import { KS_PARITY } from "../random/threefry";

/** Stores that pin the interleave at group boundaries (never read). */
const PIN: usize = memory.data(${16 * 4 * WAYS}, 16);

/** What a fill stores per block (see ../random/threefry.ts for the layouts). */
export const enum FillMode { ClassicU32 = 0, ClassicU64 = 1, PartU32 = 2, PartPairs = 3, PartPairsSwap = 4 }

// @ts-ignore: decorator
@inline function rotl4(x: v128, r: i32): v128 {
  // by 16: swap the 16-bit halves of each lane (little-endian); by 24 a byte shuffle
  // would need a mask that V8 rebuilds at every use, costlier than the shifts
  if (r == 16) return i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
  return v128.or(i32x4.shl(x, r), i32x4.shr_u(x, 32 - r));
}

/**
 * Hashes \`n4\` (a multiple of 4) counter pairs: lane l of vector t hashes
 * (c0 + s0 * (4t + l), c1 + 4t + l) with s0 = 1 (classic) or 0 (partitionable).
 * \`h\` is the classic second-half offset in elements. Words x (y0) and y (y1) per block.
 */
export function tfFillSimd(k0: u32, k1: u32, out: usize, n4: u32, c0: u32, s0: u32, c1: u32, h: u32, mode: FillMode): u32 {
  const k2: u32 = k0 ^ k1 ^ KS_PARITY;
  const K0 = i32x4.splat(k0), K1 = i32x4.splat(k1), K2 = i32x4.splat(k2);
  // x1 injections: I_s = ks[(s + 1) % 3] + s
${[1, 2, 3, 4, 5].map((s) => `  const ${INJ(s)} = i32x4.splat(k${(s + 1) % 3} + ${s});`).join('\n')}
  const iota = i32x4(0, 1, 2, 3);
  const stepA = i32x4.splat(s0 << 2), stepB = i32x4.splat(4);
  // counters with the first key injection folded in: a = c0 + s0 * lane + k0, b = c1 + lane + k1
  let a0 = i32x4.add(i32x4.splat(c0 + k0), s0 ? iota : i32x4.splat(0));
  let b0 = i32x4.add(i32x4.splat(c1 + k1), iota);
  const nMain = n4 - n4 % ${B};
  let i: u32 = 0;
  for (; i < nMain; i += ${B}) {
${ways.slice(1).map((j) => `    const a${j} = i32x4.add(a${j - 1}, stepA), b${j} = i32x4.add(b${j - 1}, stepB);`).join('\n')}
${rounds(ways, ind(4)).join('\n')}
${stores(ways, ind(4)).join('\n')}
    a0 = i32x4.add(a${WAYS - 1}, stepA); b0 = i32x4.add(b${WAYS - 1}, stepB);
  }
  for (; i < n4; i += 4) { // fewer than ${WAYS} vectors left: one at a time
${rounds([0], ind(4)).join('\n')}
${stores([0], ind(4)).join('\n')}
    a0 = i32x4.add(a0, stepA); b0 = i32x4.add(b0, stepB);
  }
  return n4;
}
`;
writeFileSync(OUT, src);
console.log(`wrote ${OUT} (${WAYS} vectors per iteration)`);

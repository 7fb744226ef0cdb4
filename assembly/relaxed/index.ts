/**
 * The relaxed-SIMD side module: XLA's float32 samplers whose cost is fused multiply-adds
 * (normal: ./normal.ts; exponential and gumbel: ./exponential.ts) on f32x4 lanes, every
 * fused step one `f32x4.relaxed_madd`.
 *
 * Why a side module: core wasm has no float32 FMA, so the SIMD build emulates each fused
 * step exactly on f64x2 (two lanes, ~6 instructions, midpoint flags; ../simd/xla_math.ts).
 * The relaxed-SIMD proposal's `relaxed_madd` is a single fused f32x4 instruction on
 * engines that lower it to a hardware FMA (V8 and SpiderMonkey on x86-64 with FMA3 and on
 * ARM64), and an unfused multiply-add elsewhere. So this module is used only after
 * `relaxedFused()` reports a fused result on the running engine AND its output matches
 * the exact kernel on a check set (../../wrapper/runtime/relaxed.ts); otherwise, and on
 * engines without relaxed SIMD, the SIMD build's exact kernel runs. Either way the bits
 * are JAX's: tests-ts/random-relaxed.test.ts compares, for each sampler, all 2^23 inputs
 * it can see.
 *
 * Layout: compiled on its own (asconfig.json beside this file, entry this file) with
 * imported memory (the core's `memory`), NO static data and no allocation, so it cannot
 * overwrite the core's. It imports no file outside this folder for that reason (their
 * top-level statics would come along); the constants are repeated in ./table.ts, each
 * checked by the exhaustive tests. Constants and scratch live in a table the wrapper
 * allocates in the core's workspace (`relaxedTableBytes()` bytes, 16-aligned) and fills
 * once with `relaxedInit(tbl)`. scripts/build-wasm.mjs checks the output has no data
 * segment and imports nothing but `env.memory`.
 *
 * Numerics (each kernel states its domain; no NaN, inf or subnormal arises in them):
 * plain f32 operations are f32x4 operations, correctly rounded; each fused step is
 * relaxed_madd (a correctly rounded fma once `relaxedFused()` holds); branches are
 * computed for every lane and selected per lane with relaxed_laneselect on comparison
 * masks (all ones or all zeros, where it is exact). Work is staged over blocks of NB
 * lanes so that each loop has short dependency chains.
 * Provenance: XLA's ErfInv32 (Giles' polynomials) and Log1p / Log (Cephes) as described
 * in shared/golden/PRNG-NOTES.md.
 */

export { relaxedTableBytes, relaxedInit, relaxedFused } from "./table";
export { normalF32Relaxed } from "./normal";
export { exponentialF32Relaxed, gumbelF32Relaxed } from "./exponential";

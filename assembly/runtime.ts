/** First free byte after static data: the TypeScript workspace allocates from here up. */
export function heapBase(): usize {
  return __heap_base;
}

/** 1 in the SIMD build, 0 in the scalar build (lets `init({ module })` tell them apart). */
export function simdBuild(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}

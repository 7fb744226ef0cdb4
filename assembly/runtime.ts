/** First free byte after static data: the TypeScript workspace allocates from here up. */
export function heapBase(): usize {
  return __heap_base;
}

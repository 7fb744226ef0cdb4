/** The functions the wasm core exports (see assembly/index.ts). Pointers are byte offsets. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  simdBuild(): number;
  threefry2x32(k0: number, k1: number, x0: number, x1: number, out: number): void;
  tfClassicU32(k0: number, k1: number, out: number, n: number): void;
  tfClassicU64(k0: number, k1: number, out: number, n: number): void;
  tfPartU32(k0: number, k1: number, out: number, n: number, start: number): void;
  tfPartPairs(k0: number, k1: number, out: number, n: number, start: number, swap: number): void;
  uniformF32(inp: number, out: number, n: number, minval: number, maxval: number): void;
  uniformF64(inp: number, out: number, n: number, minval: number, maxval: number): void;
  normalF32(inp: number, out: number, n: number): void;
  normalF64(inp: number, out: number, n: number): void;
  exponentialF32(inp: number, out: number, n: number): void;
  exponentialF64(inp: number, out: number, n: number): void;
  gumbelF32(inp: number, out: number, n: number): void;
  gumbelF64(inp: number, out: number, n: number): void;
  fma32Exact(a: number, b: number, c: number): number;
  fma64(a: number, b: number, c: number): number;
  binaryF32(op: number, a: number, b: number, out: number, n: number): void;
  binaryF64(op: number, a: number, b: number, out: number, n: number): void;
  unaryF32(op: number, a: number, out: number, n: number): void;
  unaryF64(op: number, a: number, out: number, n: number): void;
  fma32Batch(a: number, b: number, c: number, out: number, n: number): void;
  log32(x: number): number;
  log1p32(x: number): number;
  log1p64(x: number): number;
  erfinv32(x: number): number;
  erfinv64(x: number): number;
}

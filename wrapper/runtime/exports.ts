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
  matmulF32(a: number, b: number, out: number, batch: number, m: number, k: number, n: number, aBatchStride: number, bBatchStride: number): void;
  matmulF64(a: number, b: number, out: number, batch: number, m: number, k: number, n: number, aBatchStride: number, bBatchStride: number): void;
  choleskyF32(a: number, out: number, batch: number, n: number): void;
  choleskyF64(a: number, out: number, batch: number, n: number): void;
  triangularSolveF32(l: number, b: number, out: number, batch: number, n: number, nrhs: number, lower: number, transpose: number, unitDiagonal: number, left: number): void;
  triangularSolveF64(l: number, b: number, out: number, batch: number, n: number, nrhs: number, lower: number, transpose: number, unitDiagonal: number, left: number): void;
  reduceF32(op: number, a: number, out: number, outer: number, n: number, inner: number): void;
  reduceF64(op: number, a: number, out: number, outer: number, n: number, inner: number): void;
  logSoftmaxF32(a: number, out: number, outer: number, n: number, inner: number): void;
  logSoftmaxF64(a: number, out: number, outer: number, n: number, inner: number): void;
  fma32Batch(a: number, b: number, c: number, out: number, n: number): void;
  log32(x: number): number;
  log1p32(x: number): number;
  log1p64(x: number): number;
  erfinv32(x: number): number;
  erfinv64(x: number): number;
  specialUnaryF32(op: number, a: number, out: number, n: number): void;
  specialUnaryF64(op: number, a: number, out: number, n: number): void;
  specialBinaryF32(op: number, a: number, b: number, out: number, n: number): void;
  specialBinaryF64(op: number, a: number, b: number, out: number, n: number): void;
  specialTernaryF32(op: number, a: number, b: number, x: number, out: number, n: number): void;
  specialTernaryF64(op: number, a: number, b: number, x: number, out: number, n: number): void;
  // fused log-prob kernels (assembly/kernels/{normal,gamma,student_t,beta,poisson}.ts): each input
  // pointer is followed by its stride (0: one value, 1: n values); partial pointers 0: not wanted.
  normalLogProbF32(x: number, sx: number, loc: number, sl: number, scale: number, ss: number, out: number, dx: number, dloc: number, dscale: number, n: number): void;
  normalLogProbF64(x: number, sx: number, loc: number, sl: number, scale: number, ss: number, out: number, dx: number, dloc: number, dscale: number, n: number): void;
  gammaLogProbF32(x: number, sx: number, concentration: number, sc: number, rate: number, sr: number, out: number, dx: number, dc: number, dr: number, n: number): void;
  gammaLogProbF64(x: number, sx: number, concentration: number, sc: number, rate: number, sr: number, out: number, dx: number, dc: number, dr: number, n: number): void;
  studentTLogProbF32(x: number, sx: number, df: number, sd: number, loc: number, sl: number, scale: number, ss: number, out: number, dx: number, ddf: number, dloc: number, dscale: number, n: number): void;
  studentTLogProbF64(x: number, sx: number, df: number, sd: number, loc: number, sl: number, scale: number, ss: number, out: number, dx: number, ddf: number, dloc: number, dscale: number, n: number): void;
  betaLogProbF32(x: number, sx: number, c1: number, s1: number, c0: number, s0: number, out: number, dx: number, dc1: number, dc0: number, n: number): void;
  betaLogProbF64(x: number, sx: number, c1: number, s1: number, c0: number, s0: number, out: number, dx: number, dc1: number, dc0: number, n: number): void;
  poissonLogProbF32(x: number, sx: number, logRate: number, sr: number, out: number, dx: number, dLogRate: number, n: number): void;
  poissonLogProbF64(x: number, sx: number, logRate: number, sr: number, out: number, dx: number, dLogRate: number, n: number): void;
}


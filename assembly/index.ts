// The export list of the probasm core. Kernels live one family per file.
export { heapBase, simdBuild } from "./runtime";
export { threefry2x32, tfClassicU32, tfClassicU64, tfPartU32, tfPartPairs } from "./random/threefry";
export { uniformF32, uniformF64 } from "./random/uniform";
export { normalF32, normalF64 } from "./random/normal";
export { exponentialF32, exponentialF64, gumbelF32, gumbelF64 } from "./random/exponential";
export { fma32Exact, fma64, fma32Batch } from "./special/fma";
export { log32, log1p32, log1p64 } from "./special/xla_log";
export { erfinv32, erfinv64 } from "./special/erfinv";
export { binaryF32, binaryF64, unaryF32, unaryF64 } from "./kernels/elementwise";
export { reduceF32, reduceF64, cumsumF32, cumsumF64, cumLogSumExpF32, cumLogSumExpF64 } from "./kernels/reduce";
export { matmulF32, matmulF64 } from "./linalg/matmul";
export { choleskyF32, choleskyF64 } from "./linalg/cholesky";
export { triangularSolveF32, triangularSolveF64 } from "./linalg/triangular_solve";
export { logSoftmaxF32, logSoftmaxF64 } from "./kernels/softmax";
export { specialUnaryF32, specialUnaryF64, specialBinaryF32, specialBinaryF64, specialTernaryF32, specialTernaryF64 } from "./kernels/special";

// as-pect configuration (ESM: package.json has "type": "module"). Run from the repository
// root by scripts/test-as.mjs, once per build:
//   npx asp --config tests-as/as-pect.config.js --as-config tests-as/as-pect.asconfig.json       (scalar)
//   npx asp --config tests-as/as-pect.config.js --as-config tests-as/as-pect.simd.asconfig.json  (SIMD)
// Specs compare primitives only: @as-pect/transform 8.1.0 hard-codes AssemblyScript 0.27
// node kinds, so passing class instances to matchers miscompiles under AS 0.28
// (see shared/TOOLCHAIN.md, "as-pect").
export default {
  /** Spec files (globs, relative to the repository root). */
  entries: ['tests-as/**/*.spec.ts'],
  /** Files added to every spec compilation: none. */
  include: ['tests-as/**/*.include.ts'],
  disclude: [/node_modules/],
  /** The kernels import nothing; the specs import as-pect's host functions and one of ours. */
  async instantiate(memory, createImports, instantiate, binary) {
    // probasm_test.expectSimd: which build scripts/test-as.mjs compiled (-1: run by hand)
    const expectSimd = () => (process.env.PROBASM_AS_SIMD === '1' ? 1 : process.env.PROBASM_AS_SIMD === '0' ? 0 : -1);
    return instantiate(binary, createImports({ env: { memory }, probasm_test: { expectSimd } }));
  },
  outputBinary: false,
};

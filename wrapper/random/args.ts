import { Tensor } from '../np/tensor.js';
import { isTypedArray, describe } from '../np/dtypes.js';

/** True for a plain `{...}` object (an options bag), not an array, tensor or typed array. */
export function isOptionsBag(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Tensor || isTypedArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * JAX-style positional arguments, any trailing run of which may be replaced by one
 * options object: `f(key, [3], 'float32')`, `f(key, [3], { dtype: 'float32' })` and
 * `f(key, { shape: [3], dtype: 'float32' })` all read the same. `fn` names the function
 * in errors; unknown option names are errors.
 */
export function readArgs<T extends Record<string, unknown>>(fn: string, names: readonly (keyof T & string)[], args: readonly unknown[]): Partial<T> {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (i === args.length - 1 && isOptionsBag(a)) {
      const rest = names.slice(i);
      for (const [k, v] of Object.entries(a)) {
        if (!rest.includes(k)) {
          const pos = names.indexOf(k);
          throw new TypeError(pos >= 0 && pos < i
            ? `${fn}: ${k} was given both positionally and in the options object`
            : `${fn}: unknown option '${k}'; expected ${rest.map((r) => `'${r}'`).join(', ') || 'no options here'}`);
        }
        if (v !== undefined) out[k] = v;
      }
      return out as Partial<T>;
    }
    if (i >= names.length) throw new TypeError(`${fn}: too many arguments (${args.length}); got ${describe(a)} at position ${i + 2}`);
    if (a !== undefined) out[names[i]] = a;
  }
  return out as Partial<T>;
}

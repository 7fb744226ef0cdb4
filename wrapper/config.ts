/** The global switches probasm mirrors from `jax.config`. */
export interface ConfigValues {
  /** JAX's `jax_threefry_partitionable` (default false here: the classic layout). */
  jax_threefry_partitionable: boolean;
  /** JAX's `jax_enable_x64`: 64-bit seeds split as JAX x64 does, and float64 as the default float. */
  jax_enable_x64: boolean;
}

const values: ConfigValues = { jax_threefry_partitionable: false, jax_enable_x64: false };

/**
 * Global configuration, mirroring `jax.config`.
 *
 * - `jax_threefry_partitionable` chooses the Threefry counter layout: `false` (default)
 *   is the classic layout that JAX used up to 0.4 and that the TFP/JAX documentation
 *   prints; `true` is the partitionable layout, JAX's default since 0.5. A key made with
 *   `random.key(seed, { partitionable })` ignores this switch.
 * - `jax_enable_x64`: seeds keep their high 32 bits (`PRNGKey(-1)` is
 *   `[4294967295, 4294967295]` instead of `[0, 4294967295]`) and samplers default to
 *   float64, as in JAX.
 *
 * @example
 * ```ts
 * config.update('jax_threefry_partitionable', true);
 * config.read('jax_threefry_partitionable'); // true
 * config.enableX64(false);
 * ```
 */
export const config = {
  /** Sets a switch by its JAX name. */
  update<K extends keyof ConfigValues>(name: K, value: ConfigValues[K]): void {
    if (!(name in values)) {
      throw new RangeError(`config.update: unknown option ${JSON.stringify(name)}; known: ${Object.keys(values).join(', ')}`);
    }
    if (typeof value !== 'boolean') {
      throw new TypeError(`config.update: ${name} must be true or false; got ${String(value)}`);
    }
    values[name] = value;
  },
  /** Reads a switch by its JAX name. */
  read<K extends keyof ConfigValues>(name: K): ConfigValues[K] {
    if (!(name in values)) throw new RangeError(`config.read: unknown option ${JSON.stringify(name)}`);
    return values[name];
  },
  /** Shorthand for `update('jax_enable_x64', on)`. */
  enableX64(on = true): void {
    config.update('jax_enable_x64', on);
  },
  /** Shorthand for `update('jax_threefry_partitionable', on)`. */
  threefryPartitionable(on = true): void {
    config.update('jax_threefry_partitionable', on);
  },
};

/** @internal The default float dtype (float64 under x64, as in JAX). */
export function defaultFloat(): 'float32' | 'float64' {
  return values.jax_enable_x64 ? 'float64' : 'float32';
}

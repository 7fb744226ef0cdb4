/**
 * Helpers shared by the joint distributions: reading a model function's parameter names,
 * TFP's seed schedule for joint distributions on JAX, TFP's rule for a component's
 * explicit name, and structure checks. No numerics here.
 *
 * Seeds (TFP on JAX, `JointDistribution._execute_model` and `samplers.sanitize_seed` /
 * `split_seed`): the user's key is salted once, `s = foldIn(seed, sha512('JointDistribution')
 * mod 2^32)`, then for every part in execution order `[k_i, s] = split(s, 2)`; part i samples
 * with `k_i`. The split happens for every part, pinned or not, so pinning one part does not
 * change the draws of the others. AutoBatched sampling with a non-trivial sample shape runs
 * the model once per draw (TFP's `iid_sample`): the draw keys are
 * `split(foldIn(seed, sha512('iid_sample_stateless') mod 2^32), prod(sampleShape))`.
 */
import { Tensor } from '../np/tensor.js';
import { foldIn, split } from '../random/key.js';
import type { KeyLike } from '../types/random.js';
import type { Distribution } from './distribution.js';

/** sha512('JointDistribution') mod 2^32: TFP's salt for a joint distribution's seed. */
export const JD_SEED_SALT = 3852058995;
/** sha512('iid_sample_stateless') mod 2^32: TFP's salt for auto-batched iid draws. */
export const IID_SEED_SALT = 1832717518;

/**
 * TFP's per-part keys: a function giving the key of the next part each call.
 * @example `const next = partSeeds(random.key(0)); next(); next();`
 */
export function partSeeds(seed: KeyLike): () => Tensor {
  let s = foldIn(seed, JD_SEED_SALT);
  return () => {
    const ks = split(s, 2);
    s = ks.index(1);
    return ks.index(0);
  };
}

/** The `n` keys of auto-batched iid draws (TFP's `iid_sample` with a stateless seed). */
export function iidSeeds(seed: KeyLike, n: number): Tensor[] {
  const ks = split(foldIn(seed, IID_SEED_SALT), n);
  return Array.from({ length: n }, (_, i) => ks.index(i));
}

/** A plain object (not a tensor, typed array or class instance). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** A short description of a value for error messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof Tensor) return `a Tensor of shape [${v.shape.join(', ')}]`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return typeof v;
}

/**
 * TFP's `get_explicit_name_for_component`: a distribution's name counts as given by the
 * user unless it contains the class name (every default name in probasm does).
 */
export function explicitName(d: Distribution): string | undefined {
  const name = d.name;
  if (!name || name.includes(d.constructor.name)) return undefined;
  return name;
}

/** A function's parameters: names in order, how many are required (TFP's "required args"). */
export interface ParsedParams {
  /** All simple parameter names, in order (rest parameter excluded). */
  names: string[];
  /** Names of the required parameters: those before the first default value or rest parameter. */
  required: string[];
}

/**
 * Reads a function's parameter names from its source text (`Function.prototype.toString`):
 * arrow functions (`(a, b) => ...`, `a => ...`), `function` expressions, generator and
 * method shorthand. Default values end the required parameters (TFP only feeds required
 * args), a rest parameter is ignored. Destructured parameters have no name: a TypeError
 * that says to use the explicit `{ fn, deps }` form. Returns undefined when the source
 * cannot be read (native or bound functions).
 */
export function parseParams(fn: Function, what: string): ParsedParams | undefined {
  const src = Function.prototype.toString.call(fn).trim();
  if (/^class\b/.test(src)) throw new TypeError(`${what}: a class is not a distribution-making function; wrap it, e.g. (loc) => new tfd.Normal({ loc, scale: 1 })`);
  if (src.includes('[native code]')) return undefined;
  let body = src.replace(/^async\s+/, '');
  const simpleArrow = /^([A-Za-z_$][\w$]*)\s*=>/.exec(body);
  if (simpleArrow) return { names: [simpleArrow[1]], required: [simpleArrow[1]] };
  const open = body.indexOf('(');
  if (open < 0) return undefined;
  body = body.slice(open);
  const close = matchParen(body);
  if (close < 0) return undefined;
  const list = stripComments(body.slice(1, close));
  const names: string[] = [];
  const required: string[] = [];
  let optional = false;
  for (const raw of splitTopLevel(list)) {
    const p = raw.trim();
    if (p === '') continue;
    if (p.startsWith('...')) { optional = true; continue; }
    if (p.startsWith('{') || p.startsWith('[')) {
      throw new TypeError(`${what}: destructured parameters (${p.split('=')[0].trim()}) are not supported; name each dependency, or use the explicit form { fn, deps: ['a', 'b'] }`);
    }
    const eq = p.indexOf('=');
    const name = (eq >= 0 ? p.slice(0, eq) : p).trim();
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
    names.push(name);
    if (eq >= 0) optional = true;
    if (!optional) required.push(name);
  }
  return { names, required };
}

/** Index of the parenthesis closing the one at 0 (skipping strings and nesting), or -1. */
function matchParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') { i = skipString(s, i); continue; }
    if (c === '/' && s[i + 1] === '*') { const e = s.indexOf('*/', i + 2); if (e < 0) return -1; i = e + 1; continue; }
    if (c === '/' && s[i + 1] === '/') { const e = s.indexOf('\n', i); if (e < 0) return -1; i = e; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { depth--; if (depth === 0) return c === ')' ? i : -1; }
  }
  return -1;
}

function skipString(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') { j++; continue; }
    if (s[j] === q) return j;
  }
  return s.length;
}

function stripComments(s: string): string {
  return s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** Splits at commas not nested in brackets or strings. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') { i = skipString(s, i); continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) { out.push(s.slice(start, i)); start = i + 1; }
  }
  out.push(s.slice(start));
  return out;
}

/** `[2, 3]` -> '[2, 3]'. */
export const shapeStr = (s: readonly number[]): string => `[${s.join(', ')}]`;

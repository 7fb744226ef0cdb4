import type { Tensor } from './tensor.js';

const SUMMARY_THRESHOLD = 1000;
const EDGE = 3;

/** Shortest decimal that reads back to the same value at the dtype's precision. */
function shortest(x: number, f32: boolean): string {
  if (!f32) return String(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

/** NumPy-like positional float text: '4.', '0.5', '-1.25'. */
function positional(x: number, f32: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  let s = shortest(x, f32);
  if (s.includes('e')) s = x.toFixed(Math.min(100, Math.max(0, -Math.floor(Math.log10(Math.abs(x))) + 8)));
  return s.includes('.') ? s : `${s}.`;
}

/** NumPy-like scientific text: '1.5e-05', '-2.e+10'. */
function scientific(x: number, f32: boolean): string {
  if (!Number.isFinite(x)) return positional(x, f32);
  const digits = shortest(x, f32);
  const [m, e = '0'] = Number(digits).toExponential().split('e');
  const exp = Number(e);
  const mant = m.includes('.') ? m : `${m}.`;
  return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function formatter(t: Tensor): (x: number) => string {
  const d = t._data;
  if (t.dtype === 'bool') return (x) => (x ? ' True' : 'False');
  if (t.dtype === 'int32' || t.dtype === 'uint32') return (x) => String(x);
  const f32 = t.dtype === 'float32';
  let maxAbs = 0, minAbs = Infinity;
  for (let i = 0; i < d.length; i++) {
    const a = Math.abs(d[i]);
    if (!Number.isFinite(a)) continue;
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minAbs) minAbs = a;
  }
  const sci = maxAbs >= 1e8 || (minAbs < 1e-4) || (minAbs !== Infinity && maxAbs / minAbs > 1e3);
  return sci ? (x) => scientific(x, f32) : (x) => positional(x, f32);
}

/** Pads a column of numbers NumPy-style: integer parts right-aligned, fractions left-aligned. */
function pad(strs: string[], isFloat: boolean): string[] {
  if (!isFloat) {
    const w = Math.max(...strs.map((s) => s.length));
    return strs.map((s) => s.padStart(w));
  }
  const special = (s: string): boolean => /^-?(nan|inf)$/.test(s);
  const parts = strs.map((s) => {
    const k = s.search(/[.e]/);
    return special(s) || k < 0 ? [s, ''] : [s.slice(0, k), s.slice(k)];
  });
  const finite = parts.filter((_, i) => !special(strs[i]));
  const wi = Math.max(0, ...finite.map((p) => p[0].length));
  const wf = Math.max(0, ...finite.map((p) => p[1].length));
  const width = Math.max(wi + wf, ...strs.filter(special).map((s) => s.length));
  return parts.map(([a, b], i) => (special(strs[i]) ? a.padStart(width) : a.padStart(wi) + b.padEnd(wf)));
}

/** JAX's repr of an array: `Array([0.5, 1. ], dtype=float32)`. */
export function formatTensor(t: Tensor): string {
  const prefix = 'Array(';
  const fmt = formatter(t);
  const d = t._data;
  const summarize = t.size > SUMMARY_THRESHOLD;
  const isFloat = t.dtype === 'float32' || t.dtype === 'float64';
  // collect printed element positions
  const shown: number[] = [];
  const walk = (dim: number, off: number, stride: number): void => {
    if (dim === t.shape.length) { shown.push(off); return; }
    const n = t.shape[dim], inner = stride / (n || 1);
    for (let i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i === EDGE) i = n - EDGE;
      walk(dim + 1, off + i * inner, inner);
    }
  };
  walk(0, 0, t.size);
  const texts = pad(shown.map((k) => fmt(d[k])), isFloat);
  const byIndex = new Map<number, string>();
  shown.forEach((k, j) => byIndex.set(k, texts[j]));
  const indent = ' '.repeat(prefix.length);
  const render = (dim: number, off: number, stride: number): string => {
    if (dim === t.shape.length) return byIndex.get(off)!;
    const n = t.shape[dim], inner = stride / (n || 1);
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i === EDGE) { items.push('...'); i = n - EDGE; }
      items.push(render(dim + 1, off + i * inner, inner));
    }
    const depth = t.shape.length - dim;
    const sep = depth === 1 ? ', ' : ',' + '\n'.repeat(depth - 1) + indent + ' '.repeat(dim + 1);
    return `[${items.join(sep)}]`;
  };
  return `${prefix}${render(0, 0, t.size)}, dtype=${t.dtype})`;
}

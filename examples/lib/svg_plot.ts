/**
 * A dependency-free SVG plot writer for the examples and benchmarks: line plots (one series
 * per MCMC chain, e.g. the target log-prob trace) and histograms (e.g. posterior draws of a
 * weight), arranged as panels of one figure. Output is a standalone SVG 1.1 document (UTF-8,
 * no scripts, no external resources) that browsers and GitHub render directly.
 *
 * Axes use "nice" ticks (steps of 1, 2, 2.5 or 5 × 10^k) covering the data range; non-finite
 * values are left out (a line is broken at a NaN or ±inf). Text is XML-escaped.
 *
 * @example
 * ```ts
 * const svg = renderFigure([
 *   { kind: 'line', title: 'target log-prob', xLabel: 'draw', series: [{ label: 'chain 0', y: [1, 3, 2] }] },
 *   { kind: 'histogram', title: 'w[0,0]', series: [{ label: 'all chains', values: [0.1, 0.4, 0.2] }] },
 * ], { columns: 2 });
 * writeFileSync('plot.svg', svg);
 * ```
 */

/** One line of a line plot: `y[i]` is drawn at `x[i]` (default `i`). */
export interface LineSeries { label: string; y: ArrayLike<number>; x?: ArrayLike<number> }
/** One histogram of `values` (drawn as a step outline over a light fill). */
export interface HistogramSeries { label: string; values: ArrayLike<number> }

/** A line-plot panel. */
export interface LinePanel { kind: 'line'; title: string; xLabel?: string; yLabel?: string; series: LineSeries[] }
/** A histogram panel; all series share the same `bins` equal-width bins over their joint range. */
export interface HistogramPanel {
  kind: 'histogram'; title: string; xLabel?: string; yLabel?: string; series: HistogramSeries[]; bins?: number;
  /** Vertical reference lines (e.g. a reference posterior mean), drawn dashed. */
  markers?: { label: string; x: number }[];
}
export type Panel = LinePanel | HistogramPanel;

/** Figure layout options. */
export interface FigureOptions {
  /** Panels per row (default 1). */
  columns?: number;
  panelWidth?: number;
  panelHeight?: number;
  /** A title above all panels. */
  title?: string;
}

/** The tab10 palette (colour-blind-friendly enough for a handful of chains). */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Escapes text for XML character data and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]!));
}

const fmt = (v: number): string => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(6)));
};
const num = (v: number): string => (Math.round(v * 100) / 100).toString();

/** Nice tick positions covering [lo, hi] with about `count` intervals. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) { const d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1; lo -= d; hi += d; }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  if (ticks[0] > lo) ticks.unshift(ticks[0] - step);
  if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function finiteRange(arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The bin counts of `values` over `bins` equal bins of [lo, hi] (non-finite values skipped). */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins || 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / w)))]++;
  }
  return counts;
}

interface Box { x: number; y: number; w: number; h: number }

function axes(out: string[], box: Box, xt: number[], yt: number[], sx: (v: number) => number, sy: (v: number) => number,
  p: { title: string; xLabel?: string; yLabel?: string }): void {
  const { x, y, w, h } = box;
  out.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="#ffffff" stroke="#444444" stroke-width="1"/>`);
  for (const t of yt) {
    const py = sy(t);
    out.push(`<line x1="${num(x)}" y1="${num(py)}" x2="${num(x + w)}" y2="${num(py)}" stroke="#e6e6e6" stroke-width="1"/>`);
    out.push(`<text x="${num(x - 6)}" y="${num(py + 4)}" text-anchor="end" font-size="11">${escapeXml(fmt(t))}</text>`);
  }
  for (const t of xt) {
    const px = sx(t);
    out.push(`<line x1="${num(px)}" y1="${num(y + h)}" x2="${num(px)}" y2="${num(y + h + 4)}" stroke="#444444" stroke-width="1"/>`);
    out.push(`<text x="${num(px)}" y="${num(y + h + 17)}" text-anchor="middle" font-size="11">${escapeXml(fmt(t))}</text>`);
  }
  out.push(`<text x="${num(x + w / 2)}" y="${num(y - 10)}" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(p.title)}</text>`);
  if (p.xLabel) out.push(`<text x="${num(x + w / 2)}" y="${num(y + h + 34)}" text-anchor="middle" font-size="12">${escapeXml(p.xLabel)}</text>`);
  if (p.yLabel) {
    out.push(`<text x="${num(x - 52)}" y="${num(y + h / 2)}" text-anchor="middle" font-size="12" transform="rotate(-90 ${num(x - 52)} ${num(y + h / 2)})">${escapeXml(p.yLabel)}</text>`);
  }
}

function legend(out: string[], box: Box, labels: string[]): void {
  const shown = labels.slice(0, 10);
  shown.forEach((label, i) => {
    const ly = box.y + 14 + i * 15, lx = box.x + box.w - 110;
    out.push(`<line x1="${num(lx)}" y1="${num(ly - 4)}" x2="${num(lx + 18)}" y2="${num(ly - 4)}" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2"/>`);
    out.push(`<text x="${num(lx + 23)}" y="${num(ly)}" font-size="11">${escapeXml(label)}</text>`);
  });
}

function linePanel(out: string[], box: Box, p: LinePanel): void {
  const xs = p.series.map((s) => s.x ?? Float64Array.from({ length: s.y.length }, (_, i) => i));
  const [x0, x1] = finiteRange(xs);
  const [y0, y1] = finiteRange(p.series.map((s) => s.y));
  const xt = niceTicks(x0, x1, 6), yt = niceTicks(y0, y1, 5);
  const xl = xt[0] ?? x0, xh = xt[xt.length - 1] ?? x1, yl = yt[0] ?? y0, yh = yt[yt.length - 1] ?? y1;
  const sx = (v: number) => box.x + ((v - xl) / (xh - xl || 1)) * box.w;
  const sy = (v: number) => box.y + box.h - ((v - yl) / (yh - yl || 1)) * box.h;
  axes(out, box, xt, yt, sx, sy, p);
  p.series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const segs: string[] = [];
    let cur: string[] = [];
    for (let i = 0; i < s.y.length; i++) {
      const xv = xs[k][i], yv = s.y[i];
      if (Number.isFinite(xv) && Number.isFinite(yv)) cur.push(`${num(sx(xv))},${num(sy(yv))}`);
      else if (cur.length) { segs.push(cur.join(' ')); cur = []; }
    }
    if (cur.length) segs.push(cur.join(' '));
    for (const pts of segs) {
      out.push(`<polyline fill="none" stroke="${colour}" stroke-width="1" stroke-opacity="0.85" points="${pts}"/>`);
    }
  });
  if (p.series.length > 1) legend(out, box, p.series.map((s) => s.label));
}

function histogramPanel(out: string[], box: Box, p: HistogramPanel): void {
  const bins = p.bins ?? 30;
  const [lo, hi0] = finiteRange(p.series.map((s) => s.values));
  const hi = hi0 > lo ? hi0 : lo + 1;
  const counts = p.series.map((s) => histogram(s.values, lo, hi, bins));
  const ymax = Math.max(1, ...counts.flat());
  const xt = niceTicks(lo, hi, 5).filter((t) => t >= lo - 1e-12 && t <= hi + 1e-12);
  const yt = niceTicks(0, ymax, 4).filter((t) => t >= 0);
  const yh = Math.max(ymax, yt[yt.length - 1] ?? ymax);
  const sx = (v: number) => box.x + ((v - lo) / (hi - lo)) * box.w;
  const sy = (v: number) => box.y + box.h - (v / yh) * box.h;
  axes(out, box, xt, yt, sx, sy, { ...p, yLabel: p.yLabel ?? 'count' });
  const bw = (hi - lo) / bins;
  counts.forEach((c, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const pts: string[] = [`${num(sx(lo))},${num(sy(0))}`];
    c.forEach((v, i) => { pts.push(`${num(sx(lo + i * bw))},${num(sy(v))}`, `${num(sx(lo + (i + 1) * bw))},${num(sy(v))}`); });
    pts.push(`${num(sx(hi))},${num(sy(0))}`);
    out.push(`<polygon fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-width="1.2" points="${pts.join(' ')}"/>`);
  });
  for (const m of p.markers ?? []) {
    if (!Number.isFinite(m.x) || m.x < lo || m.x > hi) continue;
    out.push(`<line x1="${num(sx(m.x))}" y1="${num(box.y)}" x2="${num(sx(m.x))}" y2="${num(box.y + box.h)}" stroke="#000000" stroke-width="1.2" stroke-dasharray="4 3"><title>${escapeXml(`${m.label}: ${fmt(m.x)}`)}</title></line>`);
  }
  const labels = p.series.map((s) => s.label);
  if (labels.length > 1 || (p.markers?.length ?? 0) > 0) legend(out, box, labels.concat((p.markers ?? []).map((m) => `-- ${m.label}`)));
}

/** Renders panels as one SVG document. */
export function renderFigure(panels: readonly Panel[], options: FigureOptions = {}): string {
  const columns = Math.max(1, Math.floor(options.columns ?? 1));
  const pw = options.panelWidth ?? 640, ph = options.panelHeight ?? 300;
  const rows = Math.max(1, Math.ceil(panels.length / columns));
  const top = options.title ? 30 : 0;
  const W = columns * pw, H = rows * ph + top;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#fafafa"/>`,
  ];
  if (options.title) out.push(`<text x="${W / 2}" y="21" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(options.title)}</text>`);
  panels.forEach((p, i) => {
    const cx = (i % columns) * pw, cy = top + Math.floor(i / columns) * ph;
    const box: Box = { x: cx + 70, y: cy + 32, w: pw - 90, h: ph - 80 };
    out.push('<g>');
    if (p.kind === 'line') linePanel(out, box, p); else histogramPanel(out, box, p);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

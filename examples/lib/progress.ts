/**
 * A text progress bar for terminal programs. On a TTY it redraws one line in place
 * (`\r`, at most every `minIntervalMs`); when the stream is not a TTY (CI logs, pipes, the
 * examples test) it prints a plain line at every `lineEvery` fraction of the work instead, so
 * logs stay short and readable. `done()` always prints the final line.
 *
 * @example
 * ```ts
 * const bar = new ProgressBar({ total: 1000, label: 'NUTS' });
 * for (let i = 1; i <= 1000; i++) { work(); bar.update(i, 'warm-up'); }
 * bar.done();
 * ```
 */

/** The part of a writable stream the bar needs (process.stdout fits). */
export interface ProgressStream { write(s: string): unknown; isTTY?: boolean; columns?: number }

export interface ProgressBarOptions {
  total: number;
  label?: string;
  /** Default process.stdout. */
  stream?: ProgressStream;
  /** Width of the bar in characters (default 30). */
  width?: number;
  /** Minimum time between TTY redraws (default 100 ms). */
  minIntervalMs?: number;
  /** Non-TTY: print a line each time this fraction of the total is passed (default 0.25). */
  lineEvery?: number;
  /** Force TTY or line mode (default: the stream's isTTY). */
  tty?: boolean;
}

/** Formats seconds as `12.3s` or `1m02s`. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
}

export class ProgressBar {
  readonly total: number;
  private readonly label: string;
  private readonly stream: ProgressStream;
  private readonly width: number;
  private readonly minIntervalMs: number;
  private readonly lineEvery: number;
  private readonly tty: boolean;
  private readonly t0 = performance.now();
  private lastDraw = -Infinity;
  private nextLineAt: number;
  private current = 0;
  private finished = false;

  constructor(options: ProgressBarOptions) {
    if (!options || !(options.total > 0)) throw new RangeError(`ProgressBar: total must be a positive number; got ${options?.total}`);
    this.total = options.total;
    this.label = options.label ?? '';
    this.stream = options.stream ?? process.stdout;
    this.width = options.width ?? 30;
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.lineEvery = options.lineEvery ?? 0.25;
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.nextLineAt = this.lineEvery;
  }

  /** The text of the bar at `current` steps with an optional status note. */
  render(current: number, note = ''): string {
    const frac = Math.min(1, Math.max(0, current / this.total));
    const filled = Math.round(frac * this.width);
    const elapsed = (performance.now() - this.t0) / 1000;
    const eta = frac > 0 ? elapsed * (1 - frac) / frac : NaN;
    const bar = '#'.repeat(filled) + '-'.repeat(this.width - filled);
    const pct = `${(100 * frac).toFixed(0).padStart(3)}%`;
    const times = frac < 1 ? `${formatSeconds(elapsed)} elapsed, ${formatSeconds(eta)} left` : `${formatSeconds(elapsed)}`;
    return `${this.label ? this.label + ' ' : ''}[${bar}] ${pct} ${current}/${this.total} ${times}${note ? ' ' + note : ''}`;
  }

  /** Reports progress (`current` steps of `total`). */
  update(current: number, note = ''): void {
    if (this.finished) return;
    this.current = current;
    const now = performance.now();
    if (this.tty) {
      if (now - this.lastDraw < this.minIntervalMs && current < this.total) return;
      this.lastDraw = now;
      this.stream.write(`\r${this.render(current, note)}\x1b[K`);
    } else if (current / this.total >= this.nextLineAt && current < this.total) {
      while (current / this.total >= this.nextLineAt) this.nextLineAt += this.lineEvery;
      this.stream.write(`${this.render(current, note)}\n`);
    }
  }

  /** Prints the final state and ends the line. */
  done(note = ''): void {
    if (this.finished) return;
    this.finished = true;
    const line = this.render(Math.max(this.current, this.total), note);
    this.stream.write(this.tty ? `\r${line}\x1b[K\n` : `${line}\n`);
  }
}

/**
 * A terminal progress bar with counts and ETA, shared by every long-running script. On a TTY it redraws
 * one line; elsewhere (CI logs) it prints a line at most every few seconds so logs stay readable.
 */
export interface ProgressOptions {
  /** What is being counted, e.g. "files" or "figures". */
  unit: string;
  /** Total number of items. */
  total: number;
  /** Total work, when items differ in cost (the ETA then follows work, not item count). */
  totalWork?: number;
  /** Optional second quantity shown beside the count (e.g. bytes). */
  formatExtra?: (done: number, total: number) => string;
  /** Stream to draw on (stderr by default, so stdout stays clean for --json output). */
  stream?: NodeJS.WriteStream;
}

const BAR_WIDTH = 24;
const LOG_INTERVAL_MS = 3000;

export class ProgressBar {
  private done = 0;
  private workDone = 0;
  private extraDone = 0;
  private readonly started = Date.now();
  private lastLog = 0;
  private readonly stream: NodeJS.WriteStream;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
  }

  /** Advance by `items` items (`work` units of work, `extra` of the second quantity), with the current item's label. */
  tick(label: string, items = 1, extra = 0, work = items): void {
    this.done += items;
    this.workDone += work;
    this.extraDone += extra;
    this.draw(label);
  }

  /** Add to the second quantity without finishing an item (e.g. bytes of a download in flight). */
  advanceExtra(label: string, extra: number): void {
    this.extraDone += extra;
    this.draw(label);
  }

  /** Seconds since the bar started. */
  elapsedSeconds(now = Date.now()): number {
    return (now - this.started) / 1000;
  }

  /**
   * The ETA in seconds: the work left, scaled by the seconds each unit of work done so far took. With work
   * in predicted seconds this is the predicted seconds left times the ratio of actual to predicted so far.
   */
  remainingSeconds(now = Date.now()): number | null {
    const fraction = this.workFraction();
    if (fraction <= 0) return null;
    return (this.elapsedSeconds(now) / fraction) * (1 - fraction);
  }

  finish(summary: string): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[K');
    this.stream.write(`${summary}\n`);
  }

  private workFraction(): number {
    const { total, totalWork } = this.options;
    // Every item done is all the work done, whatever the sum of floating-point work says.
    if (this.done >= total) return 1;
    if (totalWork) return Math.min(1, this.workDone / totalWork);
    return total === 0 ? 1 : Math.min(1, this.done / total);
  }

  private draw(label: string): void {
    const now = Date.now();
    const { total, unit } = this.options;
    const fraction = total === 0 ? 1 : Math.min(1, this.done / total);
    const workFraction = this.workFraction();
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
    const extra = this.options.formatExtra ? ` ${this.options.formatExtra(this.extraDone, total)}` : '';
    const line = `[${bar}] ${this.done}/${total} ${unit}${extra} ${formatEta(this.started, now, workFraction)} ${label}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[K${line.slice(0, (this.stream.columns ?? 120) - 1)}`);
    } else if (now - this.lastLog >= LOG_INTERVAL_MS || this.done === total) {
      this.lastLog = now;
      this.stream.write(`${line}\n`);
    }
  }
}

/** "ETA 12s" from the elapsed time and the fraction done; "ETA --" until there is something to go on. */
export function formatEta(started: number, now: number, fraction: number): string {
  if (fraction <= 0) return 'ETA --';
  if (fraction >= 1) return `done in ${formatSeconds((now - started) / 1000)}`;
  const elapsed = (now - started) / 1000;
  return `ETA ${formatSeconds((elapsed / fraction) * (1 - fraction))}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 59.5) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  // Round first, so 179.6 s reads 3m00s, not 2m60s.
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

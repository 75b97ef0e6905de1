/**
 * A progress line on stderr. On a terminal it redraws in place (at most every 100 ms); in a log it
 * prints a new line every few seconds, so a CI log stays readable.
 */
import type { Io } from '../command';

const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 3000;

export class ProgressLine {
  private lastMs = -Infinity;
  private visible = false;

  constructor(private readonly io: Io) {}

  update(text: string): void {
    const now = performance.now();
    if (now - this.lastMs < (this.io.errIsTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
    this.lastMs = now;
    if (this.io.errIsTTY) {
      this.io.err(`\r${text}\x1b[K`);
      this.visible = true;
    } else {
      this.io.err(`${text}\n`);
    }
  }

  /** Clears the line before other output, so it does not end up mid-line. */
  clear(): void {
    if (!this.visible) return;
    this.io.err('\r\x1b[K');
    this.visible = false;
    // Redraw at the next update, under whatever was just printed.
    this.lastMs = -Infinity;
  }

  finish(text: string): void {
    this.clear();
    this.io.err(`${text}\n`);
  }
}

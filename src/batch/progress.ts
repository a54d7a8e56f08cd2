/**
 * The progress line on stderr: “检查 [██████░░░░] 12/60 涂山镇.docx”. Drawn only
 * on a terminal (the caller decides), redrawn at most every 50 ms, and erased
 * before anything else is printed so it never mixes with the report.
 */
import { displayWidth } from '../present/width.js';
import { visible } from '../formatters/terminal.js';

export interface Progress {
  /** `done` of `total` drafts finished; `current` is the one the batch waits for next. */
  update(done: number, total: number, current: string): void;
  /** Erase the line (before writing output); the next update draws it again. */
  clear(): void;
  /** Erase it for good. */
  end(): void;
}

const BAR = 20;
const INTERVAL_MS = 50;

/** Cuts a path from the left to fit `width` display columns: “…/乡镇/涂山镇.docx”. */
function fit(path: string, width: number): string {
  if (displayWidth(path) <= width) return path;
  let s = path;
  while (s.length && displayWidth(s) > width - 1) s = s.slice(1);
  return `…${s}`;
}

export function createProgress(write: (s: string) => void, columns = 80): Progress {
  let done = 0;
  let total = 0;
  let current = '';
  let shown = false;
  let last = 0;
  let ended = false;
  const draw = (force: boolean) => {
    if (ended) return;
    const now = Date.now();
    if (!force && shown && now - last < INTERVAL_MS) return;
    last = now;
    const filled = total ? Math.round((done / total) * BAR) : BAR;
    const head = `检查 [${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${done}/${total} `;
    const room = Math.max(10, columns - 1 - displayWidth(head));
    write(`\r\u001b[2K${head}${fit(current, room)}`);
    shown = true;
  };
  return {
    update(d, t, file) {
      const first = !shown && done === 0;
      done = d;
      total = t;
      current = visible(file); // a file name's escape sequences are shown, not obeyed
      draw(first || done === total);
    },
    clear() {
      if (shown) write('\r\u001b[2K');
      shown = false;
    },
    end() {
      if (shown) write('\r\u001b[2K');
      shown = false;
      ended = true;
    },
  };
}

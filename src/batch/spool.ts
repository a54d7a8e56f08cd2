import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ReportSink, Spool } from '../formatters/context.js';
import { memorySpool } from '../formatters/report.js';

/** Text is gathered to this size before it goes to the file: one write per draft would be thousands of system calls. */
const BUFFER = 1 << 16;
const READ = 1 << 20;
let made = 0;

/**
 * A spool in a temporary file, so a report's held sections do not grow the
 * heap with the number of drafts. The file is private (0600) and removed as soon
 * as it is open where the system allows it, so a crash leaves nothing behind;
 * otherwise when drained. Falls back to memory when the temporary folder cannot
 * be written.
 */
export function fileSpool(folder = tmpdir()): Spool {
  const path = join(folder, `lawreport-lint-${process.pid}-${Date.now().toString(36)}-${made++}.spool`);
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch {
    return memorySpool();
  }
  let unlinked = tryUnlink(path);
  let pending: string[] = [];
  let pendingLength = 0;
  let pendingBytes = 0;
  let written = 0;
  /** Byte offsets where each piece ends (Spool.cut). */
  const cuts: number[] = [];
  const flush = () => {
    if (!pendingLength) return;
    written += writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
    pendingBytes = 0;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      pendingBytes += Buffer.byteLength(text);
      if (pendingLength >= BUFFER) flush();
    },
    cut() {
      cuts.push(written + pendingBytes);
    },
    drainTo(sink: ReportSink, order?: readonly number[]) {
      for (const text of this.read(order)) sink.write(text);
    },
    *read(order?: readonly number[]) {
      flush();
      const buf = Buffer.allocUnsafe(READ);
      // each piece is whole strings, so it starts and ends on a character boundary
      function* copy(from: number, to: number) {
        const decoder = new StringDecoder('utf8');
        for (let at = from; at < to;) {
          const n = readSync(fd, buf, 0, Math.min(READ, to - at), at);
          if (!n) break;
          at += n;
          const text = decoder.write(buf.subarray(0, n));
          if (text) yield text;
        }
        const rest = decoder.end();
        if (rest) yield rest;
      }
      try {
        if (order) for (const i of order) yield* copy(i ? cuts[i - 1] : 0, cuts[i]);
        yield* copy(order ? cuts[cuts.length - 1] ?? 0 : 0, written);
      } finally {
        closeSync(fd);
        if (!unlinked) unlinked = tryUnlink(path);
      }
    },
  };
}

function tryUnlink(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

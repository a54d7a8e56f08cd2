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
  let written = 0;
  const flush = () => {
    if (!pendingLength) return;
    written += writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= BUFFER) flush();
    },
    drainTo(sink: ReportSink) {
      flush();
      const decoder = new StringDecoder('utf8');
      const buf = Buffer.allocUnsafe(READ);
      try {
        for (let at = 0; at < written;) {
          const n = readSync(fd, buf, 0, Math.min(READ, written - at), at);
          if (!n) break;
          at += n;
          const text = decoder.write(buf.subarray(0, n));
          if (text) sink.write(text);
        }
        const rest = decoder.end();
        if (rest) sink.write(rest);
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

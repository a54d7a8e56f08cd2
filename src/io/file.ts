import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * What a file was when it was read: `--fix` writes only if it is still that file
 * with those bytes (src/io/write.ts).
 */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  dev: number;
  ino: number;
}

export const identityOf = (st: Stats): FileIdentity => ({ size: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino });

/** Drafts larger than this are refused: an annual report is at most about 200 KB of text. */
export const DEFAULT_MAX_DRAFT_BYTES = 1024 * 1024;
/** Config, preset, rule and lexicon files larger than this are refused. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/** A file that is not a regular file: what it is, and why reading it would go wrong. */
const KINDS: [test: (st: Stats) => boolean, noun: string, reading: string][] = [
  [(st) => st.isDirectory(), '文件夹', ''],
  [(st) => st.isFIFO(), '命名管道（FIFO）', '：读取它会一直等到有程序写入'],
  [(st) => st.isCharacterDevice(), '字符设备（如 /dev/zero、终端）', '：读取它可能永远读不完'],
  [(st) => st.isBlockDevice(), '块设备（磁盘）', ''],
  [(st) => st.isSocket(), '套接字', ''],
];

export class NotRegularFileError extends Error {
  constructor(readonly directory: boolean, readonly kind: string) {
    super(`这不是普通文件，而是${kind}`);
  }
}

export class TooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`文件有 ${formatBytes(size)}，超过上限 ${formatBytes(limit)}`);
  }
}

/** What a file that is not a regular file is, in words (“命名管道（FIFO）”); `reading`: with why it cannot be read. */
export function notRegularKind(st: Stats, reading = false): string {
  const k = KINDS.find(([test]) => test(st));
  return k ? k[1] + (reading ? k[2] : '') : '特殊文件';
}

const CHUNK = 1 << 16;

/**
 * Reads a regular file of at most `maxBytes`. Opened without blocking and checked
 * on the open descriptor, so a FIFO never hangs the run and /dev/zero is never
 * read; a file that grows past the limit while read is refused too. Throws
 * NotRegularFileError, TooLargeError, or the system's error.
 */
export function readRegularFile(path: string | Buffer, maxBytes: number): { bytes: Buffer; identity: FileIdentity } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(st.isDirectory(), notRegularKind(st, true));
    if (st.size > maxBytes) throw new TooLargeError(st.size, maxBytes);
    // st.size is a hint only (a file may grow, /proc files say 0): read to the end, at most maxBytes + 1
    const chunks: Buffer[] = [];
    let total = 0;
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, CHUNK)));
    let used = 0;
    for (;;) {
      if (used === buf.length) {
        chunks.push(buf);
        buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total) || 1);
        used = 0;
      }
      const n = readSync(fd, buf, used, buf.length - used, null);
      if (!n) break;
      used += n;
      total += n;
      if (total > maxBytes) throw new TooLargeError(total, maxBytes);
    }
    chunks.push(buf.subarray(0, used));
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), identity: identityOf(st) };
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** “2MB”, “500KB”, “1048576”: a size in bytes, or undefined when unreadable. */
export function parseBytes(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|g|gb|gib|b)?\s*$/i.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const n = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}

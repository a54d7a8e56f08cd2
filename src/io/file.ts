import { formatBytes } from './limits.js';
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

/** A file that is not a regular file: what it is, and why reading it would go wrong. */
const KINDS: [test: (st: Stats) => boolean, noun: string, reading: string][] = [
  [(st) => st.isDirectory(), '文件夹', ''],
  [(st) => st.isFIFO(), '命名管道（FIFO）', '：读取它会一直等到有程序写入'],
  [(st) => st.isCharacterDevice(), '字符设备（如 /dev/zero、终端）', '：读取它可能永远读不完'],
  [(st) => st.isBlockDevice(), '块设备（磁盘）', ''],
  [(st) => st.isSocket(), '套接字', ''],
];

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly directory: boolean, readonly kind: string) {
    super(`这不是普通文件，而是${kind}`);
  }
}

export class TooLargeError extends Error {
  readonly code = 'EFBIG';
  /** The size and the limit in words (“2.5 MB”), for messages made where this module is not loaded (config/read-text.ts). */
  readonly sizeText: string;
  readonly limitText: string;
  constructor(readonly size: number, readonly limit: number) {
    super(`文件有 ${formatBytes(size)}，超过上限 ${formatBytes(limit)}`);
    this.sizeText = formatBytes(size);
    this.limitText = formatBytes(limit);
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


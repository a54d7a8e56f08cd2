import {
  chmodSync, closeSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, openSync, readdirSync, readSync, realpathSync,
  renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { identityOf, notRegularKind, readRegularFile, type FileIdentity } from './file.js';

/** A write refused before anything was changed: one line that says why and what to do. */
export class WriteRefused extends Error {
  constructor(readonly code: 'changed' | 'read-only' | 'not-regular' | 'is-input' | 'not-writable' | 'not-found' | 'encoding', message: string) {
    super(message);
  }
}

/**
 * A file written atomically: chunks go to a temporary file in the same folder,
 * which is flushed and renamed over the target, keeping the target's mode (and
 * owner, where the system lets us), only once it is complete. A reader (or a
 * crash) sees either the old file or the new one, never half of each. A streamed
 * report (-o) writes it chunk by chunk.
 */
export class AtomicOutput {
  private readonly tmp: string;
  private readonly mode: number | undefined;
  private fd: number | undefined;

  /**
   * `path`: where to write (a symlink's target, see outputTarget); `like`: the
   * file it replaces, whose mode it keeps, and its owner with `keepOwner`
   * (throwing EPERM when the system does not let us).
   */
  constructor(readonly path: string, like: Stats | undefined = statOrUndefined(path), keepOwner = false) {
    this.mode = like ? like.mode & 0o7777 : undefined;
    const dir = dirname(path);
    cleanStaleTemporaries(dir);
    this.tmp = join(dir, temporaryName(basename(path)));
    this.fd = openSync(this.tmp, 'wx', this.mode ?? 0o644);
    if (like && keepOwner) {
      const mine = fstatSync(this.fd);
      if (mine.uid !== like.uid || mine.gid !== like.gid) {
        try {
          fchownSync(this.fd, like.uid, like.gid);
        } catch (err) {
          this.abort();
          throw err;
        }
      }
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('AtomicOutput: already closed');
    writeSync(this.fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  /**
   * Flushes and moves the file into place; on failure the target is left as it
   * was. `check` runs last before the rename: it throws to leave the target alone.
   */
  commit(check?: () => void): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
    } catch (err) {
      this.abort();
      throw err;
    }
    closeSync(this.fd);
    this.fd = undefined;
    try {
      // the mode given to open() is masked by the umask
      if (this.mode !== undefined) chmodSync(this.tmp, this.mode);
      check?.();
      renameSync(this.tmp, this.path);
    } catch (err) {
      this.removeTemporary();
      throw err;
    }
  }

  /** Drops the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    this.removeTemporary();
  }

  private removeTemporary(): void {
    try { unlinkSync(this.tmp); } catch { /* already gone */ }
  }
}

let made = 0;

/**
 * `.NAME.PID.STAMP.tmp`, with NAME cut so the whole stays within the 255 bytes a
 * file name may have: a draft named with 80 Chinese characters is 240 bytes.
 */
function temporaryName(name: string): string {
  const tail = `.${process.pid}.${Date.now().toString(36)}${(made++).toString(36)}.tmp`;
  let head = name;
  while (Buffer.byteLength(`.${head}${tail}`) > 255) head = head.slice(0, -1);
  return `.${head}${tail}`;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Writes a whole file atomically (see AtomicOutput). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const out = new AtomicOutput(path);
  try {
    out.write(data);
  } catch (err) {
    out.abort();
    throw err;
  }
  out.commit();
}

/** Temporary files of ours: `.NAME.PID.STAMP.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;
const cleaned = new Set<string>();

/**
 * Removes the temporary files a killed run left in `dir` (their process is gone),
 * once per folder and run: the next write there would otherwise leave them for
 * good, each as large as a draft or a report.
 */
export function cleanStaleTemporaries(dir: string): void {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || Number(m[1]) === process.pid || isRunning(Number(m[1]))) continue;
    try {
      if (lstatSync(join(dir, name)).isFile()) unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Whether a process of this id still runs (EPERM: it does, as another user's). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where `-o PATH` writes: PATH itself, or for a symbolic link the file it points
 * to (as the shell's `>` does), which must be a regular file; a new file is
 * fine. Refused: a folder, a device, a FIFO, a dangling link, and any of
 * `inputs` (the drafts and configuration read), which the report would replace.
 */
export function outputTarget(path: string, inputs: Iterable<string>, shown = path): string {
  let target = path;
  let link: Stats | undefined;
  try {
    link = lstatSync(path);
  } catch {
    return path; // a new file
  }
  if (link.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch {
      throw new WriteRefused('not-found', `-o ${shown} 是一个符号链接，它指向的文件不存在；请直接给出输出文件的路径`);
    }
  }
  const st = statSync(target);
  if (!st.isFile()) {
    throw new WriteRefused('not-regular', `-o ${shown} 不是普通文件，而是${notRegularKind(st)}；报告只写入普通文件，请换一个输出路径（要输出到屏幕就不加 -o）`);
  }
  for (const input of inputs) {
    let s: Stats;
    try {
      s = statSync(input);
    } catch {
      continue;
    }
    if (s.ino === st.ino && s.dev === st.dev) {
      throw new WriteRefused('is-input', `-o ${shown} 是要检查的文件之一（${input}），写入报告会覆盖它；请换一个输出路径`);
    }
  }
  return target;
}

/** What --fix knows about the file it read: where, its bytes, and its identity then. */
export interface ReadFile { path: string; bytes: Uint8Array; identity: FileIdentity }

/**
 * Writes a fixed draft over the file it was read from, only if that file is
 * still exactly as read (size, mtime, inode and every byte, checked right before
 * the file is replaced): an edit made while the run was checking is never
 * overwritten. A symbolic link's target is fixed, the link kept; a read-only file
 * is not rewritten; mode and owner are kept; a file with several hard links is
 * rewritten in place (after the same check), so every link sees the fix.
 * Throws WriteRefused (nothing changed) or the system's error.
 */
export function writeFixedDraft(read: ReadFile, fixed: Uint8Array): void {
  let target: string;
  try {
    target = realpathSync(read.path);
  } catch {
    throw changed();
  }
  const st = statSync(target);
  if (!st.isFile()) throw new WriteRefused('not-regular', `稿件已不是普通文件（现在是${notRegularKind(st)}），未写入修复`);
  if (!sameIdentity(identityOf(st), read.identity)) throw changed();
  if (!(st.mode & 0o200)) {
    throw new WriteRefused('read-only', `稿件是只读文件（权限 ${(st.mode & 0o777).toString(8).padStart(4, '0')}），未写入修复；确需修复时先取消只读（chmod u+w，或在文件属性中取消“只读”）再运行 --fix`);
  }
  // the content is compared byte for byte (what a hash would tell, without loading crypto)
  const original = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const unchanged = (fd?: number) => {
    const now = fd === undefined ? statSync(target) : fstatSync(fd);
    if (!sameIdentity(identityOf(now), read.identity)) throw changed();
    let bytes: Buffer;
    try {
      bytes = fd === undefined ? readRegularFile(target, read.identity.size).bytes : readAll(fd, read.identity.size);
    } catch {
      throw changed();
    }
    if (!bytes.equals(original)) throw changed();
  };
  if (st.nlink > 1) return writeInPlace(target, fixed, unchanged);
  let out: AtomicOutput;
  try {
    out = new AtomicOutput(target, st, true);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // the owner cannot be kept by a new file: write into the file itself
    if (code === 'EPERM') return writeInPlace(target, fixed, unchanged);
    if (code === 'EACCES' || code === 'EROFS') {
      throw new WriteRefused('not-writable', `无法在文件夹 ${dirname(target)} 中写入（${code === 'EROFS' ? '只读的文件系统' : '没有权限'}），未写入修复`);
    }
    throw err;
  }
  try {
    out.write(fixed);
  } catch (err) {
    out.abort();
    throw err;
  }
  out.commit(() => unchanged());
}

function writeInPlace(target: string, bytes: Uint8Array, unchanged: (fd: number) => void): void {
  const fd = openSync(target, 'r+');
  try {
    unchanged(fd);
    writeSync(fd, bytes, 0, bytes.length, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** At most size + 1 bytes of an open file, from its start. */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size + 1);
  let n = 0;
  while (n < buf.length) {
    const r = readSync(fd, buf, n, buf.length - n, n);
    if (!r) break;
    n += r;
  }
  return buf.subarray(0, n);
}

const changed = () => new WriteRefused('changed', '稿件在检查期间被修改，未写入');

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}

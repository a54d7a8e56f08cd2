import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file written atomically: chunks go to a temporary file in the same folder,
 * which is flushed and renamed over the target, keeping the target's mode, only
 * once it is complete. A reader (or a crash) sees either the old file or the
 * new one, never half of each. A streamed report (-o) writes it chunk by chunk.
 */
export class AtomicOutput {
  private readonly tmp: string;
  private readonly mode: number | undefined;
  private fd: number | undefined;

  constructor(readonly path: string) {
    try {
      this.mode = statSync(path).mode & 0o7777;
    } catch {
      this.mode = undefined; // a new file
    }
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.fd = openSync(this.tmp, 'wx', this.mode ?? 0o644);
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('AtomicOutput: already closed');
    writeSync(this.fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  /** Flushes and moves the file into place; on failure the target is left as it was. */
  commit(): void {
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
      renameSync(this.tmp, this.path);
    } catch (err) {
      this.removeTemporary();
      throw err;
    }
  }

  /** Drops the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    this.removeTemporary();
  }

  private removeTemporary(): void {
    try { unlinkSync(this.tmp); } catch { /* already gone */ }
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

/**
 * `-o FILE` for a streamed report: chunks go to a temporary file beside the
 * target, which replaces it only once the report is complete, so a reader (or
 * a crash) never sees half a report.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class AtomicOutput {
  private readonly tmp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    let mode = 0o644;
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      // a new file
    }
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.fd = openSync(this.tmp, 'wx', mode);
  }

  write(chunk: string): void {
    if (this.fd === undefined) throw new Error('AtomicOutput: already closed');
    writeSync(this.fd, chunk);
  }

  /** Flushes and moves the file into place. */
  commit(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }

  /** Drops the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    try { unlinkSync(this.tmp); } catch { /* already gone */ }
  }
}

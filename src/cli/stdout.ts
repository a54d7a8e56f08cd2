import { writeSync } from 'node:fs';

/**
 * Standard output for reports. Into a file or a pipe the text goes to the file
 * descriptor directly: through process.stdout every draft's line of a streamed
 * report was converted and queued by a Writable, ~5% of a 1,000-draft batch.
 * A terminal, Windows, or a descriptor that would block (EAGAIN: a slow reader
 * of a pipe) keeps the stream, after what was already written, so the order
 * holds. A reader that goes away (`| head`) ends the output quietly, as for any
 * command-line tool.
 */
export function stdoutWriter(stream: NodeJS.WriteStream = process.stdout, fd = 1): (s: string) => void {
  let direct = !stream.isTTY && process.platform !== 'win32';
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (s) => {
    if (closed) return;
    if (!direct) {
      stream.write(s);
      return;
    }
    const rest = writeAll(fd, s);
    if (rest === 'closed') closed = true;
    else if (rest) {
      direct = false;
      stream.write(rest);
    }
  };
}

/** Writes `s` to `fd`; returns what could not be written without blocking, or 'closed' when the reader went away. */
function writeAll(fd: number, s: string): Buffer | 'closed' | undefined {
  let bytes: Buffer | undefined;
  let at = 0;
  for (;;) {
    try {
      // the string itself first: no Buffer per draft unless a write comes up short
      if (!bytes) {
        const n = writeSync(fd, s);
        if (n === Buffer.byteLength(s)) return undefined;
        bytes = Buffer.from(s, 'utf8');
        at = n;
      } else if (at < bytes.length) at += writeSync(fd, bytes, at);
      else return undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return 'closed';
      if (code !== 'EAGAIN') throw err;
      return (bytes ?? Buffer.from(s, 'utf8')).subarray(at);
    }
  }
}

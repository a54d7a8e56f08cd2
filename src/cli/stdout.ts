import { writeSync } from 'node:fs';

/**
 * Standard output for reports. Into a file or a pipe the text goes to the file
 * descriptor directly: through process.stdout every draft's line of a streamed
 * report was converted and queued by a Writable, ~5% of a 1,000-draft batch.
 * A terminal, Windows, or a descriptor that would block keeps the stream (after
 * what was already written, so the order holds). A reader that goes away
 * (`| head`) ends the output quietly, as for any command-line tool.
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
    const bytes = Buffer.from(s, 'utf8');
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw err;
        direct = false;
        stream.write(bytes.subarray(at));
        return;
      }
    }
  };
}

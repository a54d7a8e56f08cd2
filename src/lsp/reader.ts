import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

/** A message longer than this is not one an editor sends (a draft is at most a few MB). */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Header bytes without the blank line that ends them, past which the stream is out of step. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The protocol's reader (`Content-Length: N` headers, a blank line, N bytes of
 * JSON) that survives what a buggy client sends. vscode-jsonrpc's reader, given a
 * header without Content-Length, with `abc` or `-5` for it, or a line without a
 * colon, stayed out of step and never read another message, silently. Here a bad
 * header is logged and skipped up to the next Content-Length header, and a
 * body that is not JSON is logged and dropped: the server keeps listening.
 */
export class RecoveringMessageReader extends AbstractMessageReader implements MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks not yet joined to `buffer`: a large message arrives in many, joined once it is whole. */
  private chunks: Buffer[] = [];
  private waiting = 0;
  /** Bytes `buffer` must hold before the message at its start is whole (0: not known yet). */
  private need = 0;
  private callback: DataCallback | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream, private readonly log: (message: string) => void) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => {
      const b = Buffer.from(chunk);
      this.chunks.push(b);
      this.waiting += b.length;
      if (this.buffer.length + this.waiting < this.need) return;
      this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
      this.chunks = [];
      this.waiting = 0;
      this.drain();
    };
    const onError = (err: Error) => this.fireError(err);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    this.stream.on('end', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
        this.stream.off('end', onClose);
      },
    };
  }

  private drain(): void {
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.resync(`${this.buffer.length} 字节中没有消息头的结尾`);
        return;
      }
      const header = this.buffer.subarray(0, end).toString('latin1');
      const length = contentLength(header);
      if (typeof length === 'string') {
        this.resync(length);
        continue;
      }
      if (this.buffer.length < end + 4 + length) {
        this.need = end + 4 + length;
        return;
      }
      this.need = 0;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        this.log(`收到的消息不是有效的 JSON，已跳过：${body.slice(0, 80)}`);
        continue;
      }
      this.callback?.(message);
    }
  }

  /**
   * Drops the bytes before the next Content-Length header (keeping what may be the
   * start of one at the end). Messages follow each other with no line break between
   * a body and the next header, so the next header is searched for anywhere.
   */
  private resync(why: string): void {
    const text = this.buffer.toString('latin1');
    const next = /content-length[ \t]*:/gi;
    next.lastIndex = 1;
    const m = next.exec(text);
    // without a next header, only what may be its beginning is kept: every resync drops bytes
    const keep = m ? m.index : text.length - partialHeaderAtEnd(text);
    this.log(`收到格式错误的消息头（${why}），已跳过 ${keep} 字节，从下一个消息头继续`);
    this.buffer = this.buffer.subarray(keep);
  }
}

/** How many bytes at the end of `text` could begin a “Content-Length:” header. */
function partialHeaderAtEnd(text: string): number {
  const name = 'content-length:';
  for (let k = Math.min(name.length - 1, text.length); k > 0; k--) if (text.slice(-k).toLowerCase() === name.slice(0, k)) return k;
  return 0;
}

/** The Content-Length of a header block, or what is wrong with it. */
function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `“${line.slice(0, 40)}”没有冒号`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_MESSAGE_BYTES) return `Content-Length “${value.slice(0, 20)}” 不是有效的字节数`;
    length = Number(value);
  }
  return length ?? '没有 Content-Length';
}

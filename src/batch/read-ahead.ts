/**
 * Reading ahead for a batch linted in one thread. On two cores, two lint
 * workers are slower than one thread (each warms V8 up on its own), but the
 * other core is free: a small reading thread reads and decodes the next drafts
 * (file I/O, UTF-8/GB18030 decoding, .docx conversion) while this thread lints.
 *
 * The linting thread never depends on it: a draft the reader has not delivered
 * yet — it is still starting, or it stopped — is read by the linting thread
 * itself, and whatever the reader sends later for it is dropped.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { builtScript } from '../config/paths.js';
import { rawPathsFor } from '../io/raw-paths.js';
import { decodeDraft, readDraftBytes, ReadError, type Draft } from '../io/read.js';
import type { FileTask } from './lint-file.js';

/** One draft as read: its text (and bytes, when the cache needs them), or why it cannot be read. */
export type ReadOutcome =
  | { index: number; draft: Draft; bytes?: Uint8Array }
  | { index: number; error: { code: string; message: string } };

/** To the reader: files to read, in order. */
export interface ReadRequest { files: [index: number, path: string][]; bytes: boolean; maxBytes?: number; rawPaths?: [string, Uint8Array][] }

/** From the reader: drafts read; `retry` when the failure was not the file's (this thread tries itself). */
export type ReadReply = (ReadOutcome | { index: number; retry: true })[];

/** Reads one draft, in whichever thread; throws only for a failure that is not the file's. */
export async function readOutcome(index: number, path: string, withBytes: boolean, maxBytes?: number): Promise<ReadOutcome> {
  try {
    const bytes = await readDraftBytes(path, maxBytes);
    const draft = await decodeDraft(path, bytes, maxBytes);
    return withBytes ? { index, draft, bytes } : { index, draft };
  } catch (err) {
    if (err instanceof ReadError) return { index, error: { code: err.code, message: err.message } };
    throw err;
  }
}

/** dist/reader.js; undefined when not built. */
export const defaultReaderFile = (): string | undefined => builtScript('reader.js');

/** Below this many drafts starting a thread costs more than it saves. */
export const READ_AHEAD_MIN_FILES = 48;
/** How far ahead of the linting thread the reader may be, in drafts: bounds the memory held. */
export const READ_AHEAD = 48;
/** Drafts asked for at a time. */
const CHUNK = 16;

export class ReadAhead {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** Delivered drafts by index; null: the reader could not read it, this thread tries. */
  private readonly ready = new Map<number, ReadOutcome | null>();
  private requested = 0;
  private consumed = 0;
  /** The reader has delivered something: it is running, so waiting for it beats reading twice. */
  private started = false;
  private stopped = false;

  constructor(file: string, private readonly tasks: readonly FileTask[], private readonly withBytes: boolean, private readonly maxBytes?: number) {
    // Replies come on a port this thread reads synchronously: a batch lints draft
    // after draft without turning the event loop, which would never deliver them.
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { port: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const stop = () => { this.stopped = true; };
    this.worker.on('error', stop);
    this.worker.on('exit', stop);
    this.request(Math.min(tasks.length, CHUNK));
  }

  private request(upTo: number): void {
    if (this.stopped || upTo <= this.requested) return;
    const files = this.tasks.slice(this.requested, upTo).map((t): [number, string] => [t.index, t.path]);
    this.requested = upTo;
    this.worker.postMessage({ files, bytes: this.withBytes, maxBytes: this.maxBytes, rawPaths: rawPathsFor(files.map(([, p]) => p)) } satisfies ReadRequest);
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      this.started = true;
      for (const r of m.message as ReadReply) if (r.index >= this.consumed) this.ready.set(r.index, 'retry' in r ? null : r);
    }
  }

  /**
   * The draft of task `index` (tasks are taken in order), or undefined when this
   * thread should read it itself.
   */
  async take(index: number): Promise<ReadOutcome | undefined> {
    if (this.requested - index < READ_AHEAD - CHUNK) this.request(Math.min(this.tasks.length, this.requested + CHUNK));
    this.drain();
    // running and asked for it: wait (the event loop turns, so a stopped reader is noticed)
    while (!this.ready.has(index) && this.started && !this.stopped && index < this.requested) {
      await new Promise((resolve) => setImmediate(resolve));
      this.drain();
    }
    this.consumed = index + 1;
    const r = this.ready.get(index);
    this.ready.delete(index);
    return r ?? undefined;
  }

  /**
   * Resolves once the reader has delivered its first drafts (true) or stopped
   * (false). take() never waits for a reader that has not started; a caller
   * that would rather wait than read in this thread (the tests) waits here.
   */
  async whenRunning(): Promise<boolean> {
    this.drain();
    while (!this.started && !this.stopped) {
      await new Promise((resolve) => setImmediate(resolve));
      this.drain();
    }
    return this.started;
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.port.close();
    await this.worker.terminate();
  }
}

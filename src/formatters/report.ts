import type { SummaryUse } from '../types.js';
import type { FormatContext, Formatter, ReportFormat, ReportSink, ReportWriter, Spool } from './context.js';

/** A format from its writer, and whether it reads the drafts' summaries. */
export function defineFormat(uses: { summary: SummaryUse; quotes?: boolean; forTerminal?: boolean; binary?: boolean }, start: (ctx: FormatContext, sink: ReportSink) => ReportWriter): ReportFormat {
  return Object.assign(start, { forTerminal: false, quotes: uses.summary === true, ...uses });
}

/** A sink that keeps the report in memory, spools included. */
function memorySink(): ReportSink & { text(): string } {
  const chunks: string[] = [];
  return { write: (text) => void chunks.push(text), spool: memorySpool, text: () => chunks.join('') };
}

/**
 * The whole-batch Formatter of a format: the same writer fed every result, into
 * memory. Streamed and whole reports are therefore the same bytes by construction.
 */
export function whole(format: ReportFormat): Formatter {
  return (results, ctx: FormatContext) => {
    if (format.binary) throw new Error('a binary format has no whole-batch text: write it to a file');
    const sink = memorySink();
    const writer = format(ctx, sink);
    for (const r of results) writer.add(r);
    writer.end();
    return sink.text();
  };
}

/** A spool in memory. */
export function memorySpool(): Spool {
  let pieces: string[][] = [];
  let held: string[] = [];
  return {
    write: (text) => void held.push(text),
    cut: () => {
      pieces.push(held);
      held = [];
    },
    drainTo(sink, order) {
      for (const t of this.read(order)) sink.write(t);
    },
    *read(order) {
      const all = [...(order ? order.map((i) => pieces[i]) : pieces), held];
      pieces = [];
      held = [];
      for (const piece of all) yield* piece;
    },
  };
}

/**
 * The elements of a JSON array written one at a time, laid out as
 * `JSON.stringify(whole, null, 2)` lays out an array `depth` levels deep. Each
 * element is stringified inside `depth + 1` arrays and cut out of them, so it
 * comes out already indented: re-indenting its lines took a third as long again.
 */
export function jsonArray(write: (text: string) => void, depth: number): { item(value: unknown): void; end(): void } {
  let open = '';
  let close = '';
  for (let k = 0; k <= depth; k++) {
    open += `${'  '.repeat(k)}[\n`;
    close = `\n${'  '.repeat(k)}]${close}`;
  }
  let count = 0;
  return {
    item(value) {
      let nested = value;
      for (let k = 0; k <= depth; k++) nested = [nested];
      const text = JSON.stringify(nested, null, 2);
      write(`${count++ ? ',' : '['}\n${text.slice(open.length, text.length - close.length)}`);
    },
    end: () => write(count ? `\n${'  '.repeat(depth)}]` : '[]'),
  };
}

import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/batch/run.js';
import { formatterNames, loadFormat, loadFormatter, reportContext, type FormatContext, type ReportSink, type Spool } from '../../src/formatters/index.js';
import { fileSpool } from '../../src/batch/spool.js';
import { LinterFactory } from '../../src/linter.js';
import type { FileResult } from '../../src/types.js';
import { acceptanceFolder, runCli } from './helpers.js';

let dir: string;
let results: FileResult[];
let ctx: FormatContext;

beforeAll(async () => {
  dir = await acceptanceFolder();
  results = await lintFiles(['乡镇报告'], { cwd: dir, ruleLinks: false }).results(); // as the CLI lints
  const linter = await new LinterFactory({ cwd: dir }).forFile(undefined, 'txt');
  ctx = { color: false, cwd: dir, ...reportContext(linter.config.resolved) };
});

/** A sink that records what reached it and what sits in its spools, as the CLI's does, spools in files. */
function recordingSink(folder: string) {
  let written = '';
  let spooled = 0;
  const sink: ReportSink = {
    write: (s) => { written += s; },
    spool: (): Spool => {
      const file = fileSpool(folder);
      return { write: (s) => { spooled += s.length; file.write(s); }, cut: () => file.cut(), drainTo: (to, order) => file.drainTo(to, order), read: (order) => file.read(order) };
    },
  };
  return { sink, written: () => written, held: () => written.length + spooled };
}

describe('every format is written draft by draft', () => {
  test('the acceptance folder has drafts with findings and unreadable files', () => {
    expect(results.length).toBe(10);
    expect(results.some((r) => r.error) && results.some((r) => r.diagnostics.length)).toBe(true);
  });

  // xlsx is binary (no whole-batch text): it is read back in test/county/output-dir.test.ts
  const textFormats = formatterNames.filter((n) => n !== 'xlsx');

  test('xlsx: each draft\'s findings leave the writer at once (to a spool); the workbook is written at the end, to bytes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lrl-spool-'));
    const rec = recordingSink(folder);
    const chunks: Uint8Array[] = [];
    const writer = (await loadFormat('xlsx'))!(ctx, { ...rec.sink, bytes: (c) => void chunks.push(c) });
    let before = rec.held();
    for (const r of results) {
      writer.add(r);
      if (r.diagnostics.length) expect(rec.held(), r.filePath).toBeGreaterThan(before);
      before = rec.held();
    }
    expect(chunks).toEqual([]);
    await writer.end();
    expect(Buffer.concat(chunks).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(folder)).toEqual([]);
  });

  for (const name of textFormats) {
    test(`${name}: through file spools, byte for byte the whole-batch report`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'lrl-spool-'));
      const rec = recordingSink(folder);
      const writer = (await loadFormat(name))!(ctx, rec.sink);
      let before = rec.held();
      for (const r of results) {
        writer.add(r);
        // each draft with findings leaves the writer at once (table keeps a row: its table is aligned at the end)
        if (r.diagnostics.length && name !== 'table') expect(rec.held(), r.filePath).toBeGreaterThan(before);
        before = rec.held();
      }
      writer.end();
      expect(rec.written()).toBe((await loadFormatter(name))!(results, ctx));
      // the spools' files are gone
      expect(readdirSync(folder)).toEqual([]);
    });
  }

  test('a format that says it does not read summaries writes the same without them; the others need them', async () => {
    const bare = results.map(({ summary: _summary, ...r }) => r);
    for (const name of textFormats) {
      const format = (await loadFormat(name))!;
      const same = (await loadFormatter(name))!(bare, ctx) === (await loadFormatter(name))!(results, ctx);
      expect(same, name).toBe(!format.summary && !format.quotes);
    }
    // and the batch leaves them out only when asked
    const without = await lintFiles(['乡镇报告'], { cwd: dir, summary: false, ruleLinks: false }).results();
    expect(without.every((r) => !r.summary)).toBe(true);
    expect(without.map(({ filePath, diagnostics }) => ({ filePath, diagnostics }))).toEqual(results.map(({ filePath, diagnostics }) => ({ filePath, diagnostics })));
    const cached = await lintFiles(['乡镇报告'], { cwd: dir, summary: false, cache: true, cacheLocation: 'cache' }).results();
    expect(cached.filter((r) => !r.error).every((r) => r.summary)).toBe(true);
  });

  test('the CLI writes the same report as the whole-batch formatter', async () => {
    for (const name of ['json', 'jsonl', 'csv', 'table', 'checklist', 'junit', 'sarif', 'html']) {
      const cli = await runCli(['乡镇报告', '-f', name], dir);
      expect(cli.code, name).toBe(2);
      expect(cli.stdout, name).toBe((await loadFormatter(name))!(results, ctx));
    }
  });
});

describe('fileSpool', () => {
  test('gives back exactly what it held, multibyte text across its read and write sizes included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lrl-spool-'));
    const spool = fileSpool(folder);
    const pieces: string[] = [];
    for (let i = 0, length = 0; length < 1_500_000; i++) length += pieces[pieces.push(`第${i}份稿件“法治政府建设”😀\n`.repeat(1 + (i % 7))) - 1].length;
    for (const p of pieces) spool.write(p);
    // removed from the folder as soon as it was opened: nothing is left behind, even after a crash
    expect(readdirSync(folder)).toEqual([]);
    let out = '';
    spool.drainTo({ write: (s) => { out += s; }, spool: () => { throw new Error('not used'); } });
    expect(out).toBe(pieces.join(''));
  });

  test('holds text in memory when the temporary folder cannot be written', () => {
    const spool = fileSpool(join(tmpdir(), 'lrl-no-such-folder', 'deeper'));
    spool.write('一');
    spool.write('二');
    let out = '';
    spool.drainTo({ write: (s) => { out += s; }, spool: () => { throw new Error('not used'); } });
    expect(out).toBe('一二');
  });
});

test('-o replaces a report atomically, keeping its mode, and leaves no temporary file', async () => {
  const target = join(dir, 'report.jsonl');
  writeFileSync(target, 'old report\n');
  chmodSync(target, 0o664);
  const previousUmask = process.umask(0o022);
  try {
    const r = await runCli(['乡镇报告', '-f', 'jsonl', '-o', 'report.jsonl'], dir);
    expect(r.code).toBe(2);
  } finally {
    process.umask(previousUmask);
  }
  expect(readFileSync(target, 'utf8').split('\n').length).toBe(11);
  expect(statSync(target).mode & 0o777).toBe(0o664);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

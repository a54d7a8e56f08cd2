import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lintFiles } from '../../src/batch/run.js';
import { streamFormat } from '../../src/batch/stream.js';
import { formatters, jsonlLine, type FormatContext } from '../../src/formatters/index.js';
import type { FileResult } from '../../src/types.js';
import { acceptanceFolder, runCli } from './helpers.js';

const ctx: FormatContext = { color: false, cwd: '/' };

function streamed(name: string, results: FileResult[]): string {
  const s = streamFormat(name, formatters, ctx, jsonlLine)!;
  return results.map((r, i) => s.item(r, i === 0)).join('') + s.end(results.length);
}

test('json and jsonl written draft by draft are byte for byte the formatters’ output', async () => {
  const dir = await acceptanceFolder();
  const results = await lintFiles(['乡镇报告'], { cwd: dir }).results();
  expect(results.length).toBe(10);
  for (const name of ['json', 'jsonl']) {
    expect(streamed(name, results)).toBe(formatters[name](results, ctx));
    expect(streamed(name, results.slice(0, 1))).toBe(formatters[name](results.slice(0, 1), ctx));
    expect(streamed(name, [])).toBe(formatters[name]([], ctx));
  }
  // and through the CLI
  const cli = await runCli(['乡镇报告', '-f', 'json'], dir);
  expect(cli.stdout).toBe(formatters.json(results, ctx));
});

test('formats that need the whole batch are not streamed', () => {
  for (const name of ['stylish', 'table', 'html', 'checklist', 'sarif', 'junit', 'csv']) expect(streamFormat(name, formatters, ctx, jsonlLine)).toBeUndefined();
});

test('-o replaces a report atomically, keeping its mode, and leaves no temporary file', async () => {
  const dir = await acceptanceFolder();
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

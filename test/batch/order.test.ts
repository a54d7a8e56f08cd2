/**
 * Worker threads finish in any order; output is by path. Spawns the built CLI
 * (dist/, with dist/worker.js): run `node scripts/build.mjs` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { byPath } from '../../src/batch/discover.js';
import { ROOT } from '../helpers.js';
import { corpus, DRAFTS, tempDir, type JsonEntry } from './helpers.js';

const BIN = join(ROOT, 'bin', 'lawreport-lint.js');
let dir: string;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'worker.js')), 'dist/worker.js is missing: run node scripts/build.mjs').toBe(true);
  dir = tempDir('lrl-order-');
  // names whose path order differs from plain string order (“a/…” before “a-…”), and a
  // first draft twenty times longer than the rest, so it finishes last on its worker
  const folders = ['a', 'a-b', 'a/b', 'b', 'b/a'];
  let n = 0;
  for (const f of folders) {
    mkdirSync(join(dir, 'drafts', f), { recursive: true });
    for (let i = 0; i < 8; i++) {
      const text = corpus(DRAFTS[n % 3]).replace(/(\d+)名/, `${n + 1}名`);
      writeFileSync(join(dir, 'drafts', f, `${String(i).padStart(2, '0')}-${n}.txt`), n === 0 ? text.repeat(20) : text);
      n++;
    }
  }
  writeFileSync(join(dir, 'drafts', 'a', '空.txt'), '');
});

test('--jobs 2 prints results in path order, exactly as one thread does', () => {
  const two = cli(['drafts', '--jobs', '2', '-f', 'json']);
  const one = cli(['drafts', '--jobs', '1', '-f', 'json']);
  expect(two.code).toBe(2); // the empty file
  expect(two.stdout).toBe(one.stdout);
  const paths = (JSON.parse(two.stdout) as JsonEntry[]).map((e) => e.filePath);
  expect(paths).toHaveLength(41);
  expect(paths).toEqual([...paths].sort(byPath));
  expect(paths.indexOf(join('drafts', 'a', 'b', '00-16.txt'))).toBeLessThan(paths.indexOf(join('drafts', 'a-b', '00-8.txt')));
});

test('jsonl streams one line per draft in the same order', () => {
  const lines = cli(['drafts', '--jobs', '2', '-f', 'jsonl']).stdout.trim().split('\n');
  const json = JSON.parse(cli(['drafts', '--jobs', '1', '-f', 'json']).stdout) as JsonEntry[];
  // each line is the json entry, plus its review (the record --compare reads)
  expect(lines.map((l) => { const { review: _review, ...entry } = JSON.parse(l) as JsonEntry & { review?: unknown }; return entry; })).toEqual(json);
});

test('-o writes the streamed report to a file, nothing to stdout', () => {
  const r = cli(['drafts', '--jobs', '2', '-f', 'jsonl', '-o', 'report.jsonl']);
  expect(r.stdout).toBe('');
  const written = readFileSync(join(dir, 'report.jsonl'), 'utf8');
  expect(written.trim().split('\n')).toHaveLength(41);
});

test('--jobs takes a positive number or auto', () => {
  const r = cli(['drafts', '--jobs', 'many']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--jobs 应为正整数或 auto');
});

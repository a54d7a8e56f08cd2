/**
 * Every failure stays with its draft: an exception met while reading or
 * modelling one draft (a .docx the converter chokes on threw RangeError out of
 * the read path and aborted a county's whole run) becomes that draft's one-line
 * error, in a batch, in --fix and on stdin; the other drafts are checked.
 * (Worker threads report a crash per draft already; test/batch/pool.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, DRAFT, FIXED, tempDir } from './helpers.js';

vi.mock('../../src/io/read.js', async (original) => {
  const real = await original<typeof import('../../src/io/read.js')>();
  const boom = (path: string) => {
    if (path.includes('boom')) throw new RangeError('Invalid string length');
  };
  return {
    ...real,
    decodeDraft: async (path: string, ...rest: [Uint8Array, number?]) => {
      boom(path);
      return real.decodeDraft(path, ...rest);
    },
    readDraftFile: async (path: string, max?: number) => {
      boom(path);
      return real.readDraftFile(path, max);
    },
  };
});

function folder(): string {
  const dir = tempDir('contained');
  for (const name of ['a.txt', 'boom.txt', 'c.txt']) writeFileSync(join(dir, name), DRAFT);
  return dir;
}

describe('an exception in one draft', () => {
  it('a batch: that draft is an error, the others are linted, exit 2', async () => {
    const run = await cli(['-f', 'json', '--jobs', '1', '.'], folder());
    const entries = JSON.parse(run.stdout) as { filePath: string; diagnostics: unknown[]; error?: { message: string } }[];
    expect(entries.map((e) => [e.filePath, !!e.error])).toEqual([['a.txt', false], ['boom.txt', true], ['c.txt', false]]);
    expect(entries[1].error!.message).toBe('无法读取这份稿件（Invalid string length）；这是 lawreport-lint 的缺陷，请附上稿件报告问题');
    expect(run.code).toBe(2);
  });

  it('--fix: the others are fixed', async () => {
    const dir = folder();
    const run = await cli(['--fix', '-f', 'json', 'a.txt', 'boom.txt', 'c.txt'], dir);
    const entries = JSON.parse(run.stdout) as { error?: { message: string } }[];
    expect(entries[1].error!.message).toMatch(/^检查这份稿件时出错，已跳过：Invalid string length；/);
    expect(await import('node:fs').then((fs) => [fs.readFileSync(join(dir, 'a.txt'), 'utf8'), fs.readFileSync(join(dir, 'c.txt'), 'utf8')])).toEqual([FIXED, FIXED]);
    expect(run.code).toBe(2);
  });

  it('stdin: one error, exit 2, no stack', async () => {
    const run = await cli(['-f', 'json', '--stdin-filename', 'boom.txt', '-'], folder(), { stdin: DRAFT });
    expect(JSON.parse(run.stdout)[0].error.message).toMatch(/Invalid string length/);
    expect(run.stderr).not.toMatch(/at \w+ \(/);
    expect(run.code).toBe(2);
  });
});

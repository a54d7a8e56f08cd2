/**
 * A batch linted in one thread reads ahead on a second thread (dist/reader.js,
 * built by pretest). Whatever the reader does — delivers everything, dies, never
 * answers — the results are exactly those of reading in the linting thread, in
 * path order, bad files included, with and without --cache.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import type { FileTask } from '../../src/batch/lint-file.js';
import { runTasks } from '../../src/batch/pool.js';
import { defaultReaderFile, ReadAhead, READ_AHEAD, READ_AHEAD_MIN_FILES, readOutcome } from '../../src/batch/read-ahead.js';
import { lintFiles, type BatchResult } from '../../src/batch/run.js';
import { acceptanceFolder, tempDir } from './helpers.js';

/** The acceptance folder (drafts as .txt, .docx and GB18030, empty, binary, .doc) copied until there are enough files to read ahead. */
async function bigFolder(): Promise<{ dir: string; tasks: FileTask[] }> {
  const source = join(await acceptanceFolder(), '乡镇报告');
  const dir = tempDir('lrl-read-ahead-');
  const names = readdirSync(source).filter((n) => !n.startsWith('~$'));
  for (let copy = 0; copy * names.length < READ_AHEAD_MIN_FILES + 10; copy++) {
    const sub = join(dir, `片区${copy}`);
    mkdirSync(sub);
    for (const n of names) cpSync(join(source, n), join(sub, n));
  }
  const paths = readdirSync(dir).sort().flatMap((sub) => readdirSync(join(dir, sub)).sort().map((n) => join(dir, sub, n)));
  return { dir, tasks: paths.map((path, index) => ({ index, path, display: path })) };
}

async function collect(tasks: FileTask[], readerFile: string, cacheDir?: string): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const r of runTasks(tasks, { jobs: 1, init: { factory: { noConfigLookup: true }, cacheDir }, readerFile })) out.push(r);
  return out;
}

const visible = (rs: BatchResult[]) => rs.map(({ cached: _cached, ...r }) => r);

test('the built reader delivers the same results, in order, as reading in the linting thread', async () => {
  const reader = defaultReaderFile();
  expect(reader, 'dist/reader.js is built by pretest').toBeDefined();
  const { tasks } = await bigFolder();
  const own = await collect(tasks, '');
  const ahead = await collect(tasks, reader!);
  expect(ahead.map((r) => r.filePath)).toEqual(tasks.map((t) => t.display));
  expect(ahead).toEqual(own);
  // the bad files are there with their reasons, as without the reader
  expect(ahead.filter((r) => r.error).map((r) => r.error!.code)).toEqual(own.filter((r) => r.error).map((r) => r.error!.code));
  expect(ahead.some((r) => r.error?.code === 'binary')).toBe(true);
  expect(ahead.some((r) => r.filePath.endsWith('.docx') && r.diagnostics.length)).toBe(true);
});

test('once running, the reader delivers every draft, each what reading it here gives', async () => {
  const { tasks } = await bigFolder();
  const ahead = new ReadAhead(defaultReaderFile()!, tasks, true);
  try {
    expect(await ahead.whenRunning()).toBe(true); // it has started and delivered its first files
    for (const t of tasks) {
      const got = await ahead.take(t.index);
      expect(got, t.path).toBeDefined();
      expect(got!.index).toBe(t.index);
      const here = await readOutcome(t.index, t.path, true);
      if ('error' in here!) expect(got).toEqual(here);
      else {
        // bytes arrive as a Uint8Array (a Buffer is cloned as one), with the same contents
        const { bytes, ...rest } = got as { bytes: Uint8Array };
        expect(rest).toEqual({ index: here!.index, draft: here!.draft });
        expect(Buffer.from(bytes).equals(here!.bytes!)).toBe(true);
      }
    }
  } finally {
    await ahead.close();
  }
});

test('a reader kept waiting by a slow linting thread delivers every draft, past how far it may read ahead', async () => {
  const { tasks } = await bigFolder();
  expect(tasks.length).toBeGreaterThan(READ_AHEAD + 8);
  const ahead = new ReadAhead(defaultReaderFile()!, tasks, false);
  try {
    expect(await ahead.whenRunning()).toBe(true);
    const delivered: number[] = [];
    for (const t of tasks) {
      if (await ahead.take(t.index)) delivered.push(t.index);
      const until = performance.now() + 3; // linting, which never turns the event loop
      while (performance.now() < until);
    }
    expect(delivered).toEqual(tasks.map((t) => t.index));
  } finally {
    await ahead.close();
  }
});

test('with --cache, drafts read ahead are cached and come back identical', async () => {
  const { dir, tasks } = await bigFolder();
  const cacheDir = join(dir, '.cache');
  mkdirSync(cacheDir);
  const plain = await collect(tasks, '');
  const first = await collect(tasks, defaultReaderFile()!, cacheDir);
  const second = await collect(tasks, defaultReaderFile()!, cacheDir);
  expect(visible(first)).toEqual(visible(plain));
  expect(visible(second)).toEqual(visible(plain));
  expect(second.filter((r) => r.cached).length).toBe(plain.filter((r) => !r.error).length);
});

test('a reader that dies, stops midway, never answers or cannot start costs nothing: this thread reads instead', async () => {
  const { dir, tasks } = await bigFolder();
  const own = await collect(tasks, '');
  const script = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const readers = [
    script('dies.mjs', "import { parentPort } from 'node:worker_threads'; parentPort.once('message', () => process.exit(7));"),
    // the real reader, which delivers the first drafts and then dies with the linting thread waiting for more
    script('midway.mjs', `await import(${JSON.stringify(pathToFileURL(defaultReaderFile()!).href)}); setTimeout(() => process.exit(7), 40);`),
    script('silent.mjs', "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});"),
    script('broken.mjs', 'throw new Error("cannot start");'),
  ];
  for (const file of readers) expect(await collect(tasks, file), file).toEqual(own);
});

test('lintFiles with one job gives the same results as with workers', async () => {
  const { dir } = await bigFolder();
  const one = await lintFiles(['.'], { cwd: dir, jobs: 1, noConfigLookup: true }).results();
  const two = await lintFiles(['.'], { cwd: dir, jobs: 2, noConfigLookup: true }).results();
  expect(one.length).toBeGreaterThanOrEqual(READ_AHEAD_MIN_FILES);
  expect(one).toEqual(two);
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lintFiles, type BatchResult } from '../../src/batch/run.js';
import { acceptanceFolder, runCli } from './helpers.js';

/** The result as a formatter sees it (the cached flag is bookkeeping, not output). */
const visible = (rs: BatchResult[]) => rs.map(({ cached: _cached, ...r }) => r);

test('--cache gives exactly the results of a run without it, and skips unchanged drafts', async () => {
  const dir = await acceptanceFolder();
  const plain = await runCli(['乡镇报告', '-f', 'json'], dir);
  const first = await runCli(['乡镇报告', '-f', 'json', '--cache'], dir);
  const second = await runCli(['乡镇报告', '-f', 'json', '--cache'], dir);
  expect(first.stdout).toBe(plain.stdout);
  expect(second.stdout).toBe(plain.stdout);
  expect(second.code).toBe(plain.code);
  expect(existsSync(join(dir, '.lawreport-lint-cache'))).toBe(true);

  // the summaries the human formats use come back from the cache too
  const table = await runCli(['乡镇报告', '-f', 'table', '--cache'], dir);
  expect(table.stdout).toBe((await runCli(['乡镇报告', '-f', 'table'], dir)).stdout);

  // as the CLI lints (no links to rule files), so the CLI's cache entries serve it
  const uncached = await lintFiles(['乡镇报告'], { cwd: dir, ruleLinks: false }).results();
  const batch = lintFiles(['乡镇报告'], { cwd: dir, cache: true, ruleLinks: false });
  const cached = await batch.results();
  expect(visible(cached)).toEqual(visible(uncached));
  // the 7 readable drafts come from the cache; unreadable files are never cached
  expect(batch.summary.cached).toBe(7);
});

test('a changed draft, configuration or option is linted again', async () => {
  const dir = await acceptanceFolder();
  const run = async () => {
    const b = lintFiles(['乡镇报告'], { cwd: dir, cache: true, cacheLocation: 'cache' });
    const results = await b.results();
    return { results, cached: b.summary.cached };
  };
  expect((await run()).cached).toBe(0);
  expect((await run()).cached).toBe(7);
  expect(readdirSync(join(dir, 'cache')).length).toBe(7);

  // one draft edited: only it is linted again, and its new finding shows
  const file = join(dir, '乡镇报告', 'tianxingsi-2022.txt');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n五、其他需要报告的情况\nXX。\n`);
  const edited = await run();
  expect(edited.cached).toBe(6);
  const tx = edited.results.find((r) => r.filePath.endsWith('tianxingsi-2022.txt'))!;
  expect(tx.diagnostics.some((d) => d.code === 'placeholder')).toBe(true);
  expect(tx.diagnostics.some((d) => d.code === 'other-matters')).toBe(false);

  // the configuration changed: nothing is reused, and the rule switched off is gone
  writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rules:\n  fullwidth-punctuation: off\n');
  const reconfigured = await run();
  expect(reconfigured.cached).toBe(0);
  expect(reconfigured.results.flatMap((r) => r.diagnostics).some((d) => d.code === 'fullwidth-punctuation')).toBe(false);
  expect((await run()).cached).toBe(7);

  // an option that changes results is part of the key
  const withUnused = lintFiles(['乡镇报告'], { cwd: dir, cache: true, cacheLocation: 'cache', reportUnusedDirectives: true });
  await withUnused.results();
  expect(withUnused.summary.cached).toBe(0);
  // and so is whether findings link to rule files (the CLI's do not, the API's do)
  const unlinkedRun = lintFiles(['乡镇报告'], { cwd: dir, cache: true, cacheLocation: 'cache', ruleLinks: false });
  const plain = await unlinkedRun.results();
  expect(unlinkedRun.summary.cached).toBe(0);
  expect(plain.flatMap((r) => r.diagnostics).some((d) => d.codeDescription)).toBe(false);
});

test('a cache location that is a file is a usage error', async () => {
  const dir = await acceptanceFolder();
  writeFileSync(join(dir, 'not-a-folder'), 'x');
  const r = await runCli(['乡镇报告', '--cache', '--cache-location', 'not-a-folder'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--cache-location 应当是文件夹');
});

/**
 * A batch lowers the priority of V8's background threads (src/cli/v8-tuning.ts):
 * the real CLI on a folder big enough to be tuned, with a hook that reads every
 * thread's nice value from /proc as the process exits.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BACKGROUND_NICE, TUNE_FROM_DRAFTS } from '../../src/cli/v8-tuning.js';
import { ROOT } from '../helpers.js';
import { corpus, tempDir } from './helpers.js';

// field 19 of /proc/<pid>/task/<tid>/stat, counted after the parenthesised name
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { readdirSync, readFileSync } from 'node:fs';
const first = readdirSync('/proc/self/task').map(Number);
process.on('exit', () => {
  const nice = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
  process.stderr.write('NICE ' + JSON.stringify(first.filter((t) => { try { nice(t); return true; } catch { return false; } }).map((t) => [t === process.pid, nice(t)])) + '\\n');
});`)}`;

function niceAfter(files: number): [main: boolean, nice: number][] {
  const dir = tempDir('lrl-priority-');
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), corpus('xinji-2023'));
  const r = spawnSync(process.execPath, ['--import', HOOK, join(ROOT, 'bin', 'lawreport-lint.js'), dir, '-f', 'jsonl'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  expect(r.status, r.stderr).toBe(1);
  return JSON.parse(/NICE (.*)/.exec(r.stderr)![1]);
}

test.runIf(process.platform === 'linux')('a batch runs V8’s background threads at a lower priority than the linting thread', () => {
  const threads = niceAfter(TUNE_FROM_DRAFTS);
  const main = threads.filter(([m]) => m);
  const background = threads.filter(([m]) => !m);
  expect(main).toEqual([[true, 0]]);
  expect(background.length).toBeGreaterThan(0);
  expect(background.every(([, n]) => n === BACKGROUND_NICE)).toBe(true);
});

test.runIf(process.platform === 'linux')('a few drafts are not tuned: every thread keeps its priority', () => {
  expect(niceAfter(2).every(([, n]) => n === 0)).toBe(true);
});

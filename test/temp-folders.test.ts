/**
 * The run's temporary folder (test/global-setup.ts) reaches the test workers and
 * what they spawn, so every mkdtemp of a test lands in it and goes with it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { removeAbandoned } from './global-setup.js';

test('temporary folders of tests and of the programs they start are under the run’s folder', () => {
  expect(basename(tmpdir())).toMatch(/^lrl-test-run-/);
  const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
  expect(child).toBe(tmpdir());
});

test('a run removes the folders of killed runs, never those of runs still going or anything else', () => {
  const outer = mkdtempSync(join(tmpdir(), 'lrl-abandoned-'));
  try {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const name of [`lrl-test-run-${ended}-aaaaaa`, `lrl-test-run-${process.pid}-bbbbbb`, 'lrl-test-run-cccccc', 'someone-else']) mkdirSync(join(outer, name, 'inner'), { recursive: true });
    expect(removeAbandoned(outer)).toEqual([`lrl-test-run-${ended}-aaaaaa`]);
    expect(readdirSync(outer).sort()).toEqual([`lrl-test-run-${process.pid}-bbbbbb`, 'lrl-test-run-cccccc', 'someone-else']);
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
  expect(existsSync(outer)).toBe(false);
});

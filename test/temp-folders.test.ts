/**
 * The run's temporary folder (test/global-setup.ts) reaches the test workers and
 * what they spawn, so every mkdtemp of a test lands in it and goes with it.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { expect, test } from 'vitest';

test('temporary folders of tests and of the programs they start are under the run’s folder', () => {
  expect(basename(tmpdir())).toMatch(/^lrl-test-run-/);
  const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
  expect(child).toBe(tmpdir());
});

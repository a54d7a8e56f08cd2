/**
 * Every test's temporary folders (and those of the CLIs, servers and browsers the
 * tests start, which inherit the environment) go under one folder per run, removed
 * when the run ends: a run leaves nothing behind in the system's temporary folder.
 * A run that was killed cannot remove its own; the next run removes it (the folder
 * names the run's process, and only folders of processes that are gone are removed).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../src/io/write.js';

const PREFIX = 'lrl-test-run-';

/** Folders left by killed runs: `lrl-test-run-<pid>-XXXXXX` whose process has ended. */
export function removeAbandoned(outer: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(outer)) {
    const m = /^lrl-test-run-(\d+)-/.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(outer, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export default function setup(): () => void {
  const outer = tmpdir();
  removeAbandoned(outer);
  const run = mkdtempSync(join(outer, `${PREFIX}${process.pid}-`));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = run;
  return () => {
    for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = outer;
    rmSync(run, { recursive: true, force: true });
  };
}

/**
 * Every test's temporary folders (and those of the CLIs, servers and browsers the
 * tests start, which inherit the environment) go under one folder per run, removed
 * when the run ends: a run leaves nothing behind in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = tmpdir();
  const run = mkdtempSync(join(outer, 'lrl-test-run-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = run;
  return () => {
    for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = outer;
    rmSync(run, { recursive: true, force: true });
  };
}

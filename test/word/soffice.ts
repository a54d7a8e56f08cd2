/**
 * LibreOffice for the Word tests: Debian's `soffice` (libreoffice-writer-nogui,
 * installed by .ci/run; these tests are never skipped). Every call converts many
 * files at once, with a profile of its own under the run's temporary folder, so
 * that runs beside other LibreOffice users never share a lock.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice can be slow on a busy machine: a generous bound, never a wait. */
export const SOFFICE_TIMEOUT = 480_000;

function which(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      if (readdirSync(dir).includes('soffice')) return join(dir, 'soffice');
    } catch { /* not a folder */ }
  }
  throw new Error('soffice is missing: install Debian\'s libreoffice-writer-nogui (apt-get install -y libreoffice-writer-nogui), as .ci/run does');
}

/** `soffice --headless --convert-to <to> --outdir <outdir> files…`; returns the output folder. */
export function convert(files: readonly string[], to: string, outdir = mkdtempSync(join(tmpdir(), 'lrl-soffice-out-'))): string {
  const profile = mkdtempSync(join(tmpdir(), 'lrl-soffice-profile-'));
  const r = spawnSync(which(), [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, ...files], {
    encoding: 'utf8', timeout: SOFFICE_TIMEOUT,
  });
  if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return outdir;
}

/**
 * The language server with a real editor: Neovim (headless, Debian's package;
 * .ci/run installs it). It gets the same diagnostics as the CLI, offers quick fixes
 * and “fix all”, and applying “fix all safe problems” with Neovim's own workspace
 * edit code gives exactly the text --fix writes: positions in UTF-16 units survive
 * a client that counts in bytes.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/types.js';
import { runCli, tempDir } from './batch/helpers.js';
import { CORPUS, linterWith, ROOT } from './helpers.js';

const NVIM = '/usr/bin/nvim';

interface Seen { steps: string[]; diagnostics?: Diagnostic[]; shown?: number; actions?: { title: string; kind: string }[]; text?: string }

async function inNeovim(dir: string, file: string, rule?: string): Promise<Seen> {
  if (!existsSync(NVIM)) throw new Error(`${NVIM} is missing: install Debian's neovim (apt-get install -y neovim), as .ci/run does`);
  const out = join(dir, 'nvim-out.json');
  await promisify(execFile)(NVIM, ['--headless', '--clean', '-n', '-u', join(ROOT, 'test', 'lsp', 'nvim-client.lua'), file], {
    cwd: dir,
    env: { ...process.env, LRL_OUT: out, LRL_NODE: process.execPath, LRL_BIN: join(ROOT, 'bin', 'lawreport-lint.js'), LRL_WAIT_MS: '60000', ...(rule ? { LRL_RULE: rule } : {}) },
    timeout: 120_000,
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Seen;
}

describe('Neovim as the client', () => {
  it.each(['xinji-2023.txt', 'tushan-2023.txt'])('%s: the CLI’s diagnostics, quick fixes, and fix-all equal to --fix', async (name) => {
    const dir = tempDir('lrl-nvim-');
    writeFileSync(join(dir, name), readFileSync(join(CORPUS, name))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
    const seen = await inNeovim(dir, name);
    expect(seen.steps).toEqual([]);

    const cli = JSON.parse((await runCli([name, '-f', 'json'], dir)).stdout)[0].diagnostics as Diagnostic[];
    const mine = seen.diagnostics!.filter((d) => d.code !== 'report-parts'); // the parts summary a client without code lenses gets
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    expect(mine.map(key).sort()).toEqual(cli.map(key).sort());
    expect(seen.shown).toBe(seen.diagnostics!.length); // Neovim shows every one of them

    expect(seen.actions!.some((a) => a.kind === 'quickfix')).toBe(true);
    expect(seen.actions!.some((a) => a.kind.startsWith('source.fixAll'))).toBe(true);

    await runCli(['--fix', name], dir);
    expect(seen.text).toBe(readFileSync(join(dir, name), 'utf8'));
  }, 150_000);

  it('a missing part appended at the end of a Markdown draft: a “##” heading after a blank line, as the draft writes its parts', async () => {
    const dir = tempDir('lrl-nvim-');
    const draft = readFileSync(join(ROOT, 'examples', 'sample-draft.md'), 'utf8');
    expect(draft.endsWith('\n')).toBe(true);
    writeFileSync(join(dir, 'draft.md'), draft);
    const seen = await inNeovim(dir, 'draft.md', 'other-matters');
    expect(seen.steps).toEqual([]);
    const { document } = (await linterWith()).lint(draft, { filePath: 'draft.md' });
    expect(document.part('other')).toBeUndefined();
    expect(seen.text!.startsWith(draft)).toBe(true);
    expect(seen.text!.slice(draft.length)).toBe('\n## 五、其他需要报告的情况\n\n无。\n');
  }, 150_000);
});

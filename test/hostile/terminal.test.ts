/**
 * Items 11 and 12 of issue 12: draft text and file names reached the terminal
 * with their escape sequences (clear screen, window title, clipboard via OSC 52,
 * hidden text), even with --no-color, and the suggested fix command quoted file
 * names with double quotes, in which $(…) and `…` still run. Now every control
 * character is shown as an escape in every format printed to a terminal, and the
 * command quotes each name for the user's shell.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixCommandFor, posixQuote, powershellQuote } from '../../src/cli/shell.js';
import { cli, DRAFT, tempDir } from './helpers.js';

const posix = process.platform !== 'win32';
/** Clear screen, window title, clipboard (OSC 52), hidden text, a one-character CSI (C1), a bidi override. */
const ATTACK = '\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[8m隐藏\u009b31m\u202e';
const NAME = `x${'\u001b'}]0;title${'\u0007'}.txt`;

/** ESC sequences a report may contain: colours (SGR) and nothing else. */
const onlyColours = (s: string) => !/\u001b(?!\[[0-9;]*m)/.test(s) && !/[\u0080-\u009f\u202a-\u202e\u0007]/.test(s);

describe('terminal formats show control characters as escapes', () => {
  const dir = tempDir('terminal');
  writeFileSync(join(dir, 'draft.txt'), DRAFT.replace('组织干部', `组织${ATTACK}干部`));
  writeFileSync(join(dir, NAME), DRAFT.replace('组织干部', `组织${ATTACK}干部`));

  it('stylish, table, checklist — with colour and without — and csv, html, junit at a terminal', async () => {
    for (const format of ['stylish', 'table', 'checklist', 'csv', 'html', 'junit']) {
      for (const [tty, color] of [[true, true], [true, false], [false, false]]) {
        const run = await cli(['-f', format, 'draft.txt', NAME], dir, { tty, color });
        const out = run.stdout + run.stderr;
        // csv, html and junit into a file or pipe keep the draft's text as it is (that is their data)
        if (tty || ['stylish', 'table', 'checklist'].includes(format)) expect(onlyColours(out), `${format} tty=${tty}`).toBe(true);
        if (['stylish', 'table', 'checklist'].includes(format)) expect(out, format).toContain('\\x1B');
      }
    }
    const coloured = await cli(['draft.txt'], dir, { tty: true, color: true });
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/); // colours are still written
  });

  it('json, jsonl and sarif escape every control character and still hold the text', async () => {
    for (const format of ['json', 'jsonl', 'sarif']) {
      const run = await cli(['-f', format, 'draft.txt'], dir, { tty: true });
      expect(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202a-\u202e]/.test(run.stdout), format).toBe(false);
    }
    // escaped, not lost: the file name comes back as it is
    const [r] = JSON.parse((await cli(['-f', 'json', NAME], dir, { tty: true })).stdout);
    expect(r.filePath).toBe(NAME);
  });

  it('stderr lines quote names with their escapes visible', async () => {
    const run = await cli(['-f', 'json', 'missing\u001b[2J.txt'], dir);
    expect(run.stderr).toContain('missing\\x1B[2J.txt');
    expect(onlyColours(run.stderr)).toBe(true);
  });

  it('conversion-artifact reports the escape sequences; --fix deletes them, but not a joiner inside an emoji', async () => {
    const [r] = JSON.parse((await cli(['-f', 'json', 'draft.txt'], dir)).stdout);
    const found = r.diagnostics.filter((d: { code: string }) => d.code === 'conversion-artifact');
    expect(found.length).toBeGreaterThanOrEqual(4);
    const fixDir = tempDir('terminal');
    const family = '👨\u200d👩\u200d👧';
    writeFileSync(join(fixDir, 'draft.txt'), DRAFT.replace('组织干部', `组织${family}干部\u200d`).replace('无。', `无。${ATTACK}`));
    await cli(['--fix', 'draft.txt'], fixDir);
    const fixed = readFileSync(join(fixDir, 'draft.txt'), 'utf8');
    expect(fixed).toContain(`组织${family}干部学法`);
    expect(fixed).toContain('无。隐藏31m');
    expect(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f]/.test(fixed)).toBe(false);
  });
});

describe('the suggested fix command quotes file names for the shell', () => {
  const evil = '$(touch PWNED)`id`;x.txt';

  it.runIf(posix)('pasted into sh, it names the file and runs nothing', async () => {
    const dir = tempDir('shell');
    for (const name of [evil, "it's a draft.txt", '-rf.txt', '报告 (定稿).txt']) writeFileSync(join(dir, name), DRAFT);
    const run = await cli(['.'], dir);
    const line = run.stdout.split('\n').find((l) => l.startsWith('✖'))!;
    expect(line, run.stdout).toBeDefined();
    const command = line.slice(line.indexOf('lawreport-lint --fix'));
    expect(command.startsWith('lawreport-lint --fix -- ')).toBe(true);
    // the same words, echoed one per line instead of fixed
    const echoed = spawnSync('sh', ['-c', command.replace('lawreport-lint --fix -- ', "printf '%s\\n' ")], { cwd: dir, encoding: 'utf8' });
    expect(echoed.stdout.split('\n').filter(Boolean).sort()).toEqual(['-rf.txt', evil, "it's a draft.txt", '报告 (定稿).txt'].sort());
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    // and the CLI takes the line as it is: every draft fixed
    const fixed = await cli(['--fix', '--', '-rf.txt', evil], dir);
    expect(fixed.stderr).toBe(`lawreport-lint: -rf.txt：已修复 2 处（fullwidth-punctuation 2 处）\nlawreport-lint: ${evil}：已修复 2 处（fullwidth-punctuation 2 处）\n`);
    expect(readFileSync(join(dir, '-rf.txt'), 'utf8')).not.toContain('学法,');
  });

  it('PowerShell on Windows: single quotes, quotes and curly single quotes doubled', () => {
    expect(powershellQuote(evil)).toBe("'$(touch PWNED)`id`;x.txt'");
    expect(powershellQuote("it's ‘定稿’.txt")).toBe("'it''s ‘‘定稿’’.txt'");
    expect(powershellQuote('报告.txt')).toBe('报告.txt');
    expect(powershellQuote('@a.txt')).toBe("'@a.txt'");
    expect(posixQuote("it's.txt")).toBe("'it'\\''s.txt'");
    expect(fixCommandFor(['a.txt', 'b c.txt'], true)).toBe("lawreport-lint --fix a.txt 'b c.txt'");
  });

  it('a name with control characters is not listed at all', () => {
    expect(fixCommandFor([NAME, 'a.txt'])).toBe('lawreport-lint --fix <文件>（有文件名含控制字符，未列出）');
  });
});

describe('quotes in context reach a terminal only as escapes', () => {
  it('the sentence around a finding is made visible too', async () => {
    const dir = tempDir('terminal-context');
    writeFileSync(join(dir, 'draft.txt'), DRAFT.replace('开展普法宣传', `开展\u001b]52;c;ZXZpbA==\u0007普法宣传`));
    for (const format of ['stylish', 'checklist']) {
      const run = await cli(['-f', format, 'draft.txt'], dir, { tty: true, color: true });
      expect(onlyColours(run.stdout), format).toBe(true);
      expect(run.stdout, format).toContain('原文：');
    }
  });
});

/**
 * Item 8 of issue 12: only regular files are read, and drafts only up to a
 * stated size. A FIFO as a draft, --config, lexicon or rule file blocked for
 * ever; /dev/zero grew without end; a 50 MB text took 37 s and 4 GB. Each is now
 * one line that says why (and, for size, how to raise the limit).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli, DRAFT, tempDir } from './helpers.js';

const posix = process.platform !== 'win32';

function fifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe.runIf(posix)('what is not a regular file is never read', () => {
  it('a FIFO as a draft: one line, exit 2, no wait', async () => {
    const dir = tempDir('files');
    fifo(join(dir, 'draft.txt'));
    writeFileSync(join(dir, 'ok.txt'), DRAFT);
    const run = await cli(['-f', 'json', 'draft.txt', 'ok.txt'], dir);
    expect(run.code).toBe(2);
    const [pipe, ok] = JSON.parse(run.stdout);
    expect(pipe.error.message).toBe('这不是普通文件，而是命名管道（FIFO）：读取它会一直等到有程序写入，不能作为稿件检查；请给出稿件文件本身');
    expect(ok.error).toBeUndefined();
  });

  it('/dev/zero as a draft, as --config, and on standard input', async () => {
    const dir = tempDir('files');
    const zero = await cli(['-f', 'json', '/dev/zero'], dir);
    expect(JSON.parse(zero.stdout)[0].error.message).toMatch(/^这不是普通文件，而是字符设备（如 \/dev\/zero、终端）/);
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    const config = await cli(['--config', '/dev/zero', 'draft.txt'], dir);
    expect([config.code, config.stderr]).toEqual([2, expect.stringContaining('/dev/zero  错误  配置文件不是普通文件，而是字符设备')]);
    // the real process: standard input is read to the limit and no further
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lawreport-lint.js'), '-'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('超过了检查的上限 1 MB');
    } finally {
      closeSync(fd);
    }
  });

  it('a FIFO as --config, as a lexicon, and in a rules folder', async () => {
    const dir = tempDir('files');
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    fifo(join(dir, 'pipe.yaml'));
    const asConfig = await cli(['--config', 'pipe.yaml', 'draft.txt'], dir);
    expect([asConfig.code, asConfig.stderr]).toEqual([2, expect.stringContaining('pipe.yaml  错误  配置文件不是普通文件，而是命名管道（FIFO）')]);

    writeFileSync(join(dir, 'lex.yaml'), 'lexicons:\n  topics: pipe.yaml\n');
    const asLexicon = await cli(['--config', 'lex.yaml', 'draft.txt'], dir);
    expect([asLexicon.code, asLexicon.stderr]).toEqual([2, expect.stringContaining('pipe.yaml  错误  词表文件不是普通文件，而是命名管道（FIFO）')]);

    mkdirSync(join(dir, 'rules'));
    fifo(join(dir, 'rules', 'my-rule.yaml'));
    writeFileSync(join(dir, 'rules.yaml'), 'rulesDir: rules\n');
    const inRules = await cli(['--config', 'rules.yaml', 'draft.txt'], dir);
    expect([inRules.code, inRules.stderr]).toEqual([2, expect.stringContaining('my-rule.yaml  错误  规则文件不是普通文件，而是命名管道（FIFO）')]);
  });
});

describe('the size limit', () => {
  it('a draft over 1 MB is refused in one line that says the limit and how to raise it; raised, it is linted', async () => {
    const dir = tempDir('files');
    let text = DRAFT;
    while (Buffer.byteLength(text) <= 1024 * 1024) text += DRAFT;
    writeFileSync(join(dir, 'big.txt'), text);
    const refused = await cli(['big.txt'], dir);
    expect(refused.code).toBe(2);
    const lines = refused.stdout.trim().split('\n');
    expect(lines).toEqual(['big.txt', expect.stringMatching(/^ {2}无法检查 {2}稿件有 1\.0 MB，超过了检查的上限 1 MB（年度报告一般不超过 200 KB）；确需检查时用 --max-draft-size 调高上限，如 --max-draft-size 2MB$/)]);
    const raised = await cli(['-f', 'json', '--max-draft-size', '2MB', 'big.txt'], dir);
    expect(JSON.parse(raised.stdout)[0].error).toBeUndefined();
    const bad = await cli(['--max-draft-size', 'lots', 'big.txt'], dir);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--max-draft-size 应为大小，如 2MB、500KB')]);
  });
});

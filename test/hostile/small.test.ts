/**
 * Item 14 of issue 12 and the containment of every failure to its draft: GBK
 * file names from a Windows zip, symlinked drafts in folders, a 300 KB bad
 * regex, an unwritable folder during a batch --fix, a YAML alias bomb.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/io/encoding.js';
import { ROOT } from '../helpers.js';
import { cli, DRAFT, FIXED, tempDir } from './helpers.js';

const posix = process.platform !== 'win32';
const root = posix && process.getuid?.() === 0;
type Entry = { filePath: string; diagnostics: { code: string }[]; error?: { message: string } };

describe.runIf(process.platform === 'linux')('GBK file names (a Windows zip unpacked on Linux)', () => {
  /** A folder holding `n` drafts, the first named 报告.txt in GBK bytes. */
  function zipFolder(n: number): string {
    const dir = tempDir('gbk');
    mkdirSync(join(dir, 'drafts'));
    const name = Buffer.from(encode('报告.txt', 'gb18030', false));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'drafts') + '/'), name]), DRAFT);
    for (let i = 1; i < n; i++) writeFileSync(join(dir, 'drafts', `d${String(i).padStart(3, '0')}.txt`), DRAFT);
    return dir;
  }

  it('is found by the walk, shown as written, and read by its bytes — in one thread, with the reading thread, with workers', async () => {
    for (const [n, jobs] of [[2, '1'], [60, '1'], [60, '2']] as const) {
      const dir = zipFolder(n);
      const run = await cli(['-f', 'json', '--jobs', jobs, 'drafts'], dir);
      const entries = JSON.parse(run.stdout) as Entry[];
      const gbk = entries.find((e) => e.filePath.endsWith('报告.txt'))!;
      expect(gbk, `${n} drafts, --jobs ${jobs}`).toBeDefined();
      expect(gbk.error).toBeUndefined();
      expect(gbk.diagnostics.map((d) => d.code)).toContain('fullwidth-punctuation');
      expect(entries.every((e) => !e.error)).toBe(true);
    }
  });

  it('--fix lints it and says, in one line, that it is not rewritten', async () => {
    const dir = zipFolder(2);
    const run = await cli(['--fix', 'drafts'], dir);
    expect(run.stderr).toMatch(/报告\.txt：文件名不是 UTF-8 编码.*请先把文件改名再修复\n$/);
    expect(readFileSync(join(dir, 'drafts', 'd001.txt'), 'utf8')).toBe(FIXED);
  });
});

describe.runIf(posix)('symbolic links in a folder', () => {
  it('a link to a draft is linted; a dangling one is reported; a loop of folders ends', async () => {
    const dir = tempDir('links');
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'elsewhere', 'real.txt'), DRAFT);
    symlinkSync(join(dir, 'elsewhere', 'real.txt'), join(dir, 'drafts', 'linked.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'drafts', 'dangling.txt'));
    symlinkSync(join(dir, 'drafts'), join(dir, 'drafts', 'loop'));
    const run = await cli(['-f', 'json', 'drafts'], dir);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries.map((e) => e.filePath)).toEqual(['drafts/dangling.txt', 'drafts/linked.txt']);
    expect(entries[0].error!.message).toBe('这是一个符号链接，它指向的文件不存在');
    expect(entries[1].diagnostics.length).toBeGreaterThan(0);
  });
});

describe('configuration that is hostile', () => {
  it('a 300 KB bad regex is quoted clipped: a few lines of stderr, not megabytes', async () => {
    const dir = tempDir('bigregex');
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    writeFileSync(join(dir, '.lawreport-lint.yaml'), `rules:\n  placeholder:\n    patterns:\n      - regex: '${'('.repeat(300_000)}'\n`);
    const run = await cli(['draft.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(run.stderr).toContain('无法编译');
    expect(run.stderr).toContain('（共 300000 个字符）');
  });

  it('a YAML alias bomb is a configuration problem, not an internal error', async () => {
    const dir = tempDir('bomb');
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)];
    writeFileSync(join(dir, '.lawreport-lint.yaml'), `${levels.join('\n')}\n`);
    const run = await cli(['draft.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.lawreport-lint.yaml:1:1  错误  YAML 无法展开：别名（*名称）引用的次数过多，展开后过大');
    expect(run.stderr).not.toContain('内部错误');
  });
});

/**
 * As root the run is made as nobody, who must reach the checkout: not so under a
 * private (0700) folder such as `mktemp -d`, where the test cannot be made and is skipped.
 */
const nobodyRuns = !root || spawnSync(process.execPath, [join(ROOT, 'bin', 'lawreport-lint.js'), '--version'], { uid: 65534, gid: 65534 }).status === 0;

describe.runIf(posix && nobodyRuns)('a batch --fix goes on past a folder it cannot write', () => {
  it('one line for the draft in the unwritable folder, the others fixed', () => {
    const dir = tempDir('unwritable');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'draft.txt'), DRAFT);
      chmodSync(join(dir, sub, 'draft.txt'), 0o666);
    }
    chmodSync(join(dir, 'a'), 0o555);
    chmodSync(join(dir, 'b'), 0o777);
    chmodSync(dir, 0o755);
    // root writes anywhere: the run is made as nobody, through folders it may enter
    if (root) chmodSync(tmpdir(), 0o711);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lawreport-lint.js'), '--fix', '--no-color', 'a', 'b'], {
      cwd: dir, encoding: 'utf8', ...(root ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.stderr).toMatch(/^lawreport-lint: a\/draft\.txt：无法在文件夹 .*a 中写入（没有权限），未写入修复\nlawreport-lint: b\/draft\.txt：已修复 2 处（fullwidth-punctuation 2 处）\n$/);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'a', 'draft.txt'), 'utf8')).toBe(DRAFT);
    expect(readFileSync(join(dir, 'b', 'draft.txt'), 'utf8')).toBe(FIXED);
  });
});

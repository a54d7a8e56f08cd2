/**
 * Items 2 and 3 of issue 12: what -o and --fix may write. The report never
 * replaces a draft or anything that is not a regular file; --fix writes a draft
 * only if it is still the file it read, keeps symlinks, hard links, owner and
 * mode, leaves read-only drafts alone, and clears the temporary files of a
 * killed run.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync,
  utimesSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraftFile } from '../../src/io/read.js';
import { saveFixedDraft } from '../../src/io/save-fix.js';
import { WriteRefused } from '../../src/io/write.js';
import { cli, DRAFT, FIXED, tempDir } from './helpers.js';

const posix = process.platform !== 'win32';
const root = posix && process.getuid?.() === 0;

function folder(files: Record<string, string> = { 'draft.txt': DRAFT }): string {
  const dir = tempDir('writes');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The folder's files and their bytes: what must not change. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => {
    const st = lstatSync(join(dir, n));
    return [n, st.isSymbolicLink() ? `-> ${readlinkSync(join(dir, n))}` : st.isFile() ? readFileSync(join(dir, n), 'latin1') : `(${st.mode.toString(8)})`];
  }));
}

describe('-o writes the report only where nothing read is lost', () => {
  it('-o onto the draft being checked is refused: one line, exit 2, nothing written', async () => {
    const dir = folder();
    const before = snapshot(dir);
    for (const argv of [['-o', 'draft.txt', 'draft.txt'], ['--fix', 'draft.txt', '-o', 'draft.txt'], ['-o', 'draft.txt', '.'], ['-f', 'json', '-o', './draft.txt', './']]) {
      const run = await cli(argv, dir);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lawreport-lint: -o .*draft\.txt 是要检查的文件之一.*请换一个输出路径$/)]);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('a hard link to a draft, or the configuration file, is an input too', async () => {
    const dir = folder({ 'draft.txt': DRAFT, '.lawreport-lint.yaml': 'extends: recommended\n' });
    linkSync(join(dir, 'draft.txt'), join(dir, 'other-name.log'));
    const before = snapshot(dir);
    for (const target of ['other-name.log', '.lawreport-lint.yaml']) {
      const run = await cli(['-o', target, 'draft.txt'], dir);
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('是要检查的文件之一')]);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it.runIf(posix)('a symlink is followed to its file, which gets the report; the link stays', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'report.txt'), 'old report');
    symlinkSync('report.txt', join(dir, 'latest.txt'));
    const run = await cli(['-o', 'latest.txt', 'draft.txt'], dir);
    expect(run.stderr).toBe('');
    expect(lstatSync(join(dir, 'latest.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('draft.txt');
  });

  it.runIf(posix)('a FIFO (like a device node) and a dangling symlink are refused, and stay what they were', async () => {
    const dir = folder();
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
    const before = snapshot(dir);
    const pipe = await cli(['-o', 'pipe', 'draft.txt'], dir);
    expect([pipe.code, pipe.stderr]).toEqual([2, expect.stringMatching(/^lawreport-lint: -o pipe 不是普通文件，而是命名管道（FIFO）.*\n$/)]);
    const dangling = await cli(['-o', 'dangling.txt', 'draft.txt'], dir);
    expect([dangling.code, dangling.stderr]).toEqual([2, expect.stringContaining('它指向的文件不存在')]);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('--fix writes a draft only as it read it', () => {
  it('a draft edited after it was read is not overwritten: “稿件在检查期间被修改，未写入”', async () => {
    const dir = folder();
    const path = join(dir, 'draft.txt');
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const read = await readDraftFile(path);
    const edits = [{ start: DRAFT.indexOf(','), end: DRAFT.indexOf(',') + 1, text: '，' }];
    // an edit of another size; then one of the same size with the mtime put back: only the bytes tell
    const edited = DRAFT.replace('加强学习。', '加强学习培训。');
    writeFileSync(path, edited);
    expect(() => saveFixedDraft(read, edits)).toThrow(new WriteRefused('changed', '稿件在检查期间被修改，未写入'));
    expect(readFileSync(path, 'utf8')).toBe(edited);
    const sameSize = DRAFT.replace('加强学习。', '加强培训。');
    writeFileSync(path, sameSize);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(read.identity.mtimeMs);
    expect(statSync(path).size).toBe(read.identity.size);
    expect(() => saveFixedDraft(read, edits)).toThrow('稿件在检查期间被修改，未写入');
    expect(readFileSync(path, 'utf8')).toBe(sameSize);
    expect(readdirSync(dir)).toEqual(['draft.txt']);
  });

  it.runIf(posix)('a symlinked draft: its target is fixed, the link stays a link', async () => {
    const dir = folder();
    symlinkSync('draft.txt', join(dir, 'link.txt'));
    await cli(['--fix', 'link.txt'], dir);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe(FIXED);
  });

  it.runIf(posix)('a read-only (0444) draft is not rewritten, even by root: one line, exit 2', async () => {
    const dir = folder();
    chmodSync(join(dir, 'draft.txt'), 0o444);
    const run = await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe(DRAFT);
    expect(statSync(join(dir, 'draft.txt')).mode & 0o777).toBe(0o444);
    expect(run.stderr).toMatch(/^lawreport-lint: draft\.txt：稿件是只读文件（权限 0444），未写入修复；.*\n$/);
    expect(run.code).toBe(2);
    // the report shows the draft as it is
    expect(run.stdout).toContain('fullwidth-punctuation');
  });

  it.runIf(posix)('hard links all see the fix (written in place), the mode is kept', async () => {
    const dir = folder();
    linkSync(join(dir, 'draft.txt'), join(dir, 'copy.txt'));
    chmodSync(join(dir, 'draft.txt'), 0o640);
    const ino = statSync(join(dir, 'draft.txt')).ino;
    await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).toBe(FIXED);
    const st = statSync(join(dir, 'draft.txt'));
    expect([st.ino, st.nlink, st.mode & 0o777]).toEqual([ino, 2, 0o640]);
    expect(readdirSync(dir).sort()).toEqual(['copy.txt', 'draft.txt']);
  });

  it.runIf(root)('the owner is kept', async () => {
    const dir = folder();
    chownSync(join(dir, 'draft.txt'), 12345, 23456);
    await cli(['--fix', 'draft.txt'], dir);
    const st = statSync(join(dir, 'draft.txt'));
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe(FIXED);
    expect([st.uid, st.gid]).toEqual([12345, 23456]);
  });

  it('a draft whose name is 80 Chinese characters (240 bytes) is fixed', async () => {
    const name = `${'关于法治政府建设'.repeat(10)}.txt`;
    const dir = folder({ [name]: DRAFT });
    const run = await cli(['--fix', name], dir);
    expect(run.stderr).toBe(`lawreport-lint: ${name}：已修复 2 处（fullwidth-punctuation 2 处）\n`);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(FIXED);
  });

  it('the temporary files of a killed run are removed by the next; a running one’s are kept', async () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(existsSync(`/proc/${gone}`)).toBe(false);
    writeFileSync(join(dir, `.draft.txt.${gone}.m3k2x1.tmp`), 'half a draft');
    writeFileSync(join(dir, `.report.html.${gone}.m3k2x2.tmp`), 'half a report');
    writeFileSync(join(dir, `.draft.txt.${process.pid}.m3k2x3.tmp`), 'being written');
    await cli(['--fix', 'draft.txt'], dir);
    expect(readdirSync(dir).sort()).toEqual([`.draft.txt.${process.pid}.m3k2x3.tmp`, 'draft.txt']);
  });
});

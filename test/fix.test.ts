/**
 * --fix, --fix-unsafe and --fix-dry-run through the CLI's main(argv, io), on
 * temporary copies of the corpus drafts: what is written, what is not, and that
 * a file keeps its encoding, line ends, BOM and mode.
 */
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli/index.js';
import { changeList } from '../src/cli/changes.js';
import { decode, encode } from '../src/io/encoding.js';
import { CORPUS } from './helpers.js';

const XINJI = readFileSync(join(CORPUS, 'xinji-2023.txt'), 'utf8');

/**
 * EXPECTED.md “After --fix on xinji-2023.txt”, built independently of the linter:
 * every half-width comma and semicolon (all of them sit in Chinese text) becomes
 * full-width, “(三)” becomes “（三）”, 余其 becomes 余起, the whitespace-only last
 * line loses its space — and nothing else changes.
 */
function xinjiAfterFix(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text
    .replaceAll(',', '，').replaceAll(';', '；')
    .replace('\n(三)', '\n（三）')
    .replace('160余其矛盾', '160余起矛盾')
    .replace(new RegExp(`${eol} $`), eol);
}

interface Run { code: number; stdout: string; stderr: string }

async function cli(argv: string[], cwd: string, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    stdin: async () => Buffer.from(stdin, 'utf8'),
    cwd,
    isTTY: false,
  };
  const code = await main(['--no-color', ...argv], io);
  return { code, stdout, stderr };
}

/** A fresh folder holding one draft (bytes as given). */
function tempDraft(name: string, bytes: string | Uint8Array): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-fix-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { dir, path };
}

describe('--fix on xinji-2023.txt', () => {
  it('writes exactly the “After --fix” section of EXPECTED.md, and a second --fix changes nothing', async () => {
    const { dir, path } = tempDraft('xinji-2023.txt', XINJI);
    const first = await cli(['--fix', 'xinji-2023.txt'], dir);
    const fixed = readFileSync(path, 'utf8');
    expect(fixed).toBe(xinjiAfterFix(XINJI));
    expect(fixed).not.toMatch(/[,;]/);
    expect(fixed).toContain('（三）完善依法行政制度体系方面');
    expect(fixed).toContain('160余起矛盾');
    expect(fixed).toContain('推进法治政府建设第一责任人职责'); // unsafe: offered, not applied
    expect(fixed.endsWith('共同推进辛集乡法治政府建设工作。\n')).toBe(true);
    // the report lists what remains; the exit code is that of linting the fixed draft
    expect(first.stdout).not.toContain('fullwidth-punctuation');
    expect(first.stdout).toContain('wording');
    const lintAfter = await cli(['xinji-2023.txt'], dir);
    expect(first.code).toBe(lintAfter.code);

    const before = statSync(path).mtimeMs;
    const second = await cli(['--fix', 'xinji-2023.txt'], dir);
    expect(readFileSync(path, 'utf8')).toBe(fixed);
    expect(statSync(path).mtimeMs).toBe(before); // not even rewritten
    expect(second.code).toBe(first.code);
  });

  it('--fix-unsafe also applies the wording fix and appends the fifth part, numbered after the last', async () => {
    const { dir, path } = tempDraft('xinji-2023.txt', XINJI);
    await cli(['--fix-unsafe', 'xinji-2023.txt'], dir);
    const fixed = readFileSync(path, 'utf8');
    const expected = xinjiAfterFix(XINJI)
      .replace('履行推进法治政府建设第一责任人职责', '履行推进法治建设第一责任人职责')
      .replace('辛集乡法治政府建设工作。\n', '辛集乡法治政府建设工作。\n\n五、其他需要报告的情况\n\n无。\n');
    expect(fixed).toBe(expected);
    await cli(['--fix-unsafe', 'xinji-2023.txt'], dir);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('--fix-dry-run shows each change with a few characters around it, exactly what --fix writes, and changes nothing', async () => {
    for (const flags of [[], ['--fix-unsafe']]) {
      const dry = tempDraft('xinji-2023.txt', XINJI);
      const wet = tempDraft('xinji-2023.txt', XINJI);
      const mtime = statSync(dry.path).mtimeMs;
      const run = await cli(['--fix-dry-run', ...flags, 'xinji-2023.txt'], dry.dir);
      expect(readFileSync(dry.path, 'utf8')).toBe(XINJI);
      expect(statSync(dry.path).mtimeMs).toBe(mtime);
      expect(readdirSync(dry.dir)).toEqual(['xinji-2023.txt']);
      const wrote = await cli([flags.length ? '--fix-unsafe' : '--fix', 'xinji-2023.txt'], wet.dir);
      const written = readFileSync(wet.path, 'utf8');
      const preview = run.stdout.slice(0, run.stdout.indexOf('\n\n') + 2);
      expect(preview.startsWith('xinji-2023.txt（预览，文件未改动）\n')).toBe(true);
      expect(preview).toBe(`xinji-2023.txt（预览，文件未改动）\n${changeList(XINJI, written).join('\n')}\n  将修复 ${/已修复 (\d+) 处/.exec(wrote.stderr)![1]} 处（${/已修复 \d+ 处（(.*)）/.exec(wrote.stderr)![1]}）\n\n`);
      // a changed comma is shown with its neighbours, not as its 300-character paragraph twice
      const lines = preview.split('\n').slice(1, -3);
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines) expect(l.length, l).toBeLessThan(120);
      expect(preview).toContain('\n  7:1     [-(-]{+（+}三[-)-]{+）+}完善依法行政制度体系…\n');
      expect(preview).toMatch(/160余\[-其-\]\{\+起\+\}矛盾/);
      // --fix says what it did
      expect(wrote.stderr).toMatch(/^lawreport-lint: xinji-2023.txt：已修复 \d+ 处（fullwidth-punctuation \d+ 处，/);
    }
  });

  it('the change list reconstructs the fixed text: removed and inserted lines, changes at a line’s ends', () => {
    const before = '第一行\n[bookmark: _GoBack]\n开展普法,宣传。\n末行';
    const after = '第一行\n开展普法，宣传。\n末行\n五、其他需要报告的情况\n无。';
    expect(changeList(before, after)).toEqual([
      '  2:1  [-[bookmark: _GoBack]-]',
      '  3:5  开展普法[-,-]{+，+}宣传。',
      '  5:1  {+五、其他需要报告的情况+}⏎{+无。+}',
    ]);
    expect(changeList('a,b', 'a,b')).toEqual([]);
  });
});

describe('what a fixed file keeps', () => {
  it('GB18030 stays GB18030', async () => {
    const { dir, path } = tempDraft('xinji.txt', encode(XINJI, 'gb18030', false));
    await cli(['--fix', 'xinji.txt'], dir);
    const bytes = readFileSync(path);
    const d = decode(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(xinjiAfterFix(XINJI));
    expect(Buffer.compare(bytes, Buffer.from(encode(xinjiAfterFix(XINJI), 'gb18030', false)))).toBe(0);
  });

  it('CRLF stays CRLF, and a UTF-8 BOM stays', async () => {
    const crlf = XINJI.replaceAll('\n', '\r\n');
    const { dir, path } = tempDraft('xinji.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    await cli(['--fix', 'xinji.txt'], dir);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(xinjiAfterFix(crlf));
    expect(text.match(/\r\n/g)!.length).toBe(crlf.match(/\r\n/g)!.length);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('a UTF-16LE file with its BOM is written back as UTF-16LE', async () => {
    const { dir, path } = tempDraft('xinji.txt', encode(XINJI, 'utf-16le', true));
    await cli(['--fix', 'xinji.txt'], dir);
    const d = decode(readFileSync(path));
    expect([d.encoding, d.bom]).toEqual(['utf-16le', true]);
    expect(d.text).toBe(xinjiAfterFix(XINJI));
  });

  it('the file mode is kept and no temporary file is left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-fix-'));
    const path = join(dir, 'tushan.txt');
    copyFileSync(join(CORPUS, 'tushan-2023.txt'), path);
    chmodSync(path, 0o640);
    await cli(['--fix', 'tushan.txt'], dir);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['tushan.txt']);
    expect(readFileSync(path, 'utf8')).not.toContain('[bookmark: _GoBack]');
  });
});

describe('inputs that are not rewritten in place', () => {
  it('a .docx is never rewritten: a note on stderr, and the exit code of a lint run', async () => {
    const doc = new Document({ sections: [{ children: XINJI.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const { dir, path } = tempDraft('xinji.docx', await Packer.toBuffer(doc));
    const original = readFileSync(path);
    const lint = await cli(['xinji.docx'], dir);
    for (const flags of [['--fix'], ['--fix-unsafe'], ['--fix-dry-run']]) {
      const run = await cli([...flags, 'xinji.docx'], dir);
      expect(Buffer.compare(readFileSync(path), original)).toBe(0);
      expect(run.stderr).toContain('xinji.docx：Word 文档（.docx）不会被改写，只做检查；用 --annotate');
      expect(run.stdout).not.toContain('+++');
      expect(run.code).toBe(lint.code);
    }
    expect(readdirSync(dir)).toEqual(['xinji.docx']);
  });

  it('stdin with --fix prints the fixed text, and only that; what is left is said on stderr and in the exit code', async () => {
    const run = await cli(['--fix', '--stdin-filename', 'xinji.txt', '-'], tmpdir(), XINJI);
    expect(run.stdout).toBe(xinjiAfterFix(XINJI));
    const left = await cli(['-', '--stdin-filename', 'xinji.txt', '-f', 'json'], tmpdir(), xinjiAfterFix(XINJI));
    const remaining = JSON.parse(left.stdout)[0].diagnostics as { severity: number }[];
    expect(remaining.some((d) => d.severity === 1)).toBe(true);
    expect(run.code).toBe(1); // errors remain after fixing, as linting the fixed text says
    expect(left.code).toBe(1);
    expect(run.stderr).toContain(`还有 ${remaining.length} 个问题不能自动修复（${remaining.filter((d) => d.severity === 1).length} 个错误）`);
  });
});

/**
 * Hostile .docx files (issue 12 items 4 and 6, and the Word issue's limits), all
 * generated here: each ends with one clear line (exit 2 from the CLI) or a normal
 * result, in bounded memory; numbering whose values or sizes would have hung the
 * old reader reads like any other.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';
import { decodeDraft, ReadError } from '../../src/io/read.js';
import { LIMITS } from '../../src/word/zip.js';
import { tempDir } from '../batch/helpers.js';
import { wordPackage } from './fixtures.js';

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** The central directory's declared (inflated) size of one entry, rewritten. */
function declare(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x02014b50 && out.toString('utf8', i + 46, i + 46 + out.readUInt16LE(i + 28)) === name) {
      out.writeUInt32LE(size, i + 24);
      return out;
    }
  }
  throw new Error(`no ${name}`);
}

async function readError(bytes: Buffer): Promise<ReadError> {
  const err = await decodeDraft('a.docx', bytes).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReadError);
  expect((err as ReadError).message).not.toContain('\n');
  return err as ReadError;
}

const numbered = (lvl: string, paragraphs: number, numId = '1') =>
  wordPackage(Array.from({ length: paragraphs }, () => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>条目</w:t></w:r></w:p>`).join(''),
    { numbering: `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">${lvl}</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` });

describe('zip bombs and lies are refused before they are inflated', () => {
  test('a document.xml inflating beyond the part limit', async () => {
    const body = p('法治政府建设').repeat(Math.ceil((LIMITS.part + 1024) / p('法治政府建设').length));
    const err = await readError(wordPackage(body));
    expect(err.code).toBe('docx-too-large');
    expect(err.message).toMatch(/word\/document\.xml 解压后 \d+ MB.*zip 炸弹/);
  });

  test('an archive declaring more than the whole limit', async () => {
    const zip = Buffer.from(zipSync({ ...unzipPackage(wordPackage(p('正文'))), 'word/media/image1.png': new Uint8Array(10) }));
    const err = await readError(declare(zip, 'word/media/image1.png', LIMITS.archive + 1));
    expect(err.code).toBe('docx-too-large');
    expect(err.message).toContain('超过 256 MB 的上限');
  });

  test('a part smaller than its compressed data is a lie', async () => {
    const zip = wordPackage(p('法治').repeat(200_000));
    const err = await readError(declare(zip, 'word/document.xml', 100));
    expect(err.code).toBe('docx-unsafe');
  });

  test('a part whose real size is far beyond the declared one is cut there, and is then broken XML', async () => {
    const zip = wordPackage(p('法治').repeat(2_000_000));
    const err = await readError(declare(zip, 'word/document.xml', 400_000));
    expect(err.code).toBe('bad-docx');
    expect(err.message).toMatch(/document\.xml 不是完整的 XML.*另存为/);
  });
});

test('a DOCTYPE (external entities) is refused', async () => {
  const files = unzipPackage(wordPackage(p('&xxe;')));
  const xml = new TextDecoder().decode(files['word/document.xml']).replace('<w:document', '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document');
  const err = await readError(Buffer.from(zipSync({ ...files, 'word/document.xml': strToU8(xml) })));
  expect(err.code).toBe('docx-unsafe');
  expect(err.message).toContain('DOCTYPE');
});

test('a package without its main document, and a truncated one, are broken files', async () => {
  const files = unzipPackage(wordPackage(p('正文')));
  delete files['word/document.xml'];
  expect((await readError(Buffer.from(zipSync(files)))).message).toMatch(/找不到正文部分（word\/document\.xml）.*另存为/);
  const whole = wordPackage(p('正文'));
  expect((await readError(whole.subarray(0, whole.length - 30))).code).toBe('bad-docx');
});

describe('numbering that hung or killed the old reader reads like any other', () => {
  test('a huge start in every format', async () => {
    for (const [fmt, marker] of [['decimal', '32767.'], ['lowerRoman', '32767.'], ['lowerLetter', '32767.'], ['chineseCounting', '32767.']]) {
      const draft = await decodeDraft('a.docx', numbered(`<w:start w:val="1000000000000000"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/>`, 3));
      expect(draft.text).toBe(`${marker}条目\n${marker}条目\n${marker}条目`);
    }
  });

  test('a lvlText of 100,000 references is cut to Word\'s length', async () => {
    const draft = await decodeDraft('a.docx', numbered(`<w:numFmt w:val="decimal"/><w:lvlText w:val="${'%1'.repeat(100_000)}"/>`, 200));
    expect(draft.text.split('\n')[1]).toBe(`${'2'.repeat(127)}%条目`);
  });

  test('20,000 lists and 60,000 attributes on one paragraph\'s properties', async () => {
    const lists = Array.from({ length: 20_000 }, (_, i) => `<w:abstractNum w:abstractNumId="${i}"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>`).join('')
      + Array.from({ length: 20_000 }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('');
    const attrs = Array.from({ length: 60_000 }, (_, i) => `w:a${i}="1"`).join(' ');
    const body = `<w:p><w:pPr ${attrs}><w:numPr><w:ilvl w:val="0"/><w:numId w:val="20000"/></w:numPr></w:pPr><w:r><w:t>条目</w:t></w:r></w:p>`
      + Array.from({ length: 20_000 }, (_, i) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${i + 1}"/></w:numPr></w:pPr><w:r><w:t>条目</w:t></w:r></w:p>`).join('');
    const draft = await decodeDraft('a.docx', wordPackage(body, { numbering: lists }));
    const lines = draft.text.split('\n');
    expect(lines.length).toBe(20_001);
    expect(new Set(lines)).toEqual(new Set(['1.条目', '2.条目']));
  });
});

test('the CLI: each bad .docx is one clear line, the others are checked, exit 2', async () => {
  const dir = tempDir('lrl-word-hostile-');
  writeFileSync(join(dir, 'bomb.docx'), wordPackage(p('法治政府建设').repeat(Math.ceil((LIMITS.part + 1024) / p('法治政府建设').length))));
  const files = unzipPackage(wordPackage(p('&xxe;')));
  writeFileSync(join(dir, 'xxe.docx'), zipSync({ ...files, 'word/document.xml': strToU8(new TextDecoder().decode(files['word/document.xml']).replace('<w:document', '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document')) }));
  writeFileSync(join(dir, 'corrupt.docx'), wordPackage(p('正文')).subarray(0, 100));
  writeFileSync(join(dir, 'good.docx'), wordPackage(p('某镇人民政府关于2023年法治政府建设情况的报告')));
  const io = { out: '', err: '', cwd: dir, isTTY: false, stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; }, stdin: async () => Buffer.alloc(0) } satisfies CliIO & { out: string; err: string };
  const code = await main(['.', '-f', 'json', '--no-config-lookup'], io);
  expect(code).toBe(2);
  const results: { filePath: string; error?: { code: string; message: string } }[] = JSON.parse(io.out);
  expect(results.map((r) => [r.filePath, r.error?.code])).toEqual([['bomb.docx', 'docx-too-large'], ['corrupt.docx', 'bad-docx'], ['good.docx', undefined], ['xxe.docx', 'docx-unsafe']]);
  const errLines = io.err.trim().split('\n');
  expect(errLines).toHaveLength(3);
  expect(errLines[0]).toMatch(/^lawreport-lint: bomb\.docx: 拒绝读取这个 Word 文件：word\/document\.xml 解压后 \d+ MB/);
  expect(errLines[2]).toMatch(/^lawreport-lint: xxe\.docx: 拒绝读取这个 Word 文件：word\/document\.xml 含有 DOCTYPE/);
});

const unzipPackage = (bytes: Buffer): Record<string, Uint8Array> => unzipSync(bytes);

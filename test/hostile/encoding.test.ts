/**
 * Item 1 of issue 12: how a draft's encoding is decided, and that --fix changes
 * only the bytes of what it fixes. A UTF-8 draft with one bad byte (a stray 0xFF,
 * a character cut at the end, a pasted GBK phrase) stays UTF-8, the bad bytes are
 * reported where they are and kept; a draft whose encoding is only a guess is
 * never rewritten.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/io/encoding.js';
import { spliceEdits } from '../../src/io/splice.js';
import type { Diagnostic } from '../../src/types.js';
import { cli, DRAFT, FIXED, tempDir } from './helpers.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const gbk = (s: string) => Buffer.from(encode(s, 'gb18030', false));
/** DRAFT's text offset just after “组织干部” (line 3), where no fix applies. */
const AT = DRAFT.indexOf('组织干部') + 4;

function draftFile(bytes: Uint8Array, name = 'draft.txt'): { dir: string; path: string } {
  const dir = tempDir('encoding');
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { dir, path };
}

const jsonOf = (stdout: string) => JSON.parse(stdout) as { diagnostics: Diagnostic[]; error?: unknown }[];

describe('deciding the encoding', () => {
  it('one stray byte in UTF-8 stays UTF-8, the byte reported at its place', () => {
    const bytes = Buffer.concat([utf8(DRAFT.slice(0, AT)), Buffer.from([0xff]), utf8(DRAFT.slice(AT))]);
    const d = decode(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.guessed).toBeUndefined();
    expect(d.text).toBe(`${DRAFT.slice(0, AT)}\ufffd${DRAFT.slice(AT)}`);
    expect(d.undecodable).toEqual([{ offset: AT, byteOffset: utf8(DRAFT.slice(0, AT)).length, length: 1, hex: 'FF' }]);
  });

  it('a character cut at the end, and a pasted GBK phrase, stay UTF-8', () => {
    const cut = decode(Buffer.concat([utf8(DRAFT), utf8('中').subarray(0, 2)]));
    expect([cut.encoding, cut.text, cut.undecodable?.length]).toEqual(['utf-8', `${DRAFT}\ufffd`, 1]);
    const pasted = decode(Buffer.concat([utf8(DRAFT.slice(0, AT)), gbk('行政执法'), utf8(DRAFT.slice(AT))]));
    expect(pasted.encoding).toBe('utf-8');
    expect(pasted.guessed).toBeUndefined();
    expect(pasted.text.startsWith(DRAFT.slice(0, AT))).toBe(true);
    expect(pasted.text.endsWith(DRAFT.slice(AT))).toBe(true);
  });

  it('a GBK draft is GB18030; GBK and UTF-8 halves together are a guess', () => {
    expect(decode(gbk(DRAFT))).toEqual({ text: DRAFT, encoding: 'gb18030', bom: false });
    const half = DRAFT.length >> 1;
    const mixed = decode(Buffer.concat([gbk(DRAFT.slice(0, half)), utf8(DRAFT.slice(half))]));
    expect(mixed.guessed).toBe(true);
    expect(mixed.undecodable!.length).toBeGreaterThan(0);
  });

  it('UTF-16: an unpaired surrogate is one undecodable place', () => {
    const body = Buffer.from(DRAFT.slice(0, AT), 'utf16le');
    const d = decode(Buffer.concat([Buffer.from([0xff, 0xfe]), body, Buffer.from([0x00, 0xd8]), Buffer.from(DRAFT.slice(AT), 'utf16le')]));
    expect([d.encoding, d.undecodable]).toEqual(['utf-16le', [{ offset: AT, byteOffset: 2 + body.length, length: 2, hex: '00 D8' }]]);
  });
});

describe('UTF-16 without a byte order mark (Notepad’s “Unicode” saved without one)', () => {
  const le = Buffer.from(DRAFT, 'utf16le');
  const be = Buffer.from(le).swap16();

  it('is read as UTF-16, little- or big-endian, not called binary', () => {
    expect(decode(le)).toEqual({ text: DRAFT, encoding: 'utf-16le', bom: false });
    expect(decode(be)).toEqual({ text: DRAFT, encoding: 'utf-16be', bom: false });
    // a CJK character whose code ends in 00 (U+5E00 帀) puts a NUL on the other side: still UTF-16
    const odd = `${DRAFT}帀${DRAFT}`;
    expect(decode(Buffer.from(odd, 'utf16le')).text).toBe(odd);
  });

  it('is linted and fixed as UTF-16 without a BOM, byte for byte; UTF-8 and binary files are not taken for it', async () => {
    const { dir, path } = draftFile(le);
    const lint = await cli(['draft.txt', '-f', 'json'], dir);
    expect(jsonOf(lint.stdout)[0].error).toBeUndefined();
    await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(path)).toEqual(Buffer.from(FIXED, 'utf16le'));
    expect(decode(utf8(DRAFT)).encoding).toBe('utf-8');
    const binary = draftFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expect(jsonOf((await cli(['draft.txt', '-f', 'json'], binary.dir)).stdout)[0].error).toMatchObject({ code: 'binary' });
  });
});

describe('--fix writes only the bytes of its fixes', () => {
  it('a UTF-8 draft with a stray byte: fixed as UTF-8, the byte kept, reported as a warning', async () => {
    const bytes = Buffer.concat([utf8(DRAFT.slice(0, AT)), Buffer.from([0xff]), utf8(DRAFT.slice(AT))]);
    const { dir, path } = draftFile(bytes);
    const lint = await cli(['-f', 'json', 'draft.txt'], dir);
    const encoding = jsonOf(lint.stdout)[0].diagnostics.filter((d) => d.code === 'encoding');
    expect(encoding).toHaveLength(1);
    expect(encoding[0].range.start).toEqual({ line: 2, character: 4 });
    expect(encoding[0].message).toContain('（FF）');
    expect(encoding[0].severity).toBe(2);

    const run = await cli(['--fix', 'draft.txt'], dir);
    expect(run.stderr).toBe('lawreport-lint: draft.txt：已修复 2 处（fullwidth-punctuation 2 处）\n');
    expect(readFileSync(path)).toEqual(Buffer.concat([utf8(FIXED.slice(0, AT)), Buffer.from([0xff]), utf8(FIXED.slice(AT))]));
    // the report after fixing points at the byte where it now stands
    expect(run.stdout).toMatch(/3:5 .*无法按 UTF-8 解码的字节（FF）/);
  });

  it('a character cut at the end and a pasted GBK phrase are kept byte for byte', async () => {
    const phrase = gbk('行政执法');
    const { dir, path } = draftFile(Buffer.concat([utf8(DRAFT.slice(0, AT)), phrase, utf8(DRAFT.slice(AT)), Buffer.from([0xe4, 0xb8])]));
    await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(path)).toEqual(Buffer.concat([utf8(FIXED.slice(0, AT)), phrase, utf8(FIXED.slice(AT)), Buffer.from([0xe4, 0xb8])]));
  });

  it('a draft whose encoding is a guess is not rewritten: one line, exit 2', async () => {
    const half = DRAFT.length >> 1;
    const bytes = Buffer.concat([gbk(DRAFT.slice(0, half)), utf8(DRAFT.slice(half))]);
    const { dir, path } = draftFile(bytes);
    const run = await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(path)).toEqual(bytes);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^lawreport-lint: draft\.txt：无法确定稿件的编码.*未写入修复/);
    expect(run.code).toBe(2);
  });

  it('GB18030 bytes the encoder would write differently are never rewritten', async () => {
    // 0x80 decodes to €, which the encoder writes as A2 E3: writing the file back would change it
    const bytes = Buffer.concat([gbk(DRAFT.slice(0, AT)), Buffer.from([0x80]), gbk(DRAFT.slice(AT))]);
    const { dir, path } = draftFile(bytes);
    const run = await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(path)).toEqual(bytes);
    expect(run.stderr).toContain('未写入修复');
  });

  it('GB18030: four-byte characters (CJK Ext-B, ¥, Mongolian) are encoded exactly and kept', async () => {
    const rare = '𠀀𪚥𡃁\u00a5ᠠ';
    expect(new TextDecoder('gb18030').decode(encode(rare, 'gb18030', false))).toBe(rare);
    const text = DRAFT.replace('组织干部', `组织${rare}干部`);
    const { dir, path } = draftFile(gbk(text));
    await cli(['--fix', 'draft.txt'], dir);
    expect(readFileSync(path)).toEqual(gbk(text.replace('学法,开展', '学法，开展').replace('宣传,共计', '宣传，共计')));
  });

  it('spliceEdits puts each edit in place of its span’s bytes and copies every other byte', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('甲,乙'), Buffer.from([0xff]), utf8('丙\r\n丁')]);
    const d = decode(bytes);
    expect(d.text).toBe('甲,乙\ufffd丙\r\n丁');
    const out = spliceEdits(bytes, d, [{ start: 1, end: 2, text: '，' }, { start: 7, end: 7, text: '戊' }]);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('甲，乙'), Buffer.from([0xff]), utf8('丙\r\n戊丁')]));
    expect(() => spliceEdits(bytes, d, [{ start: 3, end: 4, text: '' }])).toThrow(/无法解码的字节/);
  });
});

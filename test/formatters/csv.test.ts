import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { csv } from '../../src/formatters/csv.js';
import type { FileResult } from '../../src/types.js';
import { corpusResults, formatContext, UNREADABLE } from './fixtures.js';

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. Throws on malformed input. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`unquoted special character at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error('CR without LF');
      i += 2;
    }
    rows.push(row);
    row = [];
  }
  return rows;
}

let results: FileResult[];
let ctx: FormatContext;
let out: string;
let rows: string[][];

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
  out = csv(results, ctx);
  rows = parseCsv(out.slice(1));
});

describe('csv format', () => {
  it('starts with a UTF-8 BOM and a Chinese header, so Excel shows Chinese', () => {
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows[0]).toEqual(['文件', '单位', '年度', '行', '列', '严重程度', '规则', '问题', '原文', '所在句子', '建议', '依据']);
  });

  it('has one row per finding, in order, each with every column', () => {
    const findings = results.flatMap((r) => r.diagnostics.map((d, i) => ({ r, d, i })));
    const body = rows.slice(1).filter((x) => x[5] !== '无法检查');
    expect(body).toHaveLength(findings.length);
    for (const row of rows) expect(row).toHaveLength(12);
    findings.forEach(({ r, d, i }, k) => {
      const row = body[k];
      expect(row[0]).toBe(r.filePath);
      expect(row[1]).toBe(r.summary!.organ);
      expect(row[2]).toBe(String(r.summary!.year));
      expect(row[3]).toBe(String(d.range.start.line + 1));
      expect(row[4]).toBe(String(d.range.start.character + 1));
      expect(row[5]).toBe({ 1: '错误', 2: '警告', 3: '提示', 4: '建议' }[d.severity]);
      expect(row[6]).toBe(d.code);
      expect(row[7]).toBe(d.message);
      const quote = r.summary!.quotes[i];
      expect(row[8]).toBe(quote.trim() ? quote : '');
      expect(row[9]).toContain(`「${quote}」`);
      expect(row[10]).toBe(d.data?.help ?? '');
    });
    // a half-width comma is found by its sentence, not quoted alone
    const comma = body.find((x) => x[6] === 'fullwidth-punctuation' && x[0].endsWith('tianxingsi-2022.txt'))!;
    expect(comma[8]).toBe(',');
    expect(comma[9]).toMatch(/普法「,」充分运用/);
    // the Word bookmark in tushan, quoted
    expect(body.find((x) => x[6] === 'conversion-artifact')).toEqual(expect.arrayContaining(['4', '1', '错误', '[bookmark: _GoBack]']));
  });

  it('gives each unreadable file one row with the reason', () => {
    const bad = rows.filter((x) => x[5] === '无法检查');
    expect(bad.map((x) => [x[0], x[6], x[7]])).toEqual(UNREADABLE.map((u) => [u.filePath, u.error!.code, u.error!.message]));
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const r: FileResult = {
      filePath: 'a,b "c".txt',
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, severity: 2, code: 'x', source: 'lawreport-lint',
        message: '第一行,有逗号\n第二行“引号”和"直引号"',
      }],
      summary: { organ: '某镇', year: 2023, parts: [], passes: [], quotes: ['=HYPERLINK("http://x")'] },
    };
    const text = csv([r], { color: false, cwd: '/' });
    expect(text).toContain('"a,b ""c"".txt"');
    const [, row] = parseCsv(text.slice(1));
    expect(row[0]).toBe('a,b "c".txt');
    expect(row[7]).toBe('第一行,有逗号\n第二行“引号”和"直引号"');
    expect(row[8]).toBe('\'=HYPERLINK("http://x")');
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/batch/run.js';
import { formatNumber } from '../../src/word/numbering.js';
import { decodeDraft, ReadError } from '../../src/io/read.js';
import type { ReportDocument } from '../../src/types.js';
import { CORPUS, linterWith } from '../helpers.js';
import { draftToDocx } from './docx-fixture.js';
import { tempDir } from './helpers.js';

const DRAFTS = ['tianxingsi-2022', 'tushan-2023', 'xinji-2023'];
const corpus = (name: string) => readFileSync(join(CORPUS, `${name}.txt`), 'utf8');

/** What the outline is: title, headings with their levels and markers, parts with their items. */
function outline(doc: ReportDocument) {
  return {
    title: doc.title && { text: doc.title.text, organ: doc.title.organ?.text, year: doc.title.year },
    headings: doc.headings.map((h) => ({ line: h.line, level: h.level, marker: h.marker?.text, style: h.marker?.style, title: h.title })),
    parts: doc.parts.map((p) => ({
      kind: p.kind,
      title: p.heading.title,
      line: p.heading.line,
      items: p.items.map((i) => ({ kind: i.kind, label: i.label, line: doc.positionAt(i.span[0]).line })),
    })),
  };
}

async function build(text: string, format: 'txt' | 'docx') {
  const linter = await linterWith();
  return linter.config.builder.build(text, { format, path: `draft.${format}` });
}

describe('a .docx gives the outline of its .txt', () => {
  for (const name of DRAFTS) {
    test(`${name}: typed markers, part titles as Word headings`, async () => {
      const text = corpus(name);
      const draft = await decodeDraft(`${name}.docx`, await draftToDocx(text));
      // one line per Word paragraph, text exactly as typed (trailing spaces, blank-looking lines included)
      expect(draft.text).toBe(text.replace(/\n$/, ''));
      expect(draft.encoding).toBe('docx');
      const fromDocx = outline(await build(draft.text, 'docx'));
      expect(fromDocx).toEqual(outline(await build(text, 'txt')));
      expect(fromDocx.parts.length).toBeGreaterThanOrEqual(4);
    });

    test(`${name}: Word's automatic numbering instead of typed 一、（一）1.`, async () => {
      const text = corpus(name);
      const bytes = await draftToDocx(text, { autoNumber: true });
      // the numbers are not in the document's text: mammoth alone would lose the outline
      const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
      expect(raw).not.toMatch(/^[一二三四五]、/m);
      const draft = await decodeDraft(`${name}.docx`, bytes);
      expect(draft.text).toBe(text.replace(/\n$/, ''));
      expect(outline(await build(draft.text, 'docx'))).toEqual(outline(await build(text, 'txt')));
    });
  }

  test('a run-in heading in bold stays one paragraph with its body', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、主要举措和成效')] }),
          new Paragraph({ children: [new TextRun({ text: '（一）强化理论学习，增强法治思想。', bold: true }), new TextRun('组织专题学习12次。')] }),
        ],
      }],
    });
    const draft = await decodeDraft('a.docx', await Packer.toBuffer(doc));
    expect(draft.text.split('\n')[2]).toBe('（一）强化理论学习，增强法治思想。组织专题学习12次。');
    const item = (await build(draft.text, 'docx')).headings.find((h) => h.marker?.style === 'cn-paren');
    expect(item?.title).toBe('强化理论学习，增强法治思想');
  });

  test('a line break inside a paragraph: model lines map back to Word paragraphs', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('重庆市某某镇人民政府'), new TextRun({ break: 1 }), new TextRun('关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ children: [new TextRun('一、主要举措和成效')] }),
        ],
      }],
    });
    const draft = await decodeDraft('a.docx', await Packer.toBuffer(doc));
    expect(draft.text).toBe('重庆市某某镇人民政府\n关于2023年法治政府建设情况的报告\n一、主要举措和成效');
    expect(draft.paragraphs).toEqual([{ paragraph: 0, column: 0 }, { paragraph: 0, column: 11 }, { paragraph: 1, column: 0 }]);
  });

  test('a finding in a .docx is reported at its Word paragraph, even after a line break', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('重庆市青山镇人民政府'), new TextRun({ break: 1 }), new TextRun('关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ children: [new TextRun('一、主要举措和成效')] }),
          new Paragraph({ children: [new TextRun('（一）加强学习。全年组织学法XX次。')] }),
        ],
      }],
    });
    const dir = tempDir();
    writeFileSync(join(dir, '青山镇.docx'), await Packer.toBuffer(doc));
    const [result] = await lintFiles(['青山镇.docx'], { cwd: dir }).results();
    const placeholder = result.diagnostics.find((d) => d.code === 'placeholder');
    // model line 3 is the third Word paragraph (index 2); the column counts from the paragraph's start
    expect(placeholder?.range.start).toEqual({ line: 2, character: '（一）加强学习。全年组织学法'.length });
    expect(result.summary?.parts.map((p) => p.line)).toEqual([1]);
    expect(result.summary?.quotes[result.diagnostics.indexOf(placeholder!)]).toBe('XX');
  });
});

describe('files that are not readable Word documents', () => {
  test('an old .doc renamed to .docx says how to convert it', async () => {
    const err = await decodeDraft('报告.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('unsupported-format');
    expect((err as ReadError).message).toContain('libreoffice --headless --convert-to docx "报告.docx"');
  });

  test('a truncated or foreign file is bad-docx, with what to do', async () => {
    const good = await draftToDocx('关于2023年法治政府建设情况的报告');
    for (const bytes of [Buffer.from('not a zip at all'), good.subarray(0, 200)]) {
      const err = await decodeDraft('a.docx', bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReadError);
      expect((err as ReadError).code).toBe('bad-docx');
      expect((err as ReadError).message).toMatch(/另存为/);
    }
  });

  test('a Word file with no text is empty', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({}), new Paragraph({})] }] });
    const err = await decodeDraft('a.docx', await Packer.toBuffer(doc)).catch((e: unknown) => e);
    expect((err as ReadError).code).toBe('empty');
  });
});

test('Word number formats are shown as Word shows them', () => {
  expect(formatNumber(3, 'chineseCounting')).toBe('三');
  expect(formatNumber(10, 'chineseCounting')).toBe('十');
  expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
  expect(formatNumber(21, 'chineseCounting')).toBe('二十一');
  expect(formatNumber(4, 'decimalEnclosedCircle')).toBe('④');
  expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  expect(formatNumber(7, 'decimal')).toBe('7');
  expect(formatNumber(3, 'upperRoman')).toBe('III');
  expect(formatNumber(28, 'lowerLetter')).toBe('bb');
  expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
});

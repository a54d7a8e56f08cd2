/**
 * The Word reader against mammoth (the reader lawreport-lint had before, kept as
 * test/word/mammoth-reader.ts): identical lines and markers on every test .docx —
 * the corpus drafts as LibreOffice saves them, Word's automatic numbering, tracked
 * changes, tables, hyperlinks, fields, line breaks, text boxes, footnotes,
 * comments — and on each of those saved again by LibreOffice.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { docxToText } from '../../src/io/docx.js';
import { decodeDraft } from '../../src/io/read.js';
import { readDocx } from '../../src/word/read.js';
import { tempDir } from '../batch/helpers.js';
import { corpusText, DRAFTS, featureFixtures, wordPackage } from './fixtures.js';
import { mammothDocxToText } from './mammoth-reader.js';
import { convert, SOFFICE_TIMEOUT } from './soffice.js';

const fixtures = new Map<string, Buffer>();

beforeAll(async () => {
  const dir = tempDir('lrl-word-');
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const name of DRAFTS) writeFileSync(join(input, `${name}.txt`), corpusText(name));
  for (const [name, bytes] of Object.entries(await featureFixtures())) {
    fixtures.set(name, bytes);
    writeFileSync(join(input, `${name}.docx`), bytes);
  }
  // one LibreOffice run for all: the corpus drafts saved as .docx, and every fixture saved again
  const out = convert(readdirSync(input).map((f) => join(input, f)), 'docx', join(dir, 'lo'));
  for (const f of readdirSync(out)) fixtures.set(`libreoffice/${f}`, readFileSync(join(out, f)));
}, SOFFICE_TIMEOUT);

describe('the reader gives mammoth\'s lines and markers', () => {
  test('on every test .docx', async () => {
    expect(fixtures.size).toBeGreaterThanOrEqual(2 * 16 + 3);
    for (const [name, bytes] of fixtures) {
      const mine = docxToText(bytes);
      const theirs = await mammothDocxToText(bytes);
      expect({ name, text: mine.text, lines: mine.lines }).toEqual({ name, text: theirs.text, lines: theirs.lines });
    }
  });

  test('the annotator\'s parse (saxes, with source positions) reads every test .docx as the reader (saxen) does', () => {
    for (const [name, bytes] of fixtures) {
      const fast = readDocx(bytes);
      const placed = readDocx(bytes, { positions: true });
      expect({ name, text: placed.text, lines: placed.lines, markers: placed.markers, directives: placed.directives })
        .toEqual({ name, text: fast.text, lines: fast.lines, markers: fast.markers, directives: fast.directives });
    }
  });

  test('the corpus drafts saved by LibreOffice read back as their text', () => {
    for (const name of DRAFTS) {
      expect(docxToText(fixtures.get(`libreoffice/${name}.docx`)!).text).toBe(corpusText(name).replace(/\n$/, ''));
    }
  });

  test('what each feature reads as', () => {
    const text = (name: string) => docxToText(fixtures.get(name)!).text;
    expect(text('tracked')).toBe('某镇人民政府关于2023年法治政府建设情况的报告\n全年组织学法12次。');
    expect(text('table')).toBe('一、主要举措和成效\n项目\n2023年\n（件）\n12\n合计\n30\n31\n表后正文。');
    expect(text('hyperlink')).toBe('详见中国政府网。');
    expect(text('breaks')).toBe('重庆市某某镇人民政府\n关于2023年法治政府建设情况的报告\n第一页末第二页首\n一、主要举措和成效');
    expect(text('textbox')).toBe('框前框后\n框内第一段\n框内第二段\n正文');
    expect(text('footnotes')).toBe('依据《条例》开展工作。');
    expect(text('deleted-paragraph-mark')).toBe('前半句后半句。\n下一段');
    expect(text('moved-text')).toBe('留下的移来的');
    expect(text('alternate-content')).toBe('图前图后\n旧式文本框');
    expect(text('deleted-row')).toBe('保留的行\n表后');
    expect(text('content-controls')).toBe('某某镇人民政府\n普法宣传活动\t12场\u2011次');
    expect(text('numbering-style-and-override')).toBe('一、主要举措和成效\n（一）强化学习\n（二）完善制度\n二、存在的不足和原因\n（一）执法力量薄弱');
    expect(docxToText(fixtures.get('breaks')!).lines).toEqual([
      { paragraph: 0, column: 0 }, { paragraph: 0, column: 11 }, { paragraph: 1, column: 0 }, { paragraph: 2, column: 0 },
    ]);
  });
});

describe('where the reader shows what Word shows and mammoth does not', () => {
  test('a simple field shows its result, a carriage return breaks the line', async () => {
    const bytes = wordPackage('<w:p><w:r><w:t>截至</w:t></w:r><w:fldSimple w:instr="DATE"><w:r><w:t>2023年12月31日</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:t>上行</w:t><w:cr/><w:t>下行</w:t></w:r></w:p>');
    expect(docxToText(bytes).text).toBe('截至2023年12月31日\n上行\n下行');
    expect((await mammothDocxToText(bytes)).text).toBe('截至\n上行下行');
  });
});

test('Word comments that start with lawreport-lint-disable are directives on their range', async () => {
  const bytes = wordPackage(
    '<w:p><w:r><w:t>全年</w:t></w:r><w:commentRangeStart w:id="4"/><w:r><w:t>组织学法XX次</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
    + '<w:p><w:commentRangeStart w:id="5"/><w:r><w:t>请核实</w:t></w:r><w:commentRangeEnd w:id="5"/></w:p>',
    { comments: '<w:comment w:id="4" w:author="张三"><w:p><w:r><w:t>lawreport-lint-disable placeholder -- 数字待统计局核定</w:t></w:r></w:p></w:comment><w:comment w:id="5" w:author="李四"><w:p><w:r><w:t>这里要改</w:t></w:r></w:p></w:comment>' },
  );
  const draft = await decodeDraft('a.docx', bytes);
  expect(draft.text).toBe('全年组织学法XX次。\n请核实');
  expect(draft.directives).toEqual([{ kind: 'range', rules: ['placeholder'], span: [2, 9], rulesEnd: 2, line: 0, reason: '数字待统计局核定', comment: '4' }]);
});

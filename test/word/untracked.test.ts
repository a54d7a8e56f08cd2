/**
 * A safe fix Word cannot track where it is (in a paragraph holding a text box, in
 * Word's own numbering, across paragraphs) is not silently dropped: it becomes a
 * comment on its text that says what to change by hand.
 */
import { unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { annotateDocx } from '../../src/word/annotate.js';
import { readDocx } from '../../src/word/read.js';
import { wordPackage } from './fixtures.js';

test('an untrackable change is a comment saying what to change, and counted as skipped', () => {
  const box = '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice></mc:AlternateContent></w:r>';
  const bytes = wordPackage(`<w:p><w:r><w:t>开展普法,宣传。</w:t></w:r>${box}</w:p><w:p><w:r><w:t>组织学法,考试。</w:t></w:r></w:p>`);
  const { text } = readDocx(bytes);
  const lines = text.split('\n');
  const comma = (line: number) => ({ start: { line, character: lines[line].indexOf(',') }, end: { line, character: lines[line].indexOf(',') + 1 } });
  const r = annotateDocx(bytes, { comments: [], changes: [{ range: comma(0), newText: '，' }, { range: comma(1), newText: '，' }], date: '2024-02-01T09:00:00Z' });
  expect(r).toMatchObject({ changes: 1, skipped: 1, comments: 1 });
  const files = unzipSync(r.bytes);
  const comments = new TextDecoder().decode(files['word/comments.xml']);
  expect(comments).toContain('lawreport-lint：此处应改为“，”。这处修改不能标为修订（所在段落中有文本框等对象），请在 Word 或 WPS 中手工修改。');
  const document = new TextDecoder().decode(files['word/document.xml']);
  expect(document.match(/<w:ins /g)).toHaveLength(1); // the second paragraph's comma is tracked
  expect(document).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">,<\/w:t><\/w:r><w:commentRangeEnd/);
});

test('a reviewed copy’s comments say what it did with a safe fix, never “lawreport-lint --fix”', async () => {
  const { reviewDraft } = await import('../../src/review-draft.js');
  const { linterWith } = await import('../helpers.js');
  const linter = await linterWith();
  const draft = { path: 'draft.txt', text: '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n（一）开展普法,宣传12场。\n' };
  const comments = (trackChanges: boolean) => {
    const r = reviewDraft(linter, draft, undefined, { trackChanges, date: '2024-02-01T09:00:00Z' });
    return new TextDecoder().decode(unzipSync(r.bytes)['word/comments.xml']);
  };
  expect(comments(true)).toContain('（已标为修订，在 Word 或 WPS 中接受即可）');
  expect(comments(false)).toContain('（请在 Word 或 WPS 中修改）');
  for (const c of [comments(true), comments(false)]) expect(c).not.toContain('--fix');
});

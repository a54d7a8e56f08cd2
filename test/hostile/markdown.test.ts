/**
 * Item 7 of issue 12: Markdown that remark parses superlinearly or into trees
 * deep enough to overflow a recursive walk. Nesting and inline marks past what a
 * report needs are flattened before parsing, the tree is walked with a stack, and
 * a draft of more than 10,000 lines is read by a linear block reader. A report
 * within the limits parses exactly as written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenForParsing, loadMarkdown, MAX_MARKDOWN_NESTING, parseMarkdownBlocks, simpleBlocks } from '../../src/document/markdown.js';
import { CORPUS, linterWith, ROOT } from '../helpers.js';

const HEAD = '# 关于2023年XX法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n';
const TAIL = '\n\n组织XX名干部参加考试。\n';

/** Lints a Markdown draft with the recommended rules; the placeholders found, by line. */
async function placeholders(body: string): Promise<number[]> {
  const linter = await linterWith();
  const text = `${HEAD}${body}${TAIL}`;
  const out = linter.lint(text, { filePath: 'draft.md' });
  return out.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.range.start.line);
}

describe('hostile Markdown is linted, the rest of the draft with it', () => {
  const lastLine = (body: string) => `${HEAD}${body}${TAIL}`.split('\n').length - 2;

  it('a 10 KB line of >', async () => {
    const body = '>'.repeat(10_000);
    expect(await placeholders(body)).toEqual([0, lastLine(body)]);
  });

  it('20 KB of “- - - …” (10,000 lists deep), and 510 KB of nested quotes', async () => {
    const dashes = `${'- '.repeat(10_000)}x`;
    expect(await placeholders(dashes)).toEqual([0, lastLine(dashes)]);
    const quotes = Array.from({ length: 3_000 }, (_, i) => `${'> '.repeat(i % 300)}x`).join('\n');
    expect(quotes.length).toBeGreaterThan(500_000);
    expect(await placeholders(quotes)).toEqual([0, lastLine(quotes)]);
  });

  it('inline marks by the hundred thousand: *a*a…, [a](…, <a…', async () => {
    for (const body of ['*a'.repeat(100_000), '[a]('.repeat(50_000), '<a'.repeat(100_000), '*a\n'.repeat(50_000)]) {
      expect(await placeholders(body)).toEqual([0, lastLine(body)]);
    }
  });

  it('100,000 list items, headings or fences: more than 10,000 lines, read by the linear reader', async () => {
    for (const body of ['- a\n'.repeat(100_000), '# a\n'.repeat(100_000), '```\n'.repeat(100_001)]) {
      const found = await placeholders(body);
      expect(found[0]).toBe(0);
      // the fences leave the last line inside a code block, where nothing is reported
      if (!body.startsWith('```')) expect(found).toEqual([0, lastLine(body)]);
    }
  });
});

describe('a report within the limits parses as written', () => {
  const drafts = [
    ...['markdown-bare.md', 'markdown-markers.md'].map((n) => join(ROOT, 'test', 'fixtures', 'drafts', n)),
    join(ROOT, 'examples', 'sample-draft.md'),
  ].map((f) => readFileSync(f, 'utf8'));

  it('flattening changes nothing in the fixtures and the corpus (as Markdown)', () => {
    const corpus = ['xinji-2023.txt', 'tushan-2023.txt', 'tianxingsi-2022.txt'].map((n) => readFileSync(join(CORPUS, n), 'utf8'));
    for (const text of [...drafts, ...corpus]) expect(flattenForParsing(text)).toBe(text);
  });

  it(`nesting past ${MAX_MARKDOWN_NESTING} levels is written as text, same length and lines`, () => {
    const deep = `${'> '.repeat(15)}x\n${'- '.repeat(15)}y`;
    const flat = flattenForParsing(deep);
    expect(flat).toBe(`${'> '.repeat(MAX_MARKDOWN_NESTING)}${'x'.repeat(10)}x\n${'- '.repeat(MAX_MARKDOWN_NESTING)}${'x'.repeat(10)}y`);
    expect(flat.length).toBe(deep.length);
  });

  it('the linear block reader finds the blocks remark finds in the Markdown fixtures', async () => {
    await loadMarkdown();
    const shape = (b: { kind: string; depth?: number; startLine: number; endLine: number }) => `${b.kind}${b.depth ?? ''}:${b.startLine}-${b.endLine}`;
    for (const text of drafts) expect(simpleBlocks(text).map(shape)).toEqual(parseMarkdownBlocks(text).map(shape));
  });
});

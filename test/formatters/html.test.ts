/** The HTML report as text: self-contained and escaped. Its behaviour is tested in html.browser.test.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { esc, html } from '../../src/formatters/html.js';
import type { FileResult } from '../../src/types.js';
import { corpusResults, formatContext, UNREADABLE } from './fixtures.js';

let results: FileResult[];
let ctx: FormatContext;
let out: string;

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
  out = html(results, ctx);
});

describe('html format', () => {
  it('is one self-contained file: nothing fetched, no network address at all', () => {
    expect(out).not.toMatch(/https?:/i);
    expect(out).not.toMatch(/\ssrc=|<link\b|@import|url\(/i);
    // links are in-page anchors: to a draft, or to a rule's explanation, which is in the page
    // (a file: link to the rule's YAML would be dead on the machine the report is sent to)
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#(d-\d+|rule-[a-z-]+)$/);
    for (const h of new Set(hrefs)) expect(out).toContain(`id="${h.slice(1)}"`);
    expect(out).not.toContain('file:');
    expect(out.match(/<script>/g)).toHaveLength(1);
  });

  it('holds the table (one body per draft), the heat map and the checklist tab', () => {
    expect(out.match(/<tbody class="draft/g)).toHaveLength(results.length);
    expect(out).toContain('热力图：稿件 × 规则');
    expect(out.match(/<article class="sheet"/g)).toHaveLength(results.length);
    for (const u of UNREADABLE) expect(out).toContain(`无法检查：${esc(u.error!.message)}`);
    // the finding's text marked in its sentence
    expect(out).toContain('<blockquote><mark>[bookmark: _GoBack]</mark>2023年，重庆市南岸区涂山镇按照全面依法治国战略部署，深入…</blockquote>');
  });

  it('escapes every piece of text that comes from a draft', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const r: FileResult = {
      filePath: `drafts/${evil}.txt`,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'placeholder', source: 'lawreport-lint',
        message: evil, codeDescription: { href: 'javascript:alert(3)' }, data: { help: evil, reference: evil },
      }],
      summary: { organ: evil, year: 2023, title: evil, parts: [{ kind: 'achievements', title: evil, line: 1 }], passes: [{ rule: 'required-parts', evidence: [{ message: evil, line: 2 }] }], quotes: [evil] },
    };
    const page = html([r], ctx);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('javascript:');
    expect(page).toContain(esc(evil));
    expect(esc(evil)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
  });

  it('says so when there is nothing to report', () => {
    const clean: FileResult = { filePath: 'a.txt', diagnostics: [], summary: { parts: [], passes: [], quotes: [] } };
    const page = html([clean], ctx);
    expect(page).toContain('所有稿件都没有发现问题。');
    expect(page).toContain('没有发现问题。');
  });
});

import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { junit } from '../../src/formatters/junit.js';
import type { FileResult } from '../../src/types.js';
import { corpusResults, formatContext, UNREADABLE } from './fixtures.js';

/**
 * Parses XML strictly: xmldom throws on broken structure (mismatched tags,
 * duplicate attributes); what it tolerates — a bare & or a control character —
 * is checked on the text first.
 */
function parseXml(text: string): Document {
  const fail = (msg: string) => { throw new Error(`not well-formed XML: ${msg}`); };
  const bareAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
  if (bareAmp) fail(`bare & at ${bareAmp.index}`);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(text);
  if (control) fail(`forbidden character U+${control[0].charCodeAt(0).toString(16)} at ${control.index}`);
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml') as unknown as Document;
}

const elements = (parent: Document | Element, tag: string) => Array.from(parent.getElementsByTagName(tag));

let results: FileResult[];
let ctx: FormatContext;
let doc: Document;

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
  doc = parseXml(junit(results, ctx));
});

describe('junit format', () => {
  it('is well-formed XML with one testsuite per draft, in order', () => {
    expect(doc.documentElement.tagName).toBe('testsuites');
    expect(elements(doc, 'testsuite').map((s) => s.getAttribute('name'))).toEqual(results.map((r) => r.filePath));
  });

  it('has one testcase per draft × rule, the same rules for every draft', () => {
    const enabled = [...ctx.rules!].filter(([, r]) => r.severity !== 'off').map(([id]) => id);
    const rules = [...new Set([...enabled, ...results.flatMap((r) => r.diagnostics.map((d) => d.code))])].sort();
    const readable = results.filter((r) => !r.error);
    for (const r of readable) {
      const suite = elements(doc, 'testsuite').find((s) => s.getAttribute('name') === r.filePath)!;
      const cases = elements(suite, 'testcase');
      expect(cases.map((c) => c.getAttribute('name'))).toEqual(rules);
      expect(cases.every((c) => c.getAttribute('classname') === r.filePath)).toBe(true);
      expect(suite.getAttribute('tests')).toBe(String(rules.length));
    }
    expect(doc.documentElement.getAttribute('tests')).toBe(String(readable.length * rules.length + UNREADABLE.length));
  });

  it('fails exactly the rules that reported in a draft, with their messages', () => {
    let total = 0;
    for (const r of results.filter((x) => !x.error)) {
      const suite = elements(doc, 'testsuite').find((s) => s.getAttribute('name') === r.filePath)!;
      const failing = elements(suite, 'testcase').filter((c) => elements(c, 'failure').length);
      const reported = [...new Set(r.diagnostics.map((d) => d.code))].sort();
      expect(failing.map((c) => c.getAttribute('name'))).toEqual(reported);
      expect(suite.getAttribute('failures')).toBe(String(reported.length));
      total += reported.length;
      for (const c of failing) {
        const found = r.diagnostics.filter((d) => d.code === c.getAttribute('name'));
        const failure = elements(c, 'failure')[0];
        expect(failure.getAttribute('message')).toBe(found.length > 1 ? `${found.length} 处：${found[0].message}` : found[0].message);
        expect(failure.getAttribute('type')).toBe(['error', 'warning', 'info'][Math.min(...found.map((d) => d.severity)) - 1]);
        for (const d of found) expect(failure.textContent).toContain(d.message);
      }
    }
    expect(doc.documentElement.getAttribute('failures')).toBe(String(total));
  });

  it('reports an unreadable file as one errored testcase with the reason', () => {
    for (const u of UNREADABLE) {
      const suite = elements(doc, 'testsuite').find((s) => s.getAttribute('name') === u.filePath)!;
      const cases = elements(suite, 'testcase');
      expect(cases).toHaveLength(1);
      const error = elements(cases[0], 'error')[0];
      expect(error.getAttribute('message')).toBe(u.error!.message);
      expect(error.getAttribute('type')).toBe(u.error!.code);
    }
    expect(doc.documentElement.getAttribute('errors')).toBe(String(UNREADABLE.length));
  });

  it('escapes markup and drops characters XML forbids', () => {
    const r: FileResult = {
      filePath: 'a&b<c>.txt',
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'placeholder', source: 'lawreport-lint',
        message: '留有“<script>&amp;\u000b”"\'',
      }],
      summary: { parts: [], passes: [], quotes: ['x\u0001y'] },
    };
    const d = parseXml(junit([r], { color: false, cwd: '/' }));
    expect(elements(d, 'testsuite')[0].getAttribute('name')).toBe('a&b<c>.txt');
    const failure = elements(d, 'failure')[0];
    expect(failure.getAttribute('message')).toBe('留有“<script>&amp;”"\'');
    expect(failure.textContent).toContain('原文：xy');
  });

  it('lists a rule the configuration does not enable only in the drafts it reported on', () => {
    const office = { ...results[0].diagnostics[0], code: 'office-extra' };
    const [first, second] = results.filter((r) => !r.error);
    const d = parseXml(junit([{ ...first, diagnostics: [...first.diagnostics, office] }, second], ctx));
    const names = (suite: Element) => elements(suite, 'testcase').map((c) => c.getAttribute('name'));
    const [a, b] = elements(d, 'testsuite');
    expect(names(a)).toContain('office-extra');
    expect(names(b)).not.toContain('office-extra');
    expect(d.documentElement.getAttribute('tests')).toBe(String(names(a).length + names(b).length));
  });

  it('the strict parser rejects what is not XML (it is not a no-op)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&</a>')).toThrow();
    expect(() => parseXml('<a>\u000b</a>')).toThrow();
  });
});

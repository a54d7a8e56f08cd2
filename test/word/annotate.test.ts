/**
 * --annotate, verified with a real client: LibreOffice opens every reviewed copy,
 * shows one annotation per comment on the text we anchored it to, and the copy
 * with its tracked changes accepted is exactly what --fix makes of the same draft
 * as .txt. Re-linting a copy gives the original's findings (comments are not
 * text). All conversions in two soffice runs.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/batch/run.js';
import { main, type CliIO } from '../../src/cli/index.js';
import { docxToText } from '../../src/io/docx.js';
import { readDocx } from '../../src/word/read.js';
import { tempDir } from '../batch/helpers.js';
import { linterWith } from '../helpers.js';
import { corpusText, DRAFTS } from './fixtures.js';
import { convert, SOFFICE_TIMEOUT } from './soffice.js';

let dir = '';
/** Reviewed copy → its annotations as LibreOffice reads them: comment text and anchored text. */
const annotations = new Map<string, { comment: string; anchored: string }[]>();
const written = new Map<string, number>();

async function cli(args: string[]) {
  const io = { out: '', err: '', cwd: dir, isTTY: false, stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; }, stdin: async () => Buffer.alloc(0) } satisfies CliIO & { out: string; err: string };
  const code = await main([...args, '--no-config-lookup'], io);
  return { code, ...io };
}

/** office:annotation … office:annotation-end in document order: the text between them, deleted text left out. */
function odtAnnotations(odt: Buffer): { comment: string; anchored: string }[] {
  const xml = new TextDecoder().decode(unzipSync(odt)['content.xml']);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const open = new Map<string, { comment: string; anchored: string }>();
  const out: { comment: string; anchored: string }[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) { for (const a of open.values()) a.anchored += c.nodeValue; continue; }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.nodeName === 'text:tracked-changes') continue;
      if (e.nodeName === 'office:annotation') {
        const comment = [...Array.from(e.getElementsByTagName('text:p'))].map((p) => p.textContent).join('\n');
        const a = { comment, anchored: '' };
        out.push(a);
        if (e.getAttribute('office:name')) open.set(e.getAttribute('office:name')!, a);
        continue;
      }
      if (e.nodeName === 'office:annotation-end') { open.delete(e.getAttribute('office:name')!); continue; }
      if (e.nodeName === 'text:tab') for (const a of open.values()) a.anchored += '\t';
      if (e.nodeName === 'text:s') for (const a of open.values()) a.anchored += ' '.repeat(Number(e.getAttribute('text:c') || 1));
      walk(e);
      if (e.nodeName === 'text:p' || e.nodeName === 'text:h') for (const a of open.values()) a.anchored += '\n';
    }
  };
  walk(doc.getElementsByTagName('office:body')[0]);
  return out;
}

/** Our own reading of a reviewed copy: each comment's text and the accepted text of its range. */
function ourAnnotations(bytes: Buffer): { comment: string; anchored: string }[] {
  const r = readDocx(bytes, { positions: true });
  const commentsXml = r.xml!.comments!;
  const doc = new DOMParser().parseFromString(commentsXml, 'text/xml');
  const texts = new Map<string, string>();
  for (const c of Array.from(doc.getElementsByTagName('w:comment'))) {
    texts.set(c.getAttribute('w:id')!, Array.from(c.getElementsByTagName('w:p')).map((p) => Array.from(p.getElementsByTagName('w:t')).map((t) => t.textContent).join('')).join('\n'));
  }
  const at = (para: number, offset: number) => r.starts[para] + r.markers[para].length + offset;
  const ranges = new Map<string, [number, number]>();
  for (const m of r.walk.marks) {
    const range = ranges.get(m.id) ?? [0, 0];
    if (m.kind === 'start') range[0] = at(m.para, m.at);
    if (m.kind === 'end') range[1] = at(m.para, m.at);
    ranges.set(m.id, range);
  }
  return [...texts].map(([id, comment]) => ({ comment, anchored: r.text.slice(...(ranges.get(id) ?? [0, 0])) }));
}

beforeAll(async () => {
  dir = tempDir('lrl-annotate-');
  const drafts = join(dir, '乡镇报告');
  mkdirSync(drafts);
  for (const name of DRAFTS) writeFileSync(join(drafts, `${name}.txt`), corpusText(name));
  // the corpus drafts as LibreOffice saves them, beside their .txt
  const lo = convert(DRAFTS.map((n) => join(drafts, `${n}.txt`)), 'docx');
  for (const f of readdirSync(lo)) copyFileSync(join(lo, f), join(drafts, f));
  for (const [out, extra] of [['审核意见', []], ['只有批注', ['--no-track-changes']]] as const) {
    const r = await cli(['乡镇报告', '--annotate', out, ...extra]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    for (const line of r.out.trim().split('\n')) {
      const [, path, n] = /^(.*)：(\d+) 条批注/.exec(line)!;
      written.set(path, Number(n));
    }
  }
  expect(written.size).toBe(12);
  // one soffice run for all twelve: copies under distinct names (the two folders hold the same names)
  const staged = join(dir, 'staged');
  mkdirSync(staged);
  const paths = [...written.keys()];
  paths.forEach((p, i) => copyFileSync(join(dir, p), join(staged, `${i}.docx`)));
  const odt = convert(paths.map((_, i) => join(staged, `${i}.docx`)), 'odt');
  paths.forEach((p, i) => annotations.set(p, odtAnnotations(readFileSync(join(odt, `${i}.odt`)))));
}, 2 * SOFFICE_TIMEOUT);

const reviewed = (out: string, name: string, ext = '') => join(out, '乡镇报告', `${name}${ext}（审核意见）.docx`);

describe('LibreOffice reads every reviewed copy', () => {
  test('one annotation per comment, on the text we anchored it to', () => {
    for (const [path, n] of written) {
      const theirs = annotations.get(path)!;
      expect(theirs.length, path).toBe(n);
      const ours = ourAnnotations(readFileSync(join(dir, path)));
      const norm = (a: { comment: string; anchored: string }[]) => a.map((x) => ({ comment: x.comment, anchored: x.anchored.replace(/\n$/, '') })).sort((x, y) => x.comment.localeCompare(y.comment) || x.anchored.localeCompare(y.anchored));
      expect(norm(theirs), path).toEqual(norm(ours));
    }
  });

  test('the summary sits on the title; a finding on exactly its text; repeats in one paragraph are one comment', () => {
    const xinji = annotations.get(reviewed('只有批注', 'xinji-2023'))!;
    const summary = xinji.find((a) => a.comment.startsWith('lawreport-lint 审核意见'))!;
    expect(summary.anchored).toBe(corpusText('xinji-2023').split('\n')[0]);
    expect(summary.comment).toMatch(/主要举措和成效 ✓/);
    expect(xinji.every((a) => a.comment.includes('lawreport-lint'))).toBe(true);
  });

  test('each finding, or each rule\'s findings in one paragraph, on exactly the text between the first and the last', async () => {
    const text = corpusText('xinji-2023');
    const { diagnostics, document } = (await linterWith()).lint(text, { format: 'txt' });
    const xinji = annotations.get(reviewed('只有批注', 'xinji-2023', '.txt'))!;
    const byLine = new Map<string, typeof diagnostics>();
    for (const d of diagnostics) byLine.set(`${d.code}/${d.range.start.line}`, [...(byLine.get(`${d.code}/${d.range.start.line}`) ?? []), d]);
    // the summary, and one comment per rule and paragraph
    expect(xinji.length).toBe(byLine.size + 1);
    for (const group of byLine.values()) {
      const [first, last] = [group[0], group[group.length - 1]];
      const anchored = text.slice(document.offsetAt(first.range.start), document.offsetAt(last.range.end));
      const found = xinji.filter((a) => a.comment.includes(`（lawreport-lint ${first.code}）`) && a.anchored === anchored);
      expect(found.length, `${first.code} ${anchored}`).toBeGreaterThanOrEqual(1);
      if (group.length > 1) expect(found[0].comment).toContain(`本段有 ${group.length} 处同类问题`);
    }
    expect([...byLine.values()].some((g) => g.length > 5)).toBe(true);
  });
});

describe('tracked changes', () => {
  test('accepting them all gives exactly the --fix text of the same draft as .txt', async () => {
    for (const name of DRAFTS) {
      const txt = join(dir, `${name}-fix.txt`);
      writeFileSync(txt, corpusText(name));
      await cli(['--fix', txt]);
      // a file's final newline ends its last line; it is not an empty paragraph
      const fixed = readFileSync(txt, 'utf8').replace(/\n$/, corpusText(name).endsWith('\n') ? '' : '\n');
      expect(fixed).not.toBe(corpusText(name).replace(/\n$/, ''));
      for (const ext of ['', '.txt']) expect(docxToText(readFileSync(join(dir, reviewed('审核意见', name, ext)))).text, `${name}${ext}`).toBe(fixed);
    }
  });

  test('--no-track-changes leaves the text as it was', () => {
    for (const name of DRAFTS) {
      for (const ext of ['', '.txt']) expect(docxToText(readFileSync(join(dir, reviewed('只有批注', name, ext)))).text).toBe(corpusText(name).replace(/\n$/, ''));
    }
  });
});

test('re-linting a reviewed copy gives the findings of the original (or of the fixed text)', async () => {
  const key = (ds: { code: string; range: unknown; message: string }[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
  const linter = await linterWith();
  for (const name of DRAFTS) {
    const [original, copy, fixedCopy] = await lintFiles([join('乡镇报告', `${name}.docx`), reviewed('只有批注', name), reviewed('审核意见', name)], { cwd: dir, noConfigLookup: true }).results();
    expect(copy.diagnostics.length).toBeGreaterThan(0);
    expect(key(copy.diagnostics)).toEqual(key(original.diagnostics));
    const fixedText = docxToText(readFileSync(join(dir, reviewed('审核意见', name)))).text;
    expect(key(fixedCopy.diagnostics)).toEqual(key(linter.lint(fixedText, { format: 'docx', filePath: join(dir, 'x.docx') }).diagnostics));
  }
});

test('the drafts themselves are never modified', () => {
  for (const name of DRAFTS) expect(readFileSync(join(dir, '乡镇报告', `${name}.txt`), 'utf8')).toBe(corpusText(name));
});

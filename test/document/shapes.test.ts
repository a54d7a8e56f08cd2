/**
 * The shape drafts of issue 11 (test/fixtures/shapes/): each section of their
 * EXPECTED.md — the report kind, the part of every first-level section, the
 * complete list of findings, the findings that must not appear — holds exactly,
 * and no draft gets an error it does not deserve (every error is listed there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ReportDocument } from '../../src/types.js';
import { linterWith, ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'shapes');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

interface Finding { rule: string; severity?: number; line?: number; quote?: string }
interface Spec { file: string; preset: string; kind?: string; parts?: string[]; must: Finding[]; mustNot: Finding[]; either: Finding[] }

/** `\uXXXX` in a quote: an invisible character (a zero-width space, a control character). */
const unescaped = (q: string) => q.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Reads EXPECTED.md: one spec per “## file.txt[ (preset: name)]” section. */
function readSpecs(md: string): Spec[] {
  const specs: Spec[] = [];
  let spec: Spec | undefined;
  let list: Finding[] | undefined;
  for (const line of md.split('\n')) {
    const head = /^## (\S+\.txt)(?: \(preset: (\w+)\))?$/.exec(line);
    if (head) {
      spec = { file: head[1], preset: head[2] ?? 'recommended', must: [], mustNot: [], either: [] };
      specs.push(spec);
      list = undefined;
      continue;
    }
    if (!spec) continue;
    if (line.startsWith('Kind: ')) spec.kind = line.slice(6).trim();
    else if (line.startsWith('Parts: ')) spec.parts = line.slice(7).split(', ').map((p) => p.trim());
    else if (line === 'Must find:') list = spec.must;
    else if (line === 'Must NOT find:') list = spec.mustNot;
    else if (line === 'Either:') list = spec.either;
    else if (line.startsWith('- ') && list) {
      const what = line.slice(2).split(' — ')[0];
      if (list === spec.must) {
        const m = /^([a-z-]+) (error|warning|info) L(\d+) “(.*)”$/.exec(what);
        if (!m) throw new Error(`EXPECTED.md: cannot read “${line}”`);
        list.push({ rule: m[1], severity: SEVERITY[m[2]], line: Number(m[3]), quote: unescaped(m[4]) });
      } else {
        // “rule”, “rule L4, L5”, “rule L6 “text””, or several rules separated by “, ”
        for (const entry of what.split(/, (?=[a-zL])/)) {
          const m = /^(?:([a-z-]+) ?)?(?:L(\d+))?(?: “(.*)”)?$/.exec(entry.trim());
          if (!m) throw new Error(`EXPECTED.md: cannot read “${entry}” in “${line}”`);
          const rule = m[1] ?? list[list.length - 1]?.rule;
          if (!rule) throw new Error(`EXPECTED.md: no rule in “${line}”`);
          list.push({ rule, line: m[2] ? Number(m[2]) : undefined, quote: m[3] === undefined ? undefined : unescaped(m[3]) });
        }
      }
    } else if (line.trim() && !line.startsWith('- ')) list = undefined;
  }
  return specs;
}

const md = readFileSync(join(DIR, 'EXPECTED.md'), 'utf8');
const specs = readSpecs(md);

describe('EXPECTED.md of the shape drafts', () => {
  it('covers every draft in the folder, each with its kind and parts', () => {
    const drafts = readdirSync(DIR).filter((n) => n.endsWith('.txt')).sort();
    expect([...new Set(specs.map((s) => s.file))].sort()).toEqual(drafts);
    for (const s of specs) {
      expect(s.kind, s.file).toBeDefined();
      expect(s.parts?.length, s.file).toBeGreaterThan(0);
    }
  });
});

const sevName = (n: number) => Object.keys(SEVERITY).find((k) => SEVERITY[k] === n);

for (const spec of specs) {
  describe(`${spec.file} (${spec.preset})`, async () => {
    const file = join(DIR, spec.file);
    const text = readFileSync(file, 'utf8');
    const linter = await linterWith({ preset: spec.preset });
    const { diagnostics, document: doc } = linter.lint(text, { filePath: file, strict: true });
    const line = (d: Diagnostic) => d.range.start.line + 1;
    const covered = (d: Diagnostic) => text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
    const show = (d: Diagnostic) => `${d.code} ${sevName(d.severity)} L${line(d)} “${covered(d)}”: ${d.message}`;
    const matches = (d: Diagnostic, f: Finding) =>
      d.code === f.rule && (f.line === undefined || line(d) === f.line) && (f.severity === undefined || d.severity === f.severity)
      && (f.quote === undefined || covered(d).includes(f.quote));

    it(`is a ${spec.kind} report`, () => {
      expect(doc.reportKind.kind).toBe(spec.kind);
    });

    it('places every first-level section', () => {
      expect(partsView(doc)).toEqual(spec.parts);
    });

    it('finds exactly what EXPECTED.md lists', () => {
      const unmatched = [...diagnostics];
      for (const f of spec.must) {
        const i = unmatched.findIndex((d) => matches(d, f));
        expect(i, `expected ${f.rule} ${sevName(f.severity!)} L${f.line} “${f.quote}”; got:\n${diagnostics.map(show).join('\n')}`).toBeGreaterThanOrEqual(0);
        unmatched.splice(i, 1);
      }
      const unexpected = unmatched.filter((d) => !spec.either.some((f) => matches(d, f)));
      expect(unexpected.map(show)).toEqual([]);
    });

    it('finds none of what must not be found', () => {
      for (const f of spec.mustNot) {
        // a quote names the text that must stay unflagged: no finding of the rule inside it
        const at = f.quote === undefined ? -1 : text.indexOf(f.quote);
        const hit = diagnostics.filter((d) => d.code === f.rule && (f.line === undefined || line(d) === f.line)
          && (at < 0 || (doc.offsetAt(d.range.start) >= at && doc.offsetAt(d.range.end) <= at + f.quote!.length)));
        expect(hit.map(show), `${f.rule}${f.line ? ` L${f.line}` : ''}`).toEqual([]);
      }
    });

    it('gives no error the draft does not deserve', () => {
      const errors = diagnostics.filter((d) => d.severity === 1);
      expect(errors.filter((d) => !spec.must.some((f) => f.severity === 1 && matches(d, f))).map(show)).toEqual([]);
    });
  });
}

function partsView(doc: ReportDocument): string[] {
  return [...doc.parts, ...doc.itemParts]
    .sort((a, b) => a.span[0] - b.span[0])
    .map((p) => `L${doc.positionAt(p.heading.span[0]).line + 1} ${p.kind}${p.within ? ' (item)' : ''}`);
}

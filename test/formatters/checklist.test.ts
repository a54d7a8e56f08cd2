import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checklist, evaluate, requirementsOf, statusesOf } from '../../src/formatters/checklist.js';
import type { FormatContext } from '../../src/formatters/context.js';
import { reportContext, type Requirement } from '../../src/formatters/report-context.js';
import { resolveConfig } from '../../src/config/load.js';
import type { Diagnostic, FileResult } from '../../src/types.js';
import { ROOT } from '../helpers.js';
import { byFile, corpusResults, formatContext, UNREADABLE } from './fixtures.js';

let results: FileResult[];
let ctx: FormatContext;
let out: string;

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
  out = checklist(results, ctx);
});

/** The block of one draft: from its 稿件 line to the next. */
function sheet(file: string): string {
  const start = out.indexOf(`稿件：${file}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = out.indexOf('\n稿件：', start + 1);
  return out.slice(start, next < 0 ? undefined : next);
}

/** The lines of one requirement inside a sheet: its status line and the evidence beneath. */
function requirement(block: string, label: string): { status: string; evidence: string[] } {
  const lines = block.split('\n');
  const i = lines.findIndex((l) => l.includes(`  ${label}`) && /[✓✗?] (通过|未通过|未核对)/.test(l));
  expect(i).toBeGreaterThan(0);
  const evidence: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (!/^ {12}\S/.test(l)) break;
    evidence.push(l.trim());
  }
  return { status: lines[i].match(/(未通过|通过|未核对)/)![1], evidence };
}

const YAML = parse(readFileSync(join(ROOT, 'rules', 'lexicon', 'checklist.yaml'), 'utf8')) as { requirements: Requirement[] };

describe('checklist.yaml', () => {
  it('lists requirements with unique ids, Chinese labels and the rules that decide them', () => {
    const ids = YAML.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of YAML.requirements) {
      expect(r.label).toMatch(/[\u4e00-\u9fff]/);
      expect(r.rules.length).toBeGreaterThan(0);
      // a misspelt id would leave the requirement forever 未核对
      for (const id of r.rules) expect(ctx.rules!.has(id), `${r.id}: no rule ${id}`).toBe(true);
    }
    // the list: five parts, duties, figures per item, causes, each shortcoming answered, years
    const rules = YAML.requirements.flatMap((r) => r.rules);
    for (const id of ['required-parts', 'other-matters', 'first-responsible-person', 'duties-concrete', 'concrete-numbers', 'causes-stated', 'plan-answers-shortcomings', 'year-consistency']) {
      expect(rules).toContain(id);
    }
  });

  it('reaches formatters through the FormatContext, with the short part labels in the regulation order', () => {
    expect(ctx.report!.checklist).toEqual(YAML.requirements.map((r) => ({ ...r, help: r.help ?? undefined })));
    expect(ctx.report!.parts.map((p) => p.kind)).toEqual(['achievements', 'shortcomings', 'duties', 'plan', 'other']);
    expect(ctx.report!.parts.map((p) => p.short)).toEqual(['举措成效', '不足原因', '第一责任人', '下年安排', '其他情况']);
    expect(ctx.report!.parts[0].name).toBe('主要举措和成效');
  });
});

describe('an office checklist', () => {
  it('replaces the shipped one through `lexicons: { checklist: … }` in the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawreport-checklist-'));
    try {
      writeFileSync(join(dir, '本县清单.yaml'), 'requirements:\n  - id: causes\n    label: 不足写明原因\n    rules: [causes-stated]\n');
      writeFileSync(join(dir, '.lawreport-lint.yaml'), 'extends: recommended\nlexicons:\n  checklist: 本县清单.yaml\n');
      const office = reportContext(await resolveConfig({ cwd: dir, configFile: join(dir, '.lawreport-lint.yaml') }));
      expect(office.report.checklist).toEqual([{ id: 'causes', label: '不足写明原因', rules: ['causes-stated'], help: undefined }]);
      const text = checklist([byFile(results, 'tushan-2023.txt')], { ...ctx, ...office });
      expect(text).toContain('✗ 未通过  不足写明原因');
      expect(text).toContain('结论：1 项要求中 0 项通过，1 项未通过，0 项未核对');
      // part names and labels come from parts.yaml, not from the checklist
      expect(office.report.parts[0].short).toBe('举措成效');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checklist format on the corpus', () => {
  it('lists every requirement for every readable draft, with a line to sign', () => {
    for (const r of results.filter((x) => !x.error)) {
      const block = sheet(r.filePath);
      for (const q of YAML.requirements) requirement(block, q.label);
      expect(block).toContain('审核人：');
      expect(block).toMatch(new RegExp(`结论：${YAML.requirements.length} 项要求中 \\d+ 项通过`));
    }
  });

  it('passes the five parts with the headings that satisfy it (tushan has all five)', () => {
    const { status, evidence } = requirement(sheet('drafts/tushan-2023.txt'), '五个部分齐全');
    expect(status).toBe('通过');
    // 1-based lines of the part headings (corpus/EXPECTED.md: L5, L18, L23, L25, L27)
    for (const line of [5, 18, 23, 25, 27]) expect(evidence.some((e) => e.startsWith(`第${line}行 有“`))).toBe(true);
    expect(evidence.join('\n')).toContain('有“其他需要报告的情况”部分：“其他需要报告的情况”');
  });

  it('fails the five parts where one is missing, saying where, and still shows what is there', () => {
    const { status, evidence } = requirement(sheet('drafts/xinji-2023.txt'), '五个部分齐全');
    expect(status).toBe('未通过');
    const finding = byFile(results, 'xinji-2023.txt').diagnostics.find((d) => d.code === 'other-matters')!;
    expect(evidence[0]).toBe(
      `${finding.range.start.line + 1}:${finding.range.start.character + 1} 警告 ${finding.message}  原文：“四、2024年度推进法治政府建设的主要工作安排”  other-matters`,
    );
    expect(evidence.some((e) => e.startsWith('第3行 有“主要举措和成效”部分'))).toBe(true);
  });

  it('decides the order requirement from part-order: tianxingsi and tushan fail, xinji passes', () => {
    expect(requirement(sheet('drafts/tianxingsi-2022.txt'), '各部分顺序符合督察工作规定').status).toBe('未通过');
    expect(requirement(sheet('drafts/tushan-2023.txt'), '各部分顺序符合督察工作规定').status).toBe('未通过');
    const xinji = requirement(sheet('drafts/xinji-2023.txt'), '各部分顺序符合督察工作规定');
    expect(xinji.status).toBe('通过');
    expect(xinji.evidence[0]).toMatch(/^各部分顺序：举措成效 → 不足原因 → 第一责任人 → 下年安排$/);
  });

  it('agrees with the diagnostics and passes of each draft for every requirement', () => {
    for (const r of results.filter((x) => !x.error)) {
      const block = sheet(r.filePath);
      for (const q of YAML.requirements) {
        const failed = r.diagnostics.some((d) => q.rules.includes(d.code));
        const passed = !failed && (r.summary?.passes ?? []).some((p) => q.rules.includes(p.rule));
        expect(requirement(block, q.label).status, `${r.filePath} ${q.id}`).toBe(failed ? '未通过' : passed ? '通过' : '未核对');
      }
    }
  });

  it('statusesOf, which the jsonl record uses, gives the verdicts of evaluate without building the evidence', () => {
    const reqs = requirementsOf(ctx);
    for (const r of results.filter((x) => !x.error)) {
      expect(statusesOf(r, reqs(r)), r.filePath).toEqual(evaluate(r, reqs(r), ctx).map((it) => it.status));
    }
  });

  it('lists unreadable files with their reason', () => {
    for (const u of UNREADABLE) expect(sheet(u.filePath)).toContain(`无法检查：${u.error!.message}`);
  });
});

describe('evaluate', () => {
  const req: Requirement = { id: 'causes', label: '分析了不足的原因', rules: ['causes-stated'] };
  const diagnostic: Diagnostic = {
    range: { start: { line: 20, character: 0 }, end: { line: 20, character: 9 } }, severity: 1, code: 'causes-stated',
    source: 'lawreport-lint', message: '只列举了问题，没有分析原因',
  };
  const base = (over: Partial<FileResult>): FileResult => ({
    filePath: 'a.txt', diagnostics: [], summary: { parts: [], passes: [], quotes: [] }, ...over,
  });
  const on: FormatContext = { color: false, cwd: '/', rules: new Map([['causes-stated', { summary: 's', severity: 'error' }]]) };
  const off: FormatContext = { color: false, cwd: '/', rules: new Map([['causes-stated', { summary: 's', severity: 'off' }]]) };

  it('fails on a finding, with its place and quoted text', () => {
    const [item] = evaluate(base({ diagnostics: [diagnostic], summary: { parts: [], passes: [], quotes: ['三、存在的不足'] } }), [req], on);
    expect(item.status).toBe('fail');
    expect(item.evidence).toEqual([{
      kind: 'finding', where: '21:1', message: diagnostic.message, rule: 'causes-stated', severity: 1, quote: '三、存在的不足',
      context: { before: '', text: '三、存在的不足', after: '' },
    }]);
  });

  it('passes on recorded evidence, located by line (by paragraph in a .docx)', () => {
    const summary = { parts: [], passes: [{ rule: 'causes-stated', evidence: [{ message: '提到：原因', line: 22 }] }], quotes: [] };
    expect(evaluate(base({ summary }), [req], on)[0]).toMatchObject({ status: 'pass', evidence: [{ kind: 'pass', where: '第23行', message: '提到：原因' }] });
    expect(evaluate(base({ filePath: 'a.docx', summary }), [req], on)[0].evidence[0].where).toBe('第23段');
  });

  it('is not checked when its rule is off or said nothing', () => {
    expect(evaluate(base({}), [req], off)[0]).toMatchObject({ status: 'unchecked', evidence: [{ kind: 'note', message: '未启用的规则：causes-stated' }] });
    expect(evaluate(base({}), [req], on)[0].status).toBe('unchecked');
  });

  it('falls back to one requirement per rule when no checklist is configured', () => {
    const reqs = requirementsOf(on)(base({ diagnostics: [diagnostic] }));
    expect(reqs).toEqual([{ id: 'causes-stated', label: 's', rules: ['causes-stated'] }]);
  });
});

/**
 * The engine (src/engine/run.ts and friends): a failing rule never crashes a run,
 * spans are validated, messages interpolated, results de-duplicated and sorted,
 * and inline disable comments in Markdown applied — with unused ones reported on
 * request.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../src/config/node-host.js';
import { runRules } from '../src/engine/run.js';
import type { Check, CompiledRule, Finding, ReportDocument, Severity } from '../src/types.js';
import { byRule, covered, lintText, linterWith, model } from './helpers.js';

function rule(id: string, check: Check, extra: { severity?: Severity; messages?: Record<string, string>; help?: string } = {}): CompiledRule {
  return {
    def: {
      id, type: 'test', summary: '测试规则', severity: 'warning', status: 'stable',
      messages: extra.messages ?? { default: '发现“{{found}}”，应为“{{expected}}”' },
      help: extra.help ?? '改为“{{expected}}”。',
      reference: '某某规定 第（一）项',
      examples: { valid: [], invalid: [] }, options: {}, file: '/opt/rules/' + id + '.yaml',
    },
    severity: extra.severity ?? 2,
    check,
  };
}

const reporting = (...findings: Finding[]): Check => ({ report }) => findings.forEach((f) => report(f));

const TEXT = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n组织学习12次。\n开展培训3次。';

describe('a rule that fails', () => {
  it('a throwing rule becomes one internal-error diagnostic naming it; the other rules still report', async () => {
    const doc = await model(TEXT);
    const boom = rule('boom', () => { throw new Error('出错了'); });
    const fine = rule('fine', reporting({ span: [TEXT.indexOf('12次'), TEXT.indexOf('12次') + 3], data: { found: '12次', expected: '十二次' } }));
    const { diagnostics } = runRules(doc, [boom, fine]);
    expect(diagnostics.map((d) => d.code)).toEqual(['internal-error', 'fine']);
    const ie = diagnostics[0];
    expect(ie.severity).toBe(1);
    expect(ie.message).toBe('规则 boom 运行出错，已跳过：出错了');
    expect(ie.data?.help).toContain('缺陷');
    // anchored on the title, not at 1:1
    expect(covered(TEXT, ie, doc)).toBe('关于2023年法治政府建设情况的报告');
  });

  it('findings reported before the throw are dropped with it: one internal-error, nothing half-done', async () => {
    const doc = await model(TEXT);
    const half = rule('half', ({ report }) => { report({ span: [0, 2] }); throw new TypeError('x is undefined'); });
    const { diagnostics } = runRules(doc, [half]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['internal-error', '规则 half 运行出错，已跳过：x is undefined']]);
  });

  it.each([
    ['negative', [-1, 2]],
    ['reversed', [5, 3]],
    ['past the end', [0, TEXT.length + 1]],
    ['not an integer', [0.5, 2]],
    ['NaN', [Number.NaN, 2]],
  ])('a %s span becomes internal-error in production and throws in strict mode', async (_, span) => {
    const doc = await model(TEXT);
    const bad = rule('bad-span', reporting({ span: span as unknown as [number, number] }));
    const { diagnostics } = runRules(doc, [bad]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].code).toBe('internal-error');
    expect(diagnostics[0].message).toMatch(/^规则 bad-span 运行出错，已跳过：报告的位置超出文本范围/);
    expect(() => runRules(doc, [bad], { strict: true })).toThrow(/报告的位置超出文本范围/);
  });

  it('a bad span in a fix edit or a related location is caught too', async () => {
    const doc = await model(TEXT);
    const badFix = rule('bad-fix', reporting({ span: [0, 2], fix: { safe: true, edits: [{ span: [0, 999], text: '' }] } }));
    const badRel = rule('bad-rel', reporting({ span: [0, 2], related: [{ span: [-3, 0], message: '参见' }] }));
    expect(runRules(doc, [badFix, badRel]).diagnostics.map((d) => d.code)).toEqual(['internal-error', 'internal-error']);
  });
});

describe('what a diagnostic carries', () => {
  it('{{placeholders}} are filled in the message and help; an unknown one stays visible', async () => {
    const doc = await model(TEXT);
    const at = TEXT.indexOf('12次');
    const r = rule('fill', reporting(
      { span: [at, at + 3], data: { found: '12次', expected: '十二次' } },
      { span: [at, at + 3], messageId: 'other', data: { found: 'x' } },
      { span: [at + 1, at + 3], messageId: 'other', data: { found: 'y' } },
    ), { messages: { default: '发现“{{found}}”，应为“{{ expected }}”', other: '{{found}}缺少{{ nothing }}：{{found}}' } });
    const [a, b, c] = runRules(doc, [r]).diagnostics;
    expect(a.message).toBe('发现“12次”，应为“十二次”');
    expect(a.data?.help).toBe('改为“十二次”。');
    // the same template filled again with other data; the unknown name stays as written
    expect(b.message).toBe('x缺少{{ nothing }}：x');
    expect(c.message).toBe('y缺少{{ nothing }}：y');
  });

  it('the LSP shape: range, severity, code, source, codeDescription, related information, fix, help, reference', async () => {
    const doc = await model(TEXT, 'md');
    const at = TEXT.indexOf('3次');
    const r = rule('shape', reporting({
      span: [at, at + 2],
      data: { found: '3次', expected: '三次' },
      related: [{ span: [0, 2], message: '标题' }],
      fix: { title: '改写', safe: true, edits: [{ span: [at, at + 2], text: '三次' }] },
    }), { severity: 3 });
    const [d] = runRules(doc, [r], { fileUrl: nodeHost.fileUrl }).diagnostics;
    expect(d).toEqual({
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } },
      severity: 3,
      code: 'shape',
      source: 'lawreport-lint',
      message: '发现“3次”，应为“三次”',
      codeDescription: { href: pathToFileURL('/opt/rules/shape.yaml').href },
      relatedInformation: [{
        location: { uri: pathToFileURL('draft.md').href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } } },
        message: '标题',
      }],
      data: {
        ruleType: 'test',
        messageId: 'default',
        fix: { title: '改写', safe: true, edits: [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } }, newText: '三次' }] },
        help: '改为“三次”（lawreport-lint --fix 可自动修复）。',
        reference: '某某规定 第（一）项',
      },
    });
  });

  it('a Word draft\'s safe fix promises no --fix: it says what --annotate does', async () => {
    const doc = await model(TEXT, 'docx');
    const at = TEXT.indexOf('3次');
    const r = rule('shape', reporting({ span: [at, at + 2], data: { found: '3次', expected: '三次' }, fix: { safe: true, edits: [{ span: [at, at + 2], text: '三次' }] } }));
    const [d] = runRules(doc, [r]).diagnostics;
    expect(d.data?.help).toBe('改为“三次”（用 lawreport-lint --annotate 生成的审核意见稿会把这处修改标为修订，在 Word 或 WPS 中接受即可）。');
    expect(JSON.stringify(runRules(doc, [r]))).not.toContain('--fix');
  });

  it('a second document reaches the check, and related locations can point into it', async () => {
    const doc = await model(TEXT);
    const previous = await model('关于2022年法治政府建设情况的报告\n四、2023年工作安排\n加强学习。');
    let seen: ReportDocument | undefined;
    const r = rule('cross', ({ previous: prev, report }) => {
      seen = prev;
      report({ span: [0, 2], data: { found: '', expected: '' }, related: [{ span: [prev!.text.indexOf('加强'), prev!.text.indexOf('加强') + 4], message: '去年的安排', document: 'previous' }] });
    });
    const [d] = runRules(doc, [r], { previous }).diagnostics;
    expect(seen).toBe(previous);
    expect(d.relatedInformation?.[0].location.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('passes are evidence only for a rule that found nothing', async () => {
    const doc = await model(TEXT);
    const ok = rule('ok', ({ pass }) => pass?.({ span: [0, 2], messageId: 'pass' }), { messages: { pass: '有标题' } });
    const mixed = rule('mixed', ({ pass, report }) => { pass?.({ messageId: 'pass' }); report({ span: [0, 2] }); }, { messages: { pass: '一部分满足' } });
    expect(runRules(doc, [ok, mixed]).evidence).toEqual([{ rule: 'ok', evidence: [{ span: [0, 2], message: '有标题' }] }]);
  });

  it('without evidence wanted, checks get no pass to call (and build no evidence)', async () => {
    const doc = await model(TEXT);
    let offered: unknown = 'not called';
    const r = rule('ok', ({ pass }) => { offered = pass; pass?.({ messageId: 'pass' }); }, { messages: { pass: '有标题' } });
    expect(runRules(doc, [r], { evidence: false }).evidence).toEqual([]);
    expect(offered).toBeUndefined();
    expect(runRules(doc, [r]).evidence).toHaveLength(1);
  });

  it('a related place is worded by the rule file; unworded, it is the rule summary, never a bare id', async () => {
    const doc = await model(TEXT);
    const related = (messages: Record<string, string>) => rule('rel', reporting({ span: [0, 2], data: { to: '加强学习' }, related: [{ span: [0, 2], messageId: 'closest' }] }), { messages: { default: '发现', ...messages } });
    expect(runRules(doc, [related({ closest: '最接近的一条：“{{to}}”' })]).diagnostics[0].relatedInformation![0].message).toBe('最接近的一条：“加强学习”');
    expect(runRules(doc, [related({})]).diagnostics[0].relatedInformation![0].message).toBe('测试规则');
  });

  it('data.messageId is the id the finding was reported with, whichever message worded it', async () => {
    const doc = await model(TEXT);
    const r = rule('ids', reporting({ span: [0, 2], messageId: 'worded' }, { span: [2, 4], messageId: 'unworded' }, { span: [4, 6] }), { messages: { default: '默认', worded: '有措辞' } });
    expect(runRules(doc, [r]).diagnostics.map((d) => [d.message, d.data?.messageId])).toEqual([['有措辞', 'worded'], ['默认', 'unworded'], ['默认', 'default']]);
  });

  it('a fix title is the rule file’s message, filled from the fix’s data, then the finding’s', async () => {
    const doc = await model(TEXT);
    const r = rule('fixes', reporting(
      { span: [0, 2], data: { found: '甲', expected: '乙' }, fix: { messageId: 'fixForm', data: { form: '丙' }, safe: true, edits: [] } },
      { span: [2, 4], data: { found: '甲', expected: '乙' }, fix: { title: '把“{{found}}”改掉', safe: true, edits: [] } },
    ), { messages: { default: '发现', fixForm: '改为“{{expected}}”的写法“{{form}}”' } });
    expect(runRules(doc, [r]).diagnostics.map((d) => d.data?.fix?.title)).toEqual(['改为“乙”的写法“丙”', '把“甲”改掉']);
  });

  it('a worded value fills a placeholder with the rule file’s word, itself filled from its data and the finding’s', async () => {
    const doc = await model(TEXT);
    const r = rule('words', reporting({
      span: [0, 2],
      data: { found: { messageId: 'none' }, where: { messageId: 'inPart', data: { title: '主要举措' } }, part: '成效' },
      related: [{ span: [0, 2], messageId: 'here' }],
      fix: { messageId: 'fix', safe: true, edits: [] },
    }), { messages: { default: '写到了：{{found}}；在{{where}}', none: '无', inPart: '“{{title}}”部分（{{part}}）', here: '在{{where}}', fix: '删除{{where}}的{{found}}' } });
    const [d] = runRules(doc, [r]).diagnostics;
    expect(d.message).toBe('写到了：无；在“主要举措”部分（成效）');
    expect(d.relatedInformation![0].message).toBe('在“主要举措”部分（成效）');
    expect(d.data?.fix?.title).toBe('删除“主要举措”部分（成效）的无');
  });

  it('evidence is worded by the rule file, filled from its data; unworded, it is the rule summary', async () => {
    const doc = await model(TEXT);
    const worded = rule('worded', ({ pass }) => pass?.({ messageId: 'pass', data: { year: 2023 } }), { messages: { pass: '报告年度：{{year}}' } });
    const unworded = rule('unworded', ({ pass }) => pass?.({ messageId: 'pass', data: { year: 2023 } }), { messages: {} });
    const [a, b] = runRules(doc, [worded, unworded]).evidence;
    expect(a.evidence[0].message).toBe('报告年度：2023');
    expect(b.evidence[0].message).toBe(unworded.def.summary);
  });

  it('exact repeats are dropped; the rest is sorted by line, column, then rule id', async () => {
    const doc = await model(TEXT);
    const l3 = TEXT.indexOf('开展');
    const l2 = TEXT.indexOf('组织');
    const z = rule('z-rule', reporting({ span: [l3, l3 + 2] }, { span: [l2, l2 + 2] }, { span: [l2, l2 + 2] }), { messages: { default: '同一条' } });
    const a = rule('a-rule', reporting({ span: [l3, l3 + 2] }, { span: [l2 + 1, l2 + 2] }), { messages: { default: '另一条' } });
    const ds = runRules(doc, [z, a]).diagnostics;
    expect(ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`)).toEqual([
      '2:0 z-rule', '2:1 a-rule', '3:0 a-rule', '3:0 z-rule',
    ]);
  });

  it('a repeat is dropped even when another finding of its rule and start lies between; the same range with another message is kept', async () => {
    const doc = await model(TEXT);
    const at = TEXT.indexOf('组织');
    const r = rule('r-rule', reporting(
      { span: [at, at + 2] }, { span: [at, at + 4] }, { span: [at, at + 2], messageId: 'other' }, { span: [at, at + 2] }, { span: [at, at + 4] },
    ), { messages: { default: '一条', other: '另一条' } });
    const ds = runRules(doc, [r]).diagnostics;
    expect(ds.map((d) => `${d.range.start.character}-${d.range.end.character} ${d.message}`)).toEqual(['0-2 一条', '0-4 一条', '0-2 另一条']);
  });
});

describe('inline disable comments in Markdown', () => {
  const md = [
    '# 关于2023年法治政府建设情况的报告',
    '',
    '## 一、主要举措和成效',
    '',
    '<!-- lawreport-lint-disable-next-line placeholder -- 数字待统计局核实 -->',
    '组织XX名干部参加考试。',
    '',
    '组织XX名干部参加培训。',
    '',
    '<!-- lawreport-lint-disable placeholder, conversion-artifact -->',
    '',
    '某某村开展普法，[bookmark: _GoBack]',
    '',
    '<!-- lawreport-lint-enable placeholder -->',
    '',
    '待补充[bookmark: x]',
    '',
    '<!-- lawreport-lint-disable-next-line stray-whitespace -->',
    '学习。',
    '',
    '<!-- lawreport-lint-disable -->',
    '',
    '××村',
  ].join('\n');

  it('disable-next-line, disable (several rules), enable and disable-all apply to the right lines', async () => {
    const ds = (await lintText(md, { filePath: 'draft.md' })).filter((d) => ['placeholder', 'conversion-artifact'].includes(d.code));
    expect(ds.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual([
      '8 placeholder', // the next-line comment covers line 6 only
      '16 placeholder', // enabled again; conversion-artifact stays disabled
    ]);
  });

  it('the reason after “--” is kept and is not a rule id', async () => {
    const doc = await model(md, 'md');
    expect(doc.directives.map((d) => [d.kind, d.rules, d.reason ?? null, d.line + 1])).toEqual([
      ['disable-next-line', ['placeholder'], '数字待统计局核实', 5],
      ['disable', ['placeholder', 'conversion-artifact'], null, 10],
      ['enable', ['placeholder'], null, 14],
      ['disable-next-line', ['stray-whitespace'], null, 18],
      ['disable', [], null, 21],
    ]);
    // where another rule would be added: right after the last one, before the reason or the -->
    for (const d of doc.directives) {
      expect(doc.text.slice(0, d.rulesEnd).endsWith(d.rules.at(-1) ?? d.kind)).toBe(true);
      expect(doc.text.slice(d.rulesEnd)).toMatch(d.reason ? /^ -- / : /^ -->/);
    }
  });

  it('--report-unused-disable-directives: comments that silenced nothing are warnings with a safe fix that deletes them', async () => {
    const linter = await linterWith();
    const { diagnostics } = linter.lint(md, { filePath: 'draft.md', reportUnusedDirectives: true });
    const unused = byRule(diagnostics, 'unused-disable-directive');
    expect(unused.map((d) => [d.range.start.line + 1, d.severity, d.message])).toEqual([
      [18, 2, '禁用注释没有屏蔽任何问题（stray-whitespace），可以删除'],
    ]);
    expect(unused[0].data?.fix).toMatchObject({ safe: true, edits: [{ newText: '' }] });
    const fixed = linter.fix(md, { filePath: 'draft.md', reportUnusedDirectives: true, rules: new Set(['unused-disable-directive']) });
    expect(fixed.output).not.toContain('disable-next-line stray-whitespace');
    expect(fixed.output.split('\n').length).toBe(md.split('\n').length);
    // without the flag, nothing is said about them
    expect(byRule(linter.lint(md, { filePath: 'draft.md' }).diagnostics, 'unused-disable-directive')).toEqual([]);
  });

  it('in a .txt draft a comment is text, not a directive', async () => {
    const txt = '<!-- lawreport-lint-disable placeholder -->\n组织XX名干部。';
    const doc = await model(txt, 'txt');
    expect(doc.directives).toEqual([]);
    expect(byRule(await lintText(txt, { filePath: 'draft.txt' }), 'placeholder')).toHaveLength(1);
  });

  it('a directive inside a fenced code block is not a directive', async () => {
    const text = '# 关于2023年法治政府建设情况的报告\n\n```\n<!-- lawreport-lint-disable -->\n```\n\n组织XX名干部。';
    expect(byRule(await lintText(text, { filePath: 'draft.md' }), 'placeholder')).toHaveLength(1);
  });
});

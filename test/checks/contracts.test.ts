/**
 * Every check type declares every message id it reports with, and each id's
 * placeholders (issue 13 §3): every shipped rule runs over the corpus, the shape
 * fixtures and every rule's own examples, and each finding, related place, fix
 * title, word and piece of evidence it reports is held against its type's
 * contract — an id the contract lacks, or a placeholder it promises that the
 * check does not fill, fails here, not in an office's rule file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../../src/checks/index.js';
import { runRules } from '../../src/engine/run.js';
import type { CheckType, CompiledRule, MessageContract, MessageData, MessageRole } from '../../src/types.js';
import { allRulesLinter, CORPUS, ROOT } from '../helpers.js';

interface Seen { type: string; rule: string; id: string; role: MessageRole; keys: string[]; contract?: MessageContract; named?: boolean }

const linter = await allRulesLinter();
const rules = linter.config.rulesFor();
const seen: Seen[] = [];

function record(rule: CompiledRule, type: CheckType<any>, id: string, role: MessageRole, data: MessageData | undefined) {
  const named = type.optionMessages?.find(rule.def.options).some((n) => n.id === id) ?? false;
  const contract = Object.hasOwn(type.messages, id) ? type.messages[id] : undefined;
  seen.push({ type: type.type, rule: rule.def.id, id, role, keys: Object.keys(data ?? {}), contract, named });
  // a word the rule file gives is filled from its own data
  for (const v of Object.values(data ?? {})) if (typeof v === 'object') record(rule, type, v.messageId, 'word', v.data);
}

/** The shipped rules, each reporting to the engine and to `seen`. */
const watched: CompiledRule[] = rules.map((rule) => {
  const type = checkTypes[rule.def.type];
  return {
    ...rule,
    check: (ctx) => rule.check({
      ...ctx,
      report: (f) => {
        record(rule, type, f.messageId ?? 'default', 'finding', f.data);
        for (const r of f.related ?? []) if (r.messageId) record(rule, type, r.messageId, 'related', { ...f.data, ...r.data });
        if (f.fix?.messageId && f.fix.title === undefined) record(rule, type, f.fix.messageId, 'fix', { ...f.data, ...f.fix.data });
        ctx.report(f);
      },
      pass: (e) => {
        record(rule, type, e.messageId, 'pass', e.data);
        ctx.pass?.(e);
      },
    }),
  };
});

const drafts: { text: string; previous?: string; md: boolean }[] = [];
for (const n of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) drafts.push({ text: readFileSync(join(CORPUS, n), 'utf8'), md: false });
for (const dir of ['test/fixtures/shapes', 'test/fixtures/drafts', 'examples']) {
  for (const n of readdirSync(join(ROOT, dir)).filter((f) => /\.(txt|md)$/.test(f))) drafts.push({ text: readFileSync(join(ROOT, dir, n), 'utf8'), md: n.endsWith('.md') });
}
for (const rule of rules) {
  for (const e of [...rule.def.examples.valid, ...rule.def.examples.invalid]) drafts.push({ text: e.text, previous: e.previous, md: /^#|\n#/.test(e.text) });
}
// cases the corpus and the examples do not show
const T = '龙溪镇人民政府关于2023年法治政府建设情况的报告\n';
drafts.push(...[
  `${T}2022年，我镇坚持依法行政。\n一、主要举措和成效\n（一）规范执法。2024年完成执法案卷评查12件。\n二、存在的问题及2024年工作打算\n一是执法力量薄弱，原因是编制不足。\n`,
  `${T}一、主要举措和成效\n1.强化学习\n（一）规范执法\n二、存在的不足和原因\n（一）力量薄弱\n（二）培训不足\n（三）宣传不够\n（二）依法调解\n`,
  `${T}一、主要举措和成效\n${'全年深入推进依法行政，各项工作稳步开展，干部群众法治意识普遍增强，基层治理水平不断提升。'.repeat(6)}落实第一责任人职责。\n二、存在的不足和原因\n一是……。原因是……。\n三、2024年工作安排\n一是加强培训。\n`,
  `${T.trimEnd()}  \n一、主要举措和成效\n办理案件12件。\n`,
].map((text) => ({ text, md: false })), { text: '# 龙溪镇人民政府关于2023年法治政府建设情况\n\n## 一、主要举措和成效\n\n办理案件12件。\n', md: true });

for (const d of drafts) {
  const doc = linter.config.builder.build(d.text, { format: d.md ? 'md' : 'txt', path: d.md ? 'd.md' : 'd.txt' });
  const previous = d.previous ? linter.config.builder.build(d.previous, { format: 'txt' }) : undefined;
  runRules(doc, watched, { previous, strict: true });
}

describe('message contracts of the check types', () => {
  it('the drafts exercise every type', () => {
    expect(new Set(seen.map((s) => s.type))).toEqual(new Set(Object.keys(checkTypes)));
  });

  it('every id a check reports with is declared by its type, in the role it is used in', () => {
    const undeclared = seen.filter((s) => !s.contract && !s.named).map((s) => `${s.type}.${s.id} (${s.role}, rule ${s.rule})`);
    expect([...new Set(undeclared)]).toEqual([]);
    const miscast = seen.filter((s) => s.contract && (s.contract.role ?? 'finding') !== s.role).map((s) => `${s.type}.${s.id}: declared ${s.contract!.role ?? 'finding'}, used as ${s.role}`);
    expect([...new Set(miscast)]).toEqual([]);
  });

  it('every placeholder a contract promises is filled each time the id is used', () => {
    const unfilled = seen.flatMap((s) => {
      const promised = s.contract?.placeholders ?? (s.named ? checkTypes[s.type].optionMessages!.placeholders : []);
      return promised.filter((p) => !s.keys.includes(p)).map((p) => `${s.type}.${s.id}: {{${p}}} not filled (rule ${s.rule})`);
    });
    expect([...new Set(unfilled)]).toEqual([]);
  });

  it('a finding or evidence fills no placeholder its contract leaves out', () => {
    const undocumented = seen.filter((s) => s.contract && (s.role === 'finding' || s.role === 'pass')).flatMap((s) =>
      s.keys.filter((k) => !s.contract!.placeholders.includes(k)).map((k) => `${s.type}.${s.id}: fills {{${k}}}, not declared`));
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it('the drafts reach most declared ids (the rest are listed here on purpose)', () => {
    const reached = new Set(seen.map((s) => `${s.type}.${s.id}`));
    const declared = Object.values(checkTypes).flatMap((t) => Object.keys(t.messages).map((id) => `${t.type}.${id}`));
    expect(declared.filter((id) => !reached.has(id)).sort()).toEqual(UNREACHED);
  });
});

/** Ids no shipped rule can use on these drafts (no shipped rule sets the option, or no draft shows the case). */
const UNREACHED = ['existence.fix', 'substitution.fixDelete']; // every shipped fix has its own title: test/config-messages.test.ts

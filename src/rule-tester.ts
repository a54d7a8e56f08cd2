/**
 * The rule tester (remark-lint's and ESLint's RuleTester idea, for YAML rules):
 * every rule file documents and tests itself. For a rule, the id equals the file
 * name; it says why and how; each valid example gives no diagnostic from the rule;
 * each invalid one gives at least one, covering exactly `at` when given; `output`
 * is what fixing with this rule's fixes (safe and unsafe) produces; a rule that
 * offers a fix must show it. The project's own rule test and
 * `lawreport-lint --test-rules 本县规则/` both run this.
 */
import { basename } from 'node:path';
import { compileConfig } from './config/compile.js';
import type { ResolvedConfig } from './config/load.js';
import { clip } from './document/clip.js';
import { Linter } from './linter.js';
import type { RuleDefinition, RuleExample } from './types.js';

export type ExampleKind = 'valid' | 'invalid';

/** One check of a rule: its metadata, or one of its examples. */
export interface RuleCheck {
  rule: string;
  /** undefined: the rule file's own keys (id, summary, docs, help, examples). */
  example?: { kind: ExampleKind; index: number; description?: string };
  /** What is wrong, in Chinese; empty when the check passed. */
  failures: string[];
}

const quoted = (list: string[]) => list.map((s) => `“${clip(s, 60)}”`).join('、');

/** The rule file's own keys: id = file name, why and how, both kinds of example. */
function checkMeta(def: RuleDefinition): string[] {
  const out: string[] = [];
  if (def.file && basename(def.file).replace(/\.ya?ml$/, '') !== def.id) out.push(`规则 id “${def.id}” 与文件名 “${basename(def.file)}” 不一致`);
  if (def.summary.trim().length < 5) out.push('summary 太短：用一句话说明这条规则查什么');
  if (!def.docs && !def.reference) out.push('缺少 reference 或 docs：说明依据的规定或为什么要查');
  if (!def.help) out.push('缺少 help：告诉起草人怎样改');
  if (!def.examples.valid.length) out.push('缺少 valid 示例（不应报告的写法），至少一例');
  if (!def.examples.invalid.length) out.push('缺少 invalid 示例（应当报告的写法），至少一例');
  return out;
}

/**
 * Tests rules against a base configuration (its lexicons and other rules' setting
 * do not matter: each rule runs alone, at its own severity or info when it is off).
 */
export class RuleTester {
  constructor(private readonly base: ResolvedConfig) {}

  private async linterFor(def: RuleDefinition, options: Record<string, unknown> = {}): Promise<Linter> {
    const rules = new Map(this.base.rules);
    rules.set(def.id, def);
    const settings = new Map([[def.id, { severity: def.severity === 'off' ? 'info' as const : def.severity, options }]]);
    return new Linter(await compileConfig({ ...this.base, rules, settings, overrides: [] }));
  }

  /** Every check of one rule: its keys first, then each example in order. */
  async test(def: RuleDefinition): Promise<RuleCheck[]> {
    const checks: RuleCheck[] = [{ rule: def.id, failures: checkMeta(def) }];
    for (const kind of ['valid', 'invalid'] as const) {
      for (const [index, ex] of def.examples[kind].entries()) {
        let failures: string[];
        try {
          failures = await this.runExample(def, kind, ex);
        } catch (err) {
          failures = [`运行示例时规则出错：${(err as Error).message}`];
        }
        checks.push({ rule: def.id, example: { kind, index, description: ex.description }, failures });
      }
    }
    return checks;
  }

  private async runExample(def: RuleDefinition, kind: ExampleKind, ex: RuleExample): Promise<string[]> {
    const linter = await this.linterFor(def, ex.options);
    const format = /^#|\n#/.test(ex.text) || ex.text.includes('<!--') ? 'md' : 'txt';
    const previous = ex.previous ? linter.config.builder.build(ex.previous, { format: 'txt', path: 'previous.txt' }) : undefined;
    const result = linter.lint(ex.text, { format, strict: true, previous });
    const mine = result.diagnostics.filter((d) => d.code === def.id);
    if (kind === 'valid') return mine.length ? [`正确示例不应报告问题，却报告了：${quoted(mine.map((d) => d.message))}`] : [];
    if (!mine.length) return ['错误示例应至少报告一个问题，却没有报告'];
    const failures: string[] = [];
    if (ex.at !== undefined) {
      const doc = result.document;
      const covered = mine.map((d) => ex.text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)));
      if (!covered.includes(ex.at)) failures.push(`at 应恰好是报告的范围：期望 “${clip(ex.at, 60)}”，实际 ${quoted(covered)}`);
    }
    if (ex.output !== undefined) {
      const fixed = linter.fix(ex.text, { format, unsafe: true, rules: new Set([def.id]), previous });
      if (fixed.output !== ex.output) failures.push(`修复后的全文与 output 不同：期望 “${clip(ex.output, 120)}”，实际 “${clip(fixed.output, 120)}”`);
    } else if (mine.some((d) => d.data?.fix)) {
      failures.push('这条规则提供修复：错误示例须写 output（修复后的全文）');
    }
    return failures;
  }
}

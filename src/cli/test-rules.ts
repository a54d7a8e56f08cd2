/**
 * `lawreport-lint --test-rules 本县规则/`: runs every rule's own examples with the
 * installed package (no source checkout, no vitest) and lists what fails, each at
 * its example in the rule file, in the stylish layout. Exit 0 all pass, 1 a
 * failure, 2 a folder that cannot be read or a rule file that does not load.
 */
import { relative, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { nodeHost } from '../config/node-host.js';
import { loadRuleFiles } from '../config/rule-files.js';
import { prepareFormat } from '../document/index.js';
import { painter } from '../formatters/context.js';
import type { LinterFactory } from '../linter.js';
import { RuleTester, type RuleCheck } from '../rule-tester.js';

const KIND = { valid: '正确示例', invalid: '错误示例' } as const;

export async function testRules(dir: string, io: { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }, factory: LinterFactory, color: boolean): Promise<number> {
  const base = (await factory.forFile(undefined, 'txt')).config.resolved;
  const { rules, sources, problems } = loadRuleFiles(resolve(io.cwd, dir), nodeHost, base.lexicons);
  if (problems.length) throw new ConfigError(problems);
  if (!rules.length) {
    io.stderr(`lawreport-lint: ${dir} 中没有规则文件（*.yaml）；规则文件的写法见 lawreport-lint --explain existence 或 README“编写本单位规则”\n`);
    return 2;
  }
  await prepareFormat('md');
  const tester = new RuleTester(base);
  const paint = painter(color);
  const out: string[] = [];
  let failed = 0;
  let examples = 0;
  for (const def of rules) {
    const checks = await tester.test(def);
    examples += checks.length - 1;
    const bad = checks.filter((c) => c.failures.length);
    if (!bad.length) continue;
    const source = sources.get(def.id);
    out.push(paint('underline', def.file ? relative(io.cwd, def.file) : def.id));
    for (const c of bad) {
      const at = source?.locate(c.example ? ['examples', c.example.kind, c.example.index] : ['id']) ?? { line: 1, column: 1 };
      for (const f of c.failures) {
        failed++;
        out.push(`  ${paint('gray', `${at.line}:${at.column}`.padEnd(7))} ${paint('red', '错误')}  ${what(c)}${f}  ${paint('gray', def.id)}`);
      }
    }
    out.push('');
  }
  const counts = `${rules.length} 条规则，${examples} 个示例`;
  io.stdout(failed ? `${out.join('\n')}\n${paint('red', `✖ ${failed} 处不通过`)}（${counts}）\n` : `${paint('green', '✔ 全部通过')}：${counts}\n`);
  return failed ? 1 : 0;
}

function what(c: RuleCheck): string {
  if (!c.example) return '';
  const d = c.example.description ? `（${c.example.description}）` : '';
  return `${KIND[c.example.kind]} #${c.example.index + 1}${d}：`;
}

/**
 * Item 5 of issue 12: an office-written pattern cannot hang a run. Office
 * patterns run on a linear-time engine (RE2, src/config/linear-regex.ts); one
 * that is merely slow on a long draft stops at its rule's time limit and is
 * reported by name, and every other rule still reports. The engine must also
 * find what JavaScript finds: the shipped rules' own patterns, run as office
 * patterns over the corpus, give the same matches.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../../src/config/compile.js';
import { LinearRegExp } from '../../src/config/linear-regex.js';
import { resolveConfig } from '../../src/config/load.js';
import { Linter } from '../../src/linter.js';
import { compileRegex, loadLinearEngine } from '../../src/config/regex.js';
import { CORPUS, configProblems, inlineRule, ROOT } from '../helpers.js';

/**
 * The catastrophic classes: 28 patterns that hang a backtracking engine on a
 * short line, each with the character it backtracks on (repeated, then one that
 * fails the match).
 */
export const CATASTROPHIC: [pattern: string, unit: string][] = [
  ['(a|aa)+$', 'a'], ['(\\w|\\d)+$', '1'], ['(a|[a])+$', 'a'], ['(\\p{L}|a)+$', 'a'], ['(.*a){20}$', 'a'],
  ['(a+){1,1000}$', 'a'], ['(a{1,30}){1,30}$', 'a'], ['a*a*a*a*a*a*a*$', 'a'], ['(a|a?)+$', 'a'], ['(?:a|ab|b)*c', 'ab'],
  ['(\\d|[0-9])+x', '1'], ['(a?){30}a{30}', 'a'], ['^(\\w+\\s?)*$', 'a '], ['(.*?,){11}P', 'a,'], ['([a-z]+)*!', 'a'],
  ['(\\s|\\u3000)*$', '\u3000'], ['(a|a|a)+$', 'a'], ['(?:[a-z]|[a-m])+\\d', 'a'], ['(x+x+)+y', 'x'], ['(.+)+$', 'a'],
  ['((ab)*)+$', 'ab'], ['^(a+)+b', 'a'], ['(\\w+)*@', 'a'], ['(([a-z])+.)+[A-Z]([a-z])+$', 'a'], ['(\\d+)*$', '1'],
  ['(.*)*$', 'a'], ['(a*)*$', 'a'], ['(中|中文)+$', '中'],
];

function attack([pattern, unit]: [string, string], n: number): string {
  void pattern;
  return `${unit.repeat(Math.ceil(n / unit.length))}!`;
}

/** The recommended preset plus one office rule (`my-rule`, existence) with the given options. */
async function officeRuleWithRecommended(body: string): Promise<Linter> {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-redos-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'my-rule.yaml'),
    `id: my-rule\ntype: existence\nsummary: 测试规则\nseverity: warning\nmessage: 旧称\n${body}\nexamples:\n  valid: ["无。"]\n  invalid: ["无。"]\n`);
  writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rulesDir: rules\n');
  return new Linter(await compileConfig(await resolveConfig({ configFile: join(dir, '.lawreport-lint.yaml'), cwd: dir })));
}

const DRAFT_HEAD = '关于2023年XX法治政府建设情况的报告\n一、主要举措和成效\n';

describe('office patterns of the catastrophic classes', () => {
  it('are never refused for being slow, and never hang: on a 31-character line they finish', async () => {
    expect(CATASTROPHIC).toHaveLength(28);
    for (const c of CATASTROPHIC) {
      const [pattern] = c;
      const problems = await configProblems(() => inlineRule('existence', '旧称', `patterns:\n  - regex: '${pattern}'`));
      if (problems) {
        // the load-time guard's clear refusal for the classic nested shapes is fine too
        expect(problems, pattern).toMatch(/不安全|无法使用/);
        continue;
      }
      const linter = await inlineRule('existence', '旧称', `patterns:\n  - regex: '${pattern}'`);
      const out = linter.lint(`${DRAFT_HEAD}${attack(c, 30)}\n`, { filePath: 'draft.txt' });
      expect(out.diagnostics.every((d) => d.code === 'my-rule'), pattern).toBe(true);
    }
  });

  it('on a 200,000-character line: a slow rule is stopped and named, the other rules still report', async () => {
    const office = await officeRuleWithRecommended("patterns:\n  - regex: '(a+){1,1000}$'");
    const text = `${DRAFT_HEAD}${attack(['(a+){1,1000}$', 'a'], 200_000)}\n`;
    const out = office.lint(text, { filePath: 'draft.txt' });
    const timeout = out.diagnostics.filter((d) => d.code === 'rule-timeout');
    expect(timeout).toHaveLength(1);
    expect(timeout[0].message).toMatch(/^规则 my-rule 在这份稿件上超过了 1000 毫秒的时间上限，已停止/);
    expect(out.diagnostics.some((d) => d.code === 'my-rule')).toBe(false);
    // the recommended rules ran on the same draft: the title's placeholder is found
    expect(out.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.range.start)).toEqual([{ line: 0, character: 7 }]);
  });

  it('the linear engine is linear: each catastrophic pattern over 100,000 characters finishes or is stopped by the clock', async () => {
    for (const c of CATASTROPHIC) {
      const [pattern] = c;
      let re;
      try {
        re = new LinearRegExp(pattern, 'gmu');
      } catch {
        continue; // too large for RE2: refused at load time
      }
      const line = attack(c, 100_000);
      const { withBudget, RuleTimeout } = await import('../../src/engine/budget.js');
      try {
        withBudget(1000, () => {
          re.lastIndex = 0;
          for (let m = re.exec(line), n = 0; m && n < 10; m = re.exec(line), n++) if (!m[0]) re.lastIndex++;
        });
      } catch (err) {
        expect(err, pattern).toBeInstanceOf(RuleTimeout);
      }
    }
  });
});

describe('the linear engine finds what JavaScript finds', () => {
  const shipped = readdirSync(join(ROOT, 'rules')).filter((n) => n.endsWith('.yaml'))
    .flatMap((n) => {
      const r = parse(readFileSync(join(ROOT, 'rules', n), 'utf8'));
      return [...(r.patterns ?? []), ...(r.entries ?? [])].flatMap((p: { regex?: string }) => (p.regex ? [p.regex] : []));
    });
  const texts = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(CORPUS, n), 'utf8'));
  // debris of every kind the shipped patterns look for, in LF and CRLF
  const debris = '一、标题  \n（一） 全年办理 近30余件，上千余件， 5余人，XX名、xx 和 XXL ，【待补】[bookmark: _GoBack]\u200b\u00a0\u3000\n法制化 法制宣传。   \n \u00a0\n';
  const all = [...texts, debris, debris.replaceAll('\n', '\r\n')];

  it('the shipped rules’ patterns, as office patterns, match the same spans in the corpus', async () => {
    await loadLinearEngine();
    expect(shipped.length).toBeGreaterThanOrEqual(10);
    for (const source of shipped) {
      const native = new RegExp(source, 'gmu');
      const linear = compileRegex(source, 'gmu', true);
      expect(linear).toBeInstanceOf(LinearRegExp);
      for (const text of all) {
        const spans = (re: { exec(s: string): RegExpExecArray | null; lastIndex: number }) => {
          const out: string[] = [];
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (!m[0]) re.lastIndex++;
            else out.push(`${m.index}:${m.slice().join('|')}`);
          }
          return out;
        };
        expect(spans(linear), source).toEqual(spans(native));
      }
    }
  });

  it('JavaScript spellings RE2 writes otherwise: \\u, \\p{Script=…}, \\s with full-width spaces, . without line ends', async () => {
    await loadLinearEngine();
    const cases: [string, string, string[]][] = [
      ['\\u3000+', 'a\u3000\u3000b', ['\u3000\u3000']],
      ['\\p{Script=Han}+', 'ab中文cd', ['中文']],
      ['\\s+', 'a\u3000\u00a0b', ['\u3000\u00a0']],
      ['[\\s\\d]+', 'x 1\u30002y', [' 1\u30002']],
      ['a.c', 'a\rc abc', ['abc']],
      ['(?<year>\\d{4})年', '2023年', ['2023年']],
      ['XX(?=名)', 'XX人 XX名', ['XX']],
    ];
    for (const [source, text, expected] of cases) {
      const re = compileRegex(source, 'gu', true);
      const found: string[] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) found.push(m[0]);
      expect(found, source).toEqual(expected);
    }
  });

  it('what RE2 cannot do is refused at load time, in one clear problem', async () => {
    const back = await configProblems(() => inlineRule('existence', '重复', "patterns:\n  - regex: '(法治)\\1'"));
    expect(back).toContain('正则表达式 “(法治)\\1” 无法使用：不支持反向引用');
    const ahead = await configProblems(() => inlineRule('existence', '查找', "patterns:\n  - regex: 'a(?=b)c'"));
    expect(ahead).toContain('向前查找 (?=…) 或 (?!…) 只能写在正则的最后');
  });
});

/**
 * The generic rule test (remark-lint's and ESLint's RuleTester idea): every rule
 * file documents and tests itself. For each rules/*.yaml, the id equals the file
 * name; each valid example gives no diagnostic from that rule; each invalid one
 * gives at least one, covering exactly `at` when given; `output` is what --fix
 * (safe and unsafe fixes of this rule) produces; a rule with a fix must show it.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltins } from '../src/config/builtin.js';
import { ConfigError } from '../src/config/errors.js';
import { loadRuleFiles } from '../src/config/rule-files.js';
import { compileConfig } from '../src/config/compile.js';
import { resolveConfig } from '../src/config/load.js';
import { nodeHost } from '../src/config/node-host.js';
import { prepareFormat } from '../src/document/index.js';
import { Linter } from '../src/linter.js';
import type { RuleDefinition, RuleExample } from '../src/types.js';
import { ROOT } from './helpers.js';

const builtins = await loadBuiltins();
await prepareFormat('md');

// A county office tests its own rules folder the same way:
//   LAWREPORT_RULES_DIR=本县规则 npx vitest run test/rules.test.ts
const officeDir = process.env.LAWREPORT_RULES_DIR ? resolve(process.env.LAWREPORT_RULES_DIR) : undefined;
const office = officeDir ? loadRuleFiles(officeDir, nodeHost) : undefined;
if (office?.problems.length) throw new ConfigError(office.problems);

async function soloLinter(def: RuleDefinition, options: Record<string, unknown> = {}): Promise<Linter> {
  const resolved = await resolveConfig({ preset: 'recommended', cwd: ROOT });
  resolved.rules.set(def.id, def);
  resolved.settings.clear();
  resolved.settings.set(def.id, { severity: def.severity === 'off' ? 'info' : def.severity, options });
  return new Linter(await compileConfig(resolved));
}

const files = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'));

describe('rule files', () => {
  it('every rule file was loaded', () => {
    expect(builtins.rules.map((r) => `${r.id}.yaml`).sort()).toEqual(files.sort());
  });
});

if (office) {
  describe(`office rules in ${officeDir}`, () => {
    it('holds at least one rule', () => expect(office.rules.length).toBeGreaterThan(0));
  });
}

for (const def of [...builtins.rules, ...(office?.rules ?? [])]) {
  describe(`rule ${def.id}`, () => {
    it('id equals the file name and the rule documents itself', () => {
      expect(basename(def.file!)).toBe(`${def.id}.yaml`);
      expect(def.summary.length).toBeGreaterThan(4);
      expect(def.docs ?? def.reference, 'docs or reference says why').toBeTruthy();
      expect(def.help, 'help says how to fix').toBeTruthy();
      expect(def.examples.valid.length).toBeGreaterThan(0);
      expect(def.examples.invalid.length).toBeGreaterThan(0);
    });

    const run = async (ex: RuleExample) => {
      const linter = await soloLinter(def, ex.options);
      const format = /^#|\n#/.test(ex.text) || ex.text.includes('<!--') ? 'md' : 'txt';
      const previous = ex.previous ? linter.config.builder.build(ex.previous, { format: 'txt', path: 'previous.txt' }) : undefined;
      const result = linter.lint(ex.text, { format, strict: true, previous });
      return { linter, format, previous, result, mine: result.diagnostics.filter((d) => d.code === def.id) } as const;
    };

    def.examples.valid.forEach((ex, i) => {
      it(`valid #${i + 1}${ex.description ? ` (${ex.description})` : ''}`, async () => {
        const { mine } = await run(ex);
        expect(mine.map((d) => d.message)).toEqual([]);
      });
    });

    def.examples.invalid.forEach((ex, i) => {
      it(`invalid #${i + 1}${ex.description ? ` (${ex.description})` : ''}`, async () => {
        const { linter, format, previous, result, mine } = await run(ex);
        expect(mine.length, 'at least one diagnostic').toBeGreaterThan(0);
        if (ex.at !== undefined) {
          const doc = result.document;
          const texts = mine.map((d) => ex.text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)));
          expect(texts).toContain(ex.at);
        }
        const fixable = mine.some((d) => d.data?.fix);
        if (ex.output !== undefined) {
          const fixed = linter.fix(ex.text, { format, unsafe: true, rules: new Set([def.id]), previous });
          expect(fixed.output).toBe(ex.output);
        } else if (fixable) {
          expect.fail(`rule ${def.id} offers a fix: the invalid example needs an \`output\``);
        }
      });
    });
  });
}

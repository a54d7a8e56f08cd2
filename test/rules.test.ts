/**
 * The generic rule test: every rule file documents and tests itself (the checks
 * are src/rule-tester.ts, which `lawreport-lint --test-rules DIR` runs for an
 * office's own folder). One vitest test per rule file's keys and per example.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltins } from '../src/config/builtin.js';
import { ConfigError } from '../src/config/errors.js';
import { resolveConfig } from '../src/config/load.js';
import { nodeHost } from '../src/config/node-host.js';
import { loadRuleFiles } from '../src/config/rule-files.js';
import { prepareFormat } from '../src/document/index.js';
import { RuleTester } from '../src/rule-tester.js';
import type { RuleDefinition } from '../src/types.js';
import { ROOT } from './helpers.js';

const builtins = await loadBuiltins();
await prepareFormat('md');
const tester = new RuleTester(await resolveConfig({ preset: 'recommended', cwd: ROOT }));

// A source checkout can also test an office's folder here (the installed tool has `--test-rules`):
//   LAWREPORT_RULES_DIR=本县规则 npx vitest run test/rules.test.ts
const officeDir = process.env.LAWREPORT_RULES_DIR ? resolve(process.env.LAWREPORT_RULES_DIR) : undefined;
const office = officeDir ? loadRuleFiles(officeDir, nodeHost, builtins.lexicons) : undefined;
if (office?.problems.length) throw new ConfigError(office.problems);

const files = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'));

describe('rule files', () => {
  it('every rule file was loaded', () => {
    expect(builtins.rules.map((r) => `${r.id}.yaml`).sort()).toEqual(files.sort());
  });
});

const label = (def: RuleDefinition, kind: 'valid' | 'invalid', i: number) => {
  const ex = def.examples[kind][i];
  return `${kind} #${i + 1}${ex.description ? ` (${ex.description})` : ''}`;
};

for (const def of [...builtins.rules, ...(office?.rules ?? [])]) {
  describe(`rule ${def.id}`, async () => {
    const checks = await tester.test(def);
    it('id equals the file name and the rule documents itself', () => {
      expect(checks[0].failures).toEqual([]);
    });
    for (const c of checks.slice(1)) {
      it(label(def, c.example!.kind, c.example!.index), () => {
        expect(c.failures).toEqual([]);
      });
    }
  });
}

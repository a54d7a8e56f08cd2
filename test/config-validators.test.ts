/**
 * The build writes the config and rule file validators as code (dist/validate-*.cjs,
 * ajv standalone), so a run with a config file loads neither ajv nor its compiler.
 * They must judge exactly as ajv compiling the current schemas does, and must not
 * be used once the schemas change without a rebuild.
 */
import { createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtScript, validatorFile } from '../src/config/paths.js';
import { configSchema, ruleSchema } from '../src/config/schema.js';
import { AJV_OPTIONS, usableValidator } from '../src/config/validate.js';

const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = require('ajv').default;

const CONFIGS: unknown[] = [
  { extends: ['recommended'], rules: { 'part-order': 'warning', 'concrete-numbers': { severity: 'error', min: 2 } } },
  { rules: { 'part-order': 'warn' }, extend: 'strict' },
  { rules: { 'concrete-numbers': { severity: 'error', min: 'two' } }, ignore: 'drafts/' },
  { overrides: [{ files: '乡镇/*.docx', rules: { 'stray-whitespace': 'off' } }, { rules: {} }] },
  [],
  'rules: x',
];
const RULES: unknown[] = [
  { id: 'my-rule', type: 'existence', summary: '不写“某某”', severity: 'warning', message: '删去“{{found}}”', words: ['某某'], examples: { valid: ['无。'], invalid: ['某某'] } },
  { id: 'my-rule', type: 'existence', summary: 's', severity: 'warn', message: 'm', words: 'x', examples: { valid: [] } },
  { id: 'Bad Id', type: 'quantity', scope: { part: 'nowhere' }, min: -1 },
  { id: 'x', type: 'no-such-type' },
  { id: 'x', type: 'substitution', summary: 's', message: 'm', swap: { ',': 1 }, examples: { valid: ['a'], invalid: ['b'] } },
];

function pair(kind: 'config' | 'rule'): { built: Validate; compiled: Validate } {
  const schema = kind === 'rule' ? ruleSchema() : configSchema();
  const file = builtScript(validatorFile(kind));
  expect(file, `dist/${validatorFile(kind)} is built by pretest`).toBeDefined();
  const built = usableValidator(require(file!), schema) as Validate | undefined;
  expect(built, 'built from the current schema').toBeDefined();
  return { built: built!, compiled: new Ajv(AJV_OPTIONS).compile(schema) as Validate };
}

describe('the validators the build generates', () => {
  for (const [kind, inputs] of [['config', CONFIGS], ['rule', RULES]] as const) {
    it(`${kind}: the same verdicts and the same errors as ajv compiling the schema`, () => {
      const { built, compiled } = pair(kind);
      let invalid = 0;
      for (const input of inputs) {
        const ok = built(input);
        expect(ok, JSON.stringify(input)).toBe(compiled(input));
        expect(built.errors ?? null).toEqual(compiled.errors ?? null);
        if (!ok) invalid++;
      }
      expect(invalid).toBeGreaterThanOrEqual(inputs.length - 1);
    });
  }

  it('are not used once the schema they came from changes', () => {
    const file = builtScript(validatorFile('config'))!;
    const stale = join(mkdtempSync(join(tmpdir(), 'lrl-validators-')), validatorFile('config'));
    copyFileSync(file, stale);
    // what a source edit without a rebuild looks like: the recorded schema is not the current one
    writeFileSync(stale, readFileSync(stale, 'utf8').replace(/module\.exports\.source = .*$/m, 'module.exports.source = "{}";'));
    expect(usableValidator(require(stale), configSchema())).toBeUndefined();
    expect(usableValidator(require(file), configSchema())).toBeDefined();
  });
});

/**
 * Item 10 of issue 12: names a user writes (a preset to extend, --preset,
 * --explain, a lexicon, a rule type, a message id, a placeholder) are looked
 * up as own keys only. `extends: constructor` found Object through the
 * prototype: every rule off, “✔ 没有发现问题”, exit 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/engine/interpolate.js';
import { cli, DRAFT, tempDir } from './helpers.js';

const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
/** DRAFT with a placeholder: an error under the recommended rules. */
const WITH_ERROR = DRAFT.replace('共计78场', '共计XX场');

describe('prototype keys are not names', () => {
  it('extends: NAME is “没有这个预设” (exit 2), never a preset that turns every rule off', async () => {
    for (const key of KEYS) {
      const dir = tempDir('proto');
      writeFileSync(join(dir, 'draft.txt'), WITH_ERROR);
      writeFileSync(join(dir, '.lawreport-lint.yaml'), `extends: ${key}\n`);
      const run = await cli(['draft.txt'], dir);
      expect(run.code, key).toBe(2);
      expect(run.stderr, key).toContain(`没有 “${key}” 这个预设`);
      expect(run.stdout).not.toContain('没有发现问题');
    }
  });

  it('--preset NAME and --explain NAME are unknown names', async () => {
    const dir = tempDir('proto');
    writeFileSync(join(dir, 'draft.txt'), WITH_ERROR);
    for (const key of KEYS) {
      const preset = await cli(['--preset', key, 'draft.txt'], dir);
      expect([preset.code, preset.stderr], key).toEqual([2, expect.stringContaining(`没有 “${key}” 这个预设`)]);
      const explain = await cli(['--explain', key], dir);
      expect([explain.code, explain.stdout], key).toEqual([2, '']);
      expect(explain.stderr).toContain(`没有 “${key}” 这条规则或规则类型`);
    }
  });

  it('an office rule of type constructor, a lexicon named __proto__, a message id and a placeholder named constructor', async () => {
    const dir = tempDir('proto');
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'draft.txt'), WITH_ERROR);
    writeFileSync(join(dir, 'rules', 'my-rule.yaml'), 'id: my-rule\ntype: constructor\nsummary: 测试\nseverity: warning\nmessage: 测试\nexamples: { valid: [甲], invalid: [乙] }\n');
    writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rulesDir: rules\n');
    const type = await cli(['draft.txt'], dir);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/my-rule\.yaml.*type/);

    // a message id and a placeholder named constructor are not Object's: the rule does not load
    const rule = (messages: string) => [
      'id: my-rule', 'type: existence', 'summary: 测试', 'severity: warning', messages,
      'patterns:', '  - words: [开展普法]', '    messageId: constructor', 'examples: { valid: [甲], invalid: [开展普法] }', '',
    ].join('\n');
    writeFileSync(join(dir, 'rules', 'my-rule.yaml'), rule('message: 旧称“{{found}}”{{constructor}}'));
    const refused = await cli(['draft.txt'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/my-rule\.yaml:5:23 .*“\{\{constructor\}\}” 不存在/);
    expect(refused.stderr).toMatch(/my-rule\.yaml:8:16 .*“constructor” 在 messages 中没有/);

    writeFileSync(join(dir, 'rules', 'my-rule.yaml'), rule('messages:\n  constructor: 旧称“{{found}}”'));
    writeFileSync(join(dir, 'lex.yaml'), '[甲]\n');
    writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rulesDir: rules\nlexicons:\n  __proto__: lex.yaml\n');
    const run = await cli(['-f', 'json', 'draft.txt'], dir);
    const [r] = JSON.parse(run.stdout);
    const mine = r.diagnostics.filter((d: { code: string }) => d.code === 'my-rule');
    expect(mine.map((d: { message: string; data: { messageId: string } }) => [d.message, d.data.messageId])).toEqual([['旧称“开展普法”', 'constructor']]);
    // the recommended rules still run: the placeholder is an error
    expect(r.diagnostics.some((d: { code: string }) => d.code === 'placeholder')).toBe(true);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('interpolate fills own data only', () => {
    expect(interpolate('{{constructor}}{{toString}}{{found}}', { found: '甲' })).toBe('{{constructor}}{{toString}}甲');
  });
});

/**
 * The README stays true: its rule table is the one scripts/rule-table.mjs
 * generates from rules/ (regenerate with `npm run docs:rules`), its set-up shows
 * the two commands and `npm test` (which .ci/run runs), the sample draft exits 1
 * as it says, and the office-rule section's worked example is a working rule.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../src/checks/index.js';
import { LinterFactory } from '../src/linter.js';
import { ROOT } from './helpers.js';
// @ts-expect-error — a plain .mjs script without type declarations
import { END, renderTable, START, withTable } from '../scripts/rule-table.mjs';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const script = join(ROOT, 'scripts', 'rule-table.mjs');

function section(name: string): string {
  const a = README.indexOf(`<!-- section:${name} -->`);
  const b = README.indexOf(`<!-- /section:${name} -->`);
  expect(a, name).toBeGreaterThanOrEqual(0);
  expect(b, name).toBeGreaterThan(a);
  return README.slice(a, b);
}

describe('the rule table', () => {
  it('is up to date with rules/ (run `npm run docs:rules` after changing a rule)', () => {
    expect(withTable(README, renderTable(ROOT))).toBe(README);
  });

  it('has one row per rule with its type, default severity, summary and whether it is fixable', () => {
    const table = README.slice(README.indexOf(START), README.indexOf(END));
    for (const name of readdirSync(join(ROOT, 'rules')).filter((n) => n.endsWith('.yaml'))) {
      const rule = parse(readFileSync(join(ROOT, 'rules', name), 'utf8'));
      const row = table.split('\n').find((l) => l.startsWith(`| [\`${rule.id}\`](rules/${name})`));
      expect(row, rule.id).toBeDefined();
      expect(row).toContain(`| ${rule.type} |`);
      expect(row).toContain(rule.severity);
      expect(row).toContain(rule.summary);
    }
    const row = (id: string) => table.split('\n').find((l) => l.startsWith(`| [\`${id}\`]`))!;
    expect(row('conversion-artifact').endsWith('| ✓ |')).toBe(true);
    expect(row('part-order').endsWith('|  |')).toBe(true);
  });

  it('the script exits 1 on a stale table and --write repairs it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'lrl-readme-'));
    cpSync(join(ROOT, 'rules'), join(copy, 'rules'), { recursive: true });
    writeFileSync(join(copy, 'README.md'), README);
    const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args, '--root', copy], { encoding: 'utf8' });
    expect(run('--check').status).toBe(0);
    expect(run().status).toBe(0);

    const file = join(copy, 'rules', 'placeholder.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('summary: 稿件中不应留有占位符', 'summary: 稿件中不得留有占位符'));
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe('README.md: the rule table is stale; run `npm run docs:rules`\n');
    expect(run().status).toBe(1);

    expect(run('--write').status).toBe(0);
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain('| 稿件中不得留有占位符 |');
    expect(run('--check').status).toBe(0);
  });

  it('package.json runs it as docs:rules', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['docs:rules']).toBe('node scripts/rule-table.mjs --write');
  });
});

describe('set-up', () => {
  const setup = README.slice(README.indexOf('## 快速开始'), README.indexOf('## 用法'));
  const commands = (setup.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '').trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());

  it('shows the two commands for a fresh machine: install and lint the sample, then `npm test`', () => {
    expect(commands).toEqual(['npm ci && npm run build && node bin/lawreport-lint.js examples/sample-draft.md', 'npm test']);
    expect(setup).toContain('exits with code 1');
  });

  it('the sample draft has findings, so linting it exits 1, as the README says', () => {
    const p = spawnSync(process.execPath, [join(ROOT, 'bin', 'lawreport-lint.js'), '--no-color', 'examples/sample-draft.md'], { cwd: ROOT, encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stdout).toContain('examples/sample-draft.md');
  });

  it('.ci/run installs and runs exactly the README’s test command', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ci.slice(-2)).toEqual(['npm ci', commands[1]]);
  });
});

describe('writing an office rule', () => {
  const text = section('office-rules');

  it('covers the schema line, the common keys, every rule type, --explain, examples, rulesDir --test-rules and --init', () => {
    for (const s of ['# yaml-language-server: $schema=', 'lawreport-lint --explain <类型>', 'rulesDir: 本县规则', 'lawreport-lint --test-rules 本县规则', 'lawreport-lint --init', '`examples`', '`severity`', '`reference`', '`help`']) {
      expect(text, s).toContain(s);
    }
    for (const type of Object.keys(checkTypes)) expect(text, `rule type ${type}`).toContain(`\`${type}\``);
  });

  it('the worked example is a working office rule: loaded from rulesDir, its examples hold', async () => {
    const yaml = text.match(/```yaml\n(# yaml-language-server[\s\S]*?)```/)![1];
    const rule = parse(yaml);
    const dir = mkdtempSync(join(tmpdir(), 'lrl-office-'));
    mkdirSync(join(dir, '本县规则'));
    writeFileSync(join(dir, '本县规则', `${rule.id}.yaml`), yaml);
    writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rulesDir: 本县规则\n');
    const file = join(dir, '草稿.txt');
    const linter = await new LinterFactory({ cwd: dir }).forFile(file);
    const mine = (t: string) => linter.lint(t, { filePath: file }).diagnostics.filter((d) => d.code === rule.id);

    for (const ex of rule.examples.valid) expect(mine(ex)).toEqual([]);
    for (const ex of rule.examples.invalid) {
      const [d] = mine(ex.text);
      expect(d.severity).toBe(2);
      expect(d.message).toBe('机构旧称“县法制办”：其职责已并入县司法局');
      expect(ex.text.slice(d.range.start.character, d.range.end.character)).toBe(ex.at);
      expect(linter.fix(ex.text, { filePath: file }).output).toBe(ex.text); // not safe: --fix leaves it
      expect(linter.fix(ex.text, { filePath: file, unsafe: true, rules: new Set([rule.id]) }).output).toBe(ex.output);
    }
    // the output shown in the README is what the rule says
    expect(text).toContain(`警告  ${mine(rule.examples.invalid[0].text)[0].message}`);
  });
});

describe('the offline web page section', () => {
  it('shows the committed screenshot of the page and tells drafters how to open it, what the colours mean, how to get back to Word', () => {
    const web = section('web');
    expect(web).toContain('![离线检查网页');
    expect(statSync(join(ROOT, 'docs', 'web-page.png')).size).toBeGreaterThan(50_000);
    for (const words of ['打开', '红色', '橙色', '蓝色', 'Word', 'lawreport-lint web']) expect(web, words).toContain(words);
  });
});

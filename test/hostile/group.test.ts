/**
 * The hostile-input group of issue 12: every generated attack (cases.ts) in one
 * folder, with a township config whose office rule is catastrophic, through the
 * real CLI — once to lint, once to --fix. Every draft ends in a normal result or
 * one clear line; the process stays under 300 MB; linting changes nothing on
 * disk and --fix changes only drafts. (Time per draft is measured by
 * `npm run bench hostile`; here a hang would hit the spawn's timeout.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/io/encoding.js';
import { ROOT } from '../helpers.js';
import { hostileCases } from './cases.js';
import { tempDir } from './helpers.js';

const MB = 1024 * 1024;
let dir: string;
const cases = hostileCases();

/** Every file under `root`: its bytes' hash and mtime. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(root, p)] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`;
    }
  };
  walk(root);
  return out;
}

/** The CLI as a process, with its peak memory (maxRSS, through a preloaded script). */
function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string; peakMB: number } {
  const rss = join(cwd, '..', `rss-${Math.random().toString(36).slice(2)}`);
  const preload = join(cwd, '..', 'measure.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.LRL_MAXRSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  // a heap of 200 MB: a draft that needed more would end the run (V8's out of memory), not pass unseen
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', '--require', preload, join(ROOT, 'bin', 'lawreport-lint.js'), ...args], {
    cwd, encoding: 'utf8', maxBuffer: 256 * MB, timeout: 170_000, env: { ...process.env, LRL_MAXRSS_FILE: rss },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, peakMB: Number(readFileSync(rss, 'utf8')) / 1024 };
}

beforeAll(() => {
  dir = join(tempDir('group'), 'drafts');
  mkdirSync(join(dir, 'township', 'rules'), { recursive: true });
  for (const c of cases) writeFileSync(join(dir, c.name), c.bytes);
  // a township's own rule, catastrophic for a backtracking engine, and two drafts it reads
  writeFileSync(join(dir, 'township', '.lawreport-lint.yaml'), 'rulesDir: rules\n');
  writeFileSync(join(dir, 'township', 'rules', 'slow.yaml'),
    "id: slow\ntype: existence\nsummary: 测试\nseverity: warning\nmessage: 慢\npatterns:\n  - regex: '(a+){1,1000}$'\n  - regex: '(a|aa)+$'\nexamples: { valid: [甲], invalid: [乙] }\n");
  writeFileSync(join(dir, 'township', 'a-run.txt'), `关于2023年法治政府建设情况的报告\n${'a'.repeat(200_000)}!\n`);
  writeFileSync(join(dir, 'township', 'short.txt'), `关于2023年法治政府建设情况的报告\n${'a'.repeat(30)}!\n`);
});

describe('every attack at once, through the real CLI', () => {
  it('lint: one normal result or one clear line per draft, under 300 MB, nothing on disk changed', () => {
    const before = snapshot(dir);
    const r = run(['-f', 'jsonl', '--jobs', '1', '.'], dir);
    expect(r.status, r.stderr).toBe(2); // too-large.txt and binary.txt cannot be checked
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { filePath: string; diagnostics: { code: string; message: string }[]; error?: { message: string } });
    expect(lines.map((l) => l.filePath).sort()).toEqual([...cases.map((c) => c.name), 'township/a-run.txt', 'township/short.txt'].sort());
    for (const l of lines) {
      if (l.error) expect(l.error.message, l.filePath).toMatch(/^[^\n]{10,300}$/);
      for (const d of l.diagnostics) expect(d.message, l.filePath).not.toContain('\n');
    }
    const errors = Object.fromEntries(lines.filter((l) => l.error).map((l) => [l.filePath, l.error!.message]));
    expect(Object.keys(errors).sort()).toEqual(['binary.txt', 'too-large.txt', 'too-many-lines.txt']);
    expect(errors['too-many-lines.txt']).toMatch(/^稿件有 200,0\d\d 行，超过了检查的上限 104,857 行/);
    expect(errors['too-large.txt']).toContain('--max-draft-size');
    // the township's slow rule is stopped on the long run and named; its other drafts are linted
    const township = lines.find((l) => l.filePath === 'township/a-run.txt')!;
    expect(township.diagnostics.filter((d) => d.code === 'rule-timeout').map((d) => d.message)).toEqual([expect.stringMatching(/^规则 slow 在这份稿件上超过了/)]);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('lawreport-lint: '))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.peakMB).toBeLessThan(300);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--fix: only drafts change, each in its own encoding, and no temporary file is left', () => {
    const copy = join(dir, '..', 'fix');
    cpSync(dir, copy, { recursive: true });
    const before = snapshot(copy);
    const r = run(['--fix', '-f', 'jsonl', '--jobs', '1', '.'], copy);
    expect(r.status).toBe(2);
    expect(r.peakMB).toBeLessThan(300);
    const after = snapshot(copy);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.every((f) => /\.(txt|md)$/.test(f) && !f.startsWith('township/rules'))).toBe(true);
    expect(changed).toContain('half-width-commas.txt');
    expect(decode(readFileSync(join(copy, 'gbk.txt'))).encoding).toBe('gb18030');
    // the stray bytes are kept where they were: the file still ends with them
    expect([...readFileSync(join(copy, 'stray-bytes.txt')).subarray(-4)]).toEqual([0xff, 0xfe, 0xe4, 0xb8]);
  });
});

/**
 * --previous in the reports for people: which earlier report each draft was
 * paired with (it used to be said on stderr only), and --explain-matches with
 * --previous explaining the previous-plan-followed decisions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, runCli, tempDir } from '../batch/helpers.js';

let dir: string;

beforeAll(() => {
  dir = tempDir('lrl-previous-');
  mkdirSync(join(dir, '2023'));
  mkdirSync(join(dir, '2022'));
  writeFileSync(join(dir, '2023', 'tushan-2023.txt'), corpus('tushan-2023'));
  writeFileSync(join(dir, '2023', 'xinji-2023.txt'), corpus('xinji-2023'));
  // last year's tushan: the same report a year earlier
  writeFileSync(join(dir, '2022', 'tushan-2022.txt'), corpus('tushan-2023').replaceAll('2023', '2022').replaceAll('2024', '2023'));
});

describe('--previous in table and html', () => {
  it('table lists each draft with the report it was paired with, or that none was found', async () => {
    const run = await runCli(['2023', '-f', 'table', '--previous', '2022', '--no-config-lookup'], dir);
    const section = run.stdout.slice(run.stdout.indexOf('对照的上一年度报告（--previous）')).split('\n').slice(1, 3);
    expect(section).toEqual(['  2023/tushan-2023.txt ← 2022/tushan-2022.txt', '  2023/xinji-2023.txt ← （没有找到，未对照上年的工作安排）']);
  });

  it('html shows the pairs, and a finding pointing into last year\'s report names that file', async () => {
    const run = await runCli(['2023', '-f', 'html', '--previous', '2022', '--no-config-lookup'], dir);
    expect(run.stdout).toContain('<h2>对照的上一年度报告（--previous）</h2>');
    expect(run.stdout).toContain('<td class="file">2023/tushan-2023.txt</td><td class="file">2022/tushan-2022.txt</td>');
    // previous-plan-followed quotes last year's plan, at its place in last year's file
    expect(run.stdout).toMatch(/<p class="related">参见 <span class="file">2022\/tushan-2022\.txt<\/span> <span class="loc">26:\d+<\/span>上一年度的安排：/);
  });
});

describe('--explain-matches with --previous', () => {
  it('explains previous-plan-followed: last year\'s plan items against this year\'s achievements', async () => {
    const run = await runCli(['--explain-matches', '2023/tushan-2023.txt', '--previous', '2022', '--no-config-lookup'], dir);
    expect(run.code).toBe(0);
    const part = run.stdout.slice(run.stdout.indexOf('对照的上一年度报告：2022/tushan-2022.txt'));
    expect(part).toContain('previous-plan-followed：匹配度 = 0.6 × 领域重合 + 0.4 × 词语重合；低于 0.3 即报告');
    expect(part).toContain('今年成效：\n  P1  （1） 基层智治有力有效');
    // the plan of 2022 (一是…五是) against the six achievements of 2023; 五是 (普法) is answered by （3）
    expect(part).toMatch(/\nS5 五是全面推动“八五”普法规划落实[^\n]*0\.60✓/);
    expect(part.match(/\nS\d /g)).toHaveLength(5);
  });

  it('says so when last year\'s folder has no report of the same unit', async () => {
    const run = await runCli(['--explain-matches', '2023/xinji-2023.txt', '--previous', '2022', '--no-config-lookup'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lawreport-lint: --previous 2022 中没有同一单位上一年度的报告（按标题中的机关名称和文件名配对）\n');
  });
});

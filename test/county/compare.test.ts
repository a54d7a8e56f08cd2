/**
 * --compare on two runs of edited corpus copies: the first run's jsonl output is
 * the record; the drafts are then revised (a cause analysis added, a part
 * added, one taken out), one township is new, one did not send a draft, one
 * report is of the next year. table, html, xlsx and --output-dir say per organ
 * what changed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, runCli, type JsonEntry } from '../batch/helpers.js';
import { readWorkbook } from './helpers.js';
import { tempDir } from '../batch/helpers.js';

let dir: string;
let record: JsonEntry[];
let now: JsonEntry[];
const total = (e: JsonEntry) => e.diagnostics.length;
const of = (entries: JsonEntry[], file: string) => entries.find((e) => e.filePath.endsWith(file))!;

beforeAll(async () => {
  dir = tempDir('lrl-compare-');
  const drafts = join(dir, '乡镇报告');
  mkdirSync(drafts);
  const put = (name: string, text: string) => writeFileSync(join(drafts, name), text);
  put('tianxingsi-2022.txt', corpus('tianxingsi-2022'));
  put('tushan-2023.txt', corpus('tushan-2023'));
  put('xinji-2023.txt', corpus('xinji-2023'));
  put('baishui-2023.txt', corpus('tushan-2023').replaceAll('涂山镇', '白水镇'));
  const last = await runCli(['乡镇报告', '-f', 'jsonl', '-o', 'last.jsonl', '--no-config-lookup'], dir);
  expect(last.code).toBe(1);
  record = readFileSync(join(dir, 'last.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  // the revised drafts
  rmSync(join(drafts, 'baishui-2023.txt'));
  // tianxingsi drops its cause analysis: a new failure
  put('tianxingsi-2022.txt', corpus('tianxingsi-2022').replace(/\n存在上述问题的原因主要有：[^\n]*/, ''));
  // tushan is next year's report, which analyses its causes: fixed
  put('tushan-2023.txt', corpus('tushan-2023').replaceAll('2024', '2025').replaceAll('2023', '2024')
    .replace('实现根本性转变的思路、举措和机制还需推进完善。', '实现根本性转变的思路、举措和机制还需推进完善。存在上述问题的原因主要是基层法治专业力量不足。'));
  // xinji adds the missing part: fixed
  put('xinji-2023.txt', `${corpus('xinji-2023').trimEnd()}\n五、其他需要报告的情况\n无。\n`);
  // a township that was not in last year's run
  put('qingshan-2023.txt', corpus('xinji-2023').replaceAll('辛集乡', '青山乡'));
  now = JSON.parse((await runCli(['乡镇报告', '-f', 'json', '--no-config-lookup'], dir)).stdout);
}, 60_000);

describe('--compare LAST_RUN.jsonl', () => {
  it('table: per organ, failures then and now, what was fixed, what is new, the counts', async () => {
    const run = await runCli(['乡镇报告', '-f', 'table', '--compare', 'last.jsonl', '--no-config-lookup'], dir);
    const section = run.stdout.slice(run.stdout.indexOf('与上次检查相比（--compare last.jsonl）')).trim().split('\n').slice(1).map((l) => l.trim());
    expect(section).toEqual([
      // the drafts in path order: qingshan, tianxingsi, tushan, xinji; then the record's draft nobody sent again
      `青山乡：去年的记录中没有这个单位，今年 ${4} 项未通过`,
      `天星寺镇：上次 3 项未通过，本次 4 项；新出现：分析了不足的原因；问题 ${total(of(record, 'tianxingsi-2022.txt'))} → ${total(of(now, 'tianxingsi-2022.txt'))} 个`,
      `涂山镇：去年 5 项未通过，今年 4 项；已改正：分析了不足的原因；问题 ${total(of(record, 'tushan-2023.txt'))} → ${total(of(now, 'tushan-2023.txt'))} 个`,
      `辛集乡：上次 4 项未通过，本次 3 项；已改正：五个部分齐全；问题 ${total(of(record, 'xinji-2023.txt'))} → ${total(of(now, 'xinji-2023.txt'))} 个`,
      '重庆市南岸区白水镇人民政府（乡镇报告/baishui-2023.txt）：本次检查中没有这个单位的稿件',
    ]);
    // the record's review agrees with what the first run found
    const tushan = of(record, 'tushan-2023.txt') as JsonEntry & { review: { year: number; checklist: { id: string; status: string }[] } };
    expect(tushan.review.year).toBe(2023);
    expect(tushan.review.checklist.find((c) => c.id === 'causes')!.status).toBe('fail');
  });

  it('html, xlsx and --output-dir show the same changes', async () => {
    const html = await runCli(['乡镇报告', '-f', 'html', '--compare', 'last.jsonl', '--no-config-lookup'], dir);
    expect(html.stdout).toContain('与上次检查相比 <small>last.jsonl</small>');
    expect(html.stdout).toMatch(/<tr><td>涂山镇<small>乡镇报告\/tushan-2023\.txt<\/small><\/td><td>乡镇报告\/tushan-2023\.txt<\/td><td class="num">5<\/td><td class="num">4<\/td><td class="better">分析了不足的原因<\/td><td class="worse"><\/td>/);
    expect(html.stdout).toContain('以下单位在 last.jsonl 中有记录，本次没有收到稿件：重庆市南岸区白水镇人民政府（乡镇报告/baishui-2023.txt）');

    await runCli(['乡镇报告', '--output-dir', '审核意见', '--compare', 'last.jsonl', '--no-config-lookup'], dir);
    const ret = readFileSync(join(dir, '审核意见', '重庆市南岸区涂山镇人民政府-2024-审核意见.html'), 'utf8');
    expect(ret).toContain('<b>与去年相比</b>（last.jsonl）：涂山镇：去年 5 项未通过，今年 4 项');
    expect(ret).toContain('<li class="better">已改正：分析了不足的原因</li>');
    const sheet = (await readWorkbook(join(dir, '审核意见', '汇总.xlsx'))).get('对比')!;
    expect(sheet[0]).toEqual(['单位', '稿件', '对照的记录', '原未通过', '现未通过', '已改正', '新出现', '原问题数', '现问题数']);
    const tian = sheet.find((r) => r[0] === '天星寺镇')!;
    expect(tian.slice(2, 7)).toEqual(['乡镇报告/tianxingsi-2022.txt', '3', '4', '', '分析了不足的原因']);
    expect(sheet.find((r) => r[1] === '（本次没有收到）')![2]).toBe('乡镇报告/baishui-2023.txt');
  });

  it('says what is wrong with a file that is not a record', async () => {
    writeFileSync(join(dir, 'notes.txt'), '去年的审核意见\n');
    const bad = await runCli(['乡镇报告', '-f', 'table', '--compare', 'notes.txt', '--no-config-lookup'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('lawreport-lint: --compare notes.txt：第 1 行不是一条 JSON 记录；--compare 要的是上次用 -f jsonl 输出的文件\n');
    const missing = await runCli(['乡镇报告', '--compare', 'nope.jsonl', '--no-config-lookup'], dir);
    expect(missing.stderr).toBe('lawreport-lint: --compare nope.jsonl：找不到这个文件\n');
  });
});

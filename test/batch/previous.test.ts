/**
 * --previous: last year's plan, followed through (rule previous-plan-followed,
 * a correspondence rule over last year's plan part and this year's achievements).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nameKey as nameKeyWith, organKey as organKeyWith, pairPrevious, unitVocabulary, type UnitInfo } from '../../src/batch/previous.js';
import { loadBuiltins } from '../../src/config/builtin.js';

const UNITS = unitVocabulary((await loadBuiltins()).lexicons);
const organKey = (organ: string) => organKeyWith(organ, UNITS);
const nameKey = (path: string) => nameKeyWith(path, UNITS);
import { runCli, tempDir, type JsonEntry } from './helpers.js';

const LAST_YEAR = `平安县青山镇人民政府
关于2022年法治政府建设情况的报告

一、2022年推进法治政府建设的主要举措和成效
（一）加强规范性文件管理。全年审核规范性文件5件，备案率100%。
二、2022年推进法治政府建设存在的不足和原因
一是执法人员专业能力不足。原因主要是培训不够系统。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记全年主持召开党委会专题研究法治工作3次。
四、2023年推进法治政府建设的主要安排
（一）加强行政执法人员培训，提升执法规范化水平。
（二）深入开展“八五”普法宣传，推进法治宣传教育进村入户。
（三）完善重大行政决策程序，落实合法性审查和法律顾问制度。
五、其他需要报告的情况
无。
`;

const THIS_YEAR = `平安县青山镇人民政府
关于2023年法治政府建设情况的报告

一、2023年推进法治政府建设的主要举措和成效
（一）强化执法队伍建设。组织行政执法人员培训4次，参训86人次，执法人员持证上岗率100%。
（二）深入推进普法宣传。开展“八五”普法宣传活动23场，发放宣传资料5000余份，建设法治宣传阵地3处。
二、2023年推进法治政府建设存在的不足和原因
一是基层法治力量薄弱。原因主要是编制有限、人员流动频繁。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记全年主持召开党委会专题研究法治工作4次，带头旁听庭审1次。
四、2024年推进法治政府建设的主要安排
（一）充实基层法治力量，配齐配强执法人员。
五、其他需要报告的情况
无。
`;

const planFollowed = (e: JsonEntry) => e.diagnostics.filter((d) => d.code === 'previous-plan-followed');

describe('previous-plan-followed with --previous', () => {
  test('last year’s plan of three items, two reflected this year: exactly the third is reported', async () => {
    const dir = tempDir('lrl-previous-');
    writeFileSync(join(dir, '青山镇-2022.txt'), LAST_YEAR);
    writeFileSync(join(dir, '青山镇-2023.txt'), THIS_YEAR);
    const r = await runCli(['青山镇-2023.txt', '--previous', '青山镇-2022.txt', '-f', 'json'], dir);
    const [entry] = JSON.parse(r.stdout) as JsonEntry[];
    const found = planFollowed(entry);
    expect(found, JSON.stringify(entry.diagnostics.map((d) => d.code))).toHaveLength(1);
    const [d] = found;
    expect(d.message).toContain('重大行政决策');
    expect(d.message).not.toMatch(/培训|普法/);
    expect(d.severity).toBe(2);
    // reported on this year's draft, pointing at the old plan item in last year's report
    const previousRef = d.relatedInformation?.find((ri) => ri.location.uri.endsWith(encodeURI('青山镇-2022.txt')));
    expect(previousRef?.location.range.start.line).toBe(12);
    expect(r.stderr).not.toContain('没有找到');
  });

  test('a --previous path that does not exist is a usage error', async () => {
    const dir = tempDir('lrl-previous-');
    writeFileSync(join(dir, '青山镇-2023.txt'), THIS_YEAR);
    const r = await runCli(['青山镇-2023.txt', '--previous', '2022年报告'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous 2022年报告: 找不到这个文件或文件夹');
  });

  test('without --previous the rule is silent', async () => {
    const dir = tempDir('lrl-previous-');
    writeFileSync(join(dir, '青山镇-2023.txt'), THIS_YEAR);
    const r = await runCli(['青山镇-2023.txt', '-f', 'json'], dir);
    expect(planFollowed((JSON.parse(r.stdout) as JsonEntry[])[0])).toEqual([]);
  });

  test('a folder of last year’s reports: paired by organ, else by file name; unpaired drafts are listed, not failed', async () => {
    const dir = tempDir('lrl-previous-');
    mkdirSync(join(dir, '2022'));
    mkdirSync(join(dir, '2023'));
    // last year the organ was written without the county; the file names say nothing
    writeFileSync(join(dir, '2022', 'a.txt'), LAST_YEAR.replace('平安县青山镇人民政府', '青山镇人民政府'));
    writeFileSync(join(dir, '2022', '白水乡2022年报告.txt'), LAST_YEAR.replace('平安县青山镇人民政府\n', ''));
    writeFileSync(join(dir, '2023', 'b.txt'), THIS_YEAR);
    writeFileSync(join(dir, '2023', '白水乡-2023.txt'), THIS_YEAR.replace('平安县青山镇人民政府\n', ''));
    writeFileSync(join(dir, '2023', '红岩村-2023.txt'), THIS_YEAR.replace('平安县青山镇人民政府', '平安县红岩乡人民政府'));
    const r = await runCli(['2023', '--previous', '2022', '-f', 'json'], dir);
    const results = JSON.parse(r.stdout) as JsonEntry[];
    const byName = (n: string) => results.find((e) => e.filePath === join('2023', n))!;
    expect(planFollowed(byName('b.txt'))).toHaveLength(1);
    expect(planFollowed(byName('白水乡-2023.txt'))).toHaveLength(1);
    expect(planFollowed(byName('红岩村-2023.txt'))).toHaveLength(0);
    expect(r.stderr).toContain('以下 1 份稿件没有找到同一单位上一年度的报告');
    expect(r.stderr).toContain(join('2023', '红岩村-2023.txt'));
    expect(r.code).toBe(0); // warnings only: being unpaired is not a failure
  });
});

describe('pairing', () => {
  test('the unit in an organ name and in a file name', () => {
    expect(organKey('重庆市南岸区涂山镇人民政府')).toBe('重庆市南岸区涂山镇');
    expect(organKey('中共天星寺镇委员会、天星寺镇人民政府')).toBe('天星寺镇');
    expect(organKey('某某街道办事处')).toBe('某某街道');
    expect(nameKey('乡镇/涂山镇2023年法治政府建设情况报告.docx')).toBe('涂山镇');
    expect(nameKey('tushan-2023.txt')).toBe('tushan');
    expect(nameKey('天星寺镇人民政府关于2022年度法治政府建设情况的报告（修改稿）.docx')).toBe('天星寺镇');
  });

  const unit = (path: string, organ: string | undefined, year?: number): UnitInfo => ({ path, organ: organ && organKey(organ), name: nameKey(path), year });

  test('the same unit, the year before; never itself, never a later year', () => {
    const previous = [
      unit('p/涂山镇-2021.txt', '涂山镇人民政府', 2021),
      unit('p/涂山镇-2022.txt', '涂山镇人民政府', 2022),
      unit('p/天星寺镇-2022.txt', '天星寺镇人民政府', 2022),
      unit('p/涂山镇-2024.txt', '涂山镇人民政府', 2024),
    ];
    expect(pairPrevious(unit('d/x.txt', '重庆市南岸区涂山镇人民政府', 2023), previous)?.path).toBe('p/涂山镇-2022.txt');
    expect(pairPrevious(unit('d/天星寺镇.txt', undefined, 2023), previous)?.path).toBe('p/天星寺镇-2022.txt');
    expect(pairPrevious(unit('d/黄桷垭镇.txt', '黄桷垭镇人民政府', 2023), previous)).toBeUndefined();
    expect(pairPrevious(unit('p/涂山镇-2022.txt', '涂山镇人民政府', 2022), previous)?.path).toBe('p/涂山镇-2021.txt');
  });
});

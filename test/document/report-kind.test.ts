/**
 * Report kinds (issue 11, DOMAIN.md §7): read from the title's organ, by name or by
 * place; from 我镇/我局 when the title has none; set by `reportKind` in a config or
 * preset; and every message that gives an example gives one of the report's kind.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { compileConfig } from '../../src/config/compile.js';
import { resolveConfig } from '../../src/config/load.js';
import { Linter } from '../../src/linter.js';
import { configProblems, linterWith, model } from '../helpers.js';

const BODY = '\n一、主要举措和成效\n（一）规范执法。办理案件12件。\n';

describe('the kind from the title', () => {
  it.each([
    ['龙溪镇人民政府关于2023年法治政府建设情况的报告', 'township', '龙溪镇人民政府'],
    ['龙溪镇2024年法治政府建设情况报告', 'township', '龙溪镇'],
    ['中共石桥乡委员会 石桥乡人民政府关于2023年法治政府建设情况的报告', 'township', '中共石桥乡委员会 石桥乡人民政府'],
    ['东湖街道办事处关于2023年法治政府建设工作情况的报告', 'township', '东湖街道办事处'],
    ['城口县2020年度法治政府建设情况报告', 'county', '城口县'],
    ['2023年城口县法治政府建设情况报告', 'county', '城口县'],
    ['关于城口县2023年法治政府建设情况的报告', 'county', '城口县'],
    ['青山区人民政府关于2023年法治政府建设情况的报告', 'county', '青山区人民政府'],
    ['青州市人民政府关于2023年法治政府建设情况的报告', 'county', '青州市人民政府'],
    ['云溪县司法局关于2023年法治政府建设工作情况的报告', 'department', '云溪县司法局'],
    ['云溪县卫生健康委员会2023年度法治政府建设情况报告', 'department', '云溪县卫生健康委员会'],
    ['云溪县人民政府办公室关于2023年法治政府建设情况的报告', 'department', '云溪县人民政府办公室'],
    // a county named by one character: the place is the organ as for 城口县
    ['沛县2023年法治政府建设情况报告', 'county', '沛县'],
    ['2023年兴县法治政府建设情况报告', 'county', '兴县'],
    ['关于滑县2023年法治政府建设情况的报告', 'county', '滑县'],
  ])('%s → %s', async (title, kind, organ) => {
    const doc = await model(title + BODY);
    expect(doc.title?.organ?.text).toBe(organ);
    expect(doc.reportKind).toMatchObject({ kind, by: 'title', found: organ });
  });

  it.each(['全县2023年法治政府建设情况报告', '2023年全区法治政府建设情况报告', '关于我镇2023年法治政府建设情况的报告'])('%s names no organ: 全县, 我镇 point at one', async (title) => {
    const doc = await model(title + BODY);
    expect(doc.title?.organ).toBeUndefined();
  });

  it('an organ line above the title counts the same', async () => {
    const doc = await model(`云溪县卫生健康委员会\n2023年度法治政府建设情况报告${BODY}`);
    expect(doc.reportKind).toMatchObject({ kind: 'department', by: 'title' });
  });

  it('without an organ, the text’s self-references decide (the most frequent); with none, the default', async () => {
    expect((await model(`关于2023年法治政府建设情况的报告\n2023年，我局坚持依法行政，我局全年办理案件12件，我镇配合。${BODY}`)).reportKind)
      .toMatchObject({ kind: 'department', by: 'text', found: '我局' });
    expect((await model(`关于2023年法治政府建设情况的报告${BODY}`)).reportKind).toMatchObject({ kind: 'township', by: 'default' });
  });
});

describe('reportKind in the config and the county and department presets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-kind-'));
  const linterFor = async (yaml: string) => {
    const sub = mkdtempSync(join(dir, 'c-'));
    writeFileSync(join(sub, '.lawreport-lint.yaml'), yaml);
    return new Linter(await compileConfig(await resolveConfig({ configFile: join(sub, '.lawreport-lint.yaml'), cwd: sub })));
  };
  const township = `龙溪镇人民政府关于2023年法治政府建设情况的报告${BODY}`;

  it('a kind set in the config wins over the title; auto reads the title', async () => {
    const set = await linterFor('reportKind: department\n');
    expect(set.lint(township).document.reportKind).toMatchObject({ kind: 'department', by: 'config' });
    const auto = await linterFor('reportKind: auto\n');
    expect(auto.lint(township).document.reportKind).toMatchObject({ kind: 'township', by: 'title' });
  });

  it('the presets set their kind, and the config may set another', async () => {
    expect((await linterWith({ preset: 'county' })).lint(township).document.reportKind.kind).toBe('county');
    expect((await linterWith({ preset: 'department' })).lint(township).document.reportKind.kind).toBe('department');
    const over = await linterFor('extends: county\nreportKind: township\n');
    expect(over.config.resolved).toMatchObject({ reportKind: 'township' });
    expect(over.lint(township).document.reportKind.by).toBe('config');
  });

  it('a kind that does not exist is a config error with the allowed values', async () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(sub, '.lawreport-lint.yaml'), 'reportKind: city\n');
    const text = await configProblems(async () => compileConfig(await resolveConfig({ configFile: join(sub, '.lawreport-lint.yaml'), cwd: sub })));
    expect(text).toContain('.lawreport-lint.yaml:1:13');
    expect(text).toMatch(/auto.*township.*county.*department/);
  });

  it('--print-config shows the kind and where it was set', async () => {
    const sub = join(dir, 'pc');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, '.lawreport-lint.yaml'), 'extends: department\n');
    writeFileSync(join(sub, 'd.txt'), township);
    let out = '';
    const io = { stdout: (s: string) => { out += s; }, stderr: () => {}, cwd: sub };
    expect(await main(['--print-config', 'd.txt'], io as never)).toBe(0);
    expect(JSON.parse(out).reportKind).toEqual({ value: 'department', from: '预设 department' });
    out = '';
    writeFileSync(join(sub, '.lawreport-lint.yaml'), 'rules: {}\n');
    expect(await main(['--print-config', 'd.txt'], io as never)).toBe(0);
    expect(JSON.parse(out).reportKind).toEqual({ value: 'auto', from: '默认（从标题中的发文机关判断）' });
  });

  it('the county preset asks the duties of a county government, and makes the order a hint', async () => {
    const county = await linterWith({ preset: 'county' });
    const text = '城口县人民政府关于2023年法治政府建设情况的报告\n一、县政府主要负责同志履行推进法治建设第一责任人职责情况\n主持召开县政府常务会议专题研究法治工作4次，带头会前学法6次，年终述法。\n二、主要举措和成效\n（一）规范执法。办理案件12件。\n';
    const ds = county.lint(text, { strict: true }).diagnostics;
    expect(ds.find((d) => d.code === 'part-order')?.severity).toBe(3);
    // three township groups are enough for recommended; a county's duties need four
    expect(ds.find((d) => d.code === 'first-responsible-person')?.message).toContain('至少应写4方面');
    const recommended = (await linterWith()).lint(text, { strict: true }).diagnostics;
    expect(recommended.find((d) => d.code === 'first-responsible-person')).toBeUndefined();
    expect(recommended.find((d) => d.code === 'part-order')?.severity).toBe(2);
  });

  it('the department preset makes the order a hint too: departments report the duties second as often', async () => {
    const text = '城口县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n（一）规范执法。办理案件12件。\n二、局党组书记、局长履行推进法治建设第一责任人职责情况\n主持召开局党组会议专题研究法治工作4次。\n三、存在的不足和原因\n一是力量不足。原因是编制紧张。\n';
    const order = async (preset?: string) => (await linterWith(preset ? { preset } : {})).lint(text, { strict: true }).diagnostics.find((d) => d.code === 'part-order')?.severity;
    expect(await order('department')).toBe(3);
    expect(await order()).toBe(2);
  });
});

describe('examples in messages are of the report’s own kind', () => {
  const EXAMPLES = { township: ['辛集乡人民政府', '党委会议'], county: ['城口县人民政府', '县政府常务会议'], department: ['城口县司法局', '局党组会议'] };
  const others = (kind: keyof typeof EXAMPLES) => Object.entries(EXAMPLES).filter(([k]) => k !== kind).flatMap(([, w]) => w);
  // no organ in the title, a duties part with neither figure nor date: title-format and duties-concrete give examples
  const draft = (self: string) => `关于2023年法治政府建设情况的报告\n${self}坚持依法行政。\n一、主要举措和成效\n（一）规范执法。办理案件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人高度重视，认真履行第一责任人职责。\n`;

  it.each([['township', '我镇'], ['county', '我县'], ['department', '我局']] as const)('%s (%s)', async (kind, self) => {
    const { diagnostics, document } = (await linterWith()).lint(draft(self), { strict: true });
    expect(document.reportKind.kind).toBe(kind);
    const organ = diagnostics.find((d) => d.code === 'title-format')!;
    expect(organ.message).toContain(`如“${EXAMPLES[kind][0]}”`);
    const concrete = diagnostics.find((d) => d.code === 'duties-concrete')!;
    expect(concrete.data?.help).toContain(`主持召开${EXAMPLES[kind][1]}`);
    const words = diagnostics.flatMap((d) => [d.message, d.data?.help ?? '', ...(d.relatedInformation ?? []).map((r) => r.message)]).join('\n');
    for (const w of others(kind)) expect(words).not.toContain(w);
    expect(words).not.toMatch(/\{\{\w+\}\}/);
  });

  it('no shipped rule names an organ, a leader or a meeting of one kind in its messages or help', async () => {
    const { rules } = (await linterWith()).config.resolved;
    for (const def of rules.values()) {
      const texts = [...Object.values(def.messages), def.help ?? ''].join('\n');
      for (const w of Object.values(EXAMPLES).flat()) expect(texts, def.id).not.toContain(w);
    }
  });
});

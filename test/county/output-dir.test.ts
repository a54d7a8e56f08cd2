/**
 * --output-dir and -f xlsx on a county office's folder: one return per draft,
 * an index linking them, and the summary workbook, read back with exceljs's
 * reader and converted by LibreOffice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type JsonEntry, type Run } from '../batch/helpers.js';
import { countyFolder, libreOfficeCsv, readWorkbook } from './helpers.js';

const RETURNS = ['重庆市南岸区涂山镇人民政府-2023-审核意见.html', '重庆市巴南区天星寺镇人民政府-2022-审核意见.html', '鲁山县辛集乡人民政府-2023-审核意见.html', '空白-审核意见.html'];
/** By organ in pinyin order: 重庆市巴南区 (chóngqìng bā…), 重庆市南岸区 (…nán…), 鲁山县 (lǔ); the unreadable file last. */
const ORGANS = ['重庆市巴南区天星寺镇人民政府', '重庆市南岸区涂山镇人民政府', '鲁山县辛集乡人民政府'];

let dir: string;
let run: Run;
let json: JsonEntry[];
const out = () => join(dir, '审核意见');
const page = (name: string) => readFileSync(join(out(), name), 'utf8');
const of = (file: string) => json.find((e) => e.filePath.endsWith(file))!;
const count = (e: JsonEntry, s: number) => e.diagnostics.filter((d) => (s === 3 ? d.severity >= 3 : d.severity === s)).length;

beforeAll(async () => {
  dir = countyFolder();
  run = await runCli(['乡镇报告', '--output-dir', '审核意见', '--no-config-lookup'], dir);
  json = JSON.parse((await runCli(['乡镇报告', '-f', 'json', '--no-config-lookup'], dir)).stdout);
}, 60_000);

describe('--output-dir', () => {
  it('writes one return per draft, named by organ and year, its reviewed Word copy, plus index.html and 汇总.xlsx', () => {
    expect(run.code).toBe(2); // 空白.txt cannot be read
    const copies = RETURNS.slice(0, 3).map((n) => n.replace(/\.html$/, '.docx'));
    expect(readdirSync(out()).sort()).toEqual([...RETURNS, ...copies, 'index.html', '汇总.xlsx'].sort());
    expect(run.stdout).toBe('已写入 审核意见：4 份审核意见（每份稿件一份可打印的 .html，能检查的另有一份 Word 批注版 .docx）、index.html、汇总.xlsx\n');
  });

  it('the Word copy is the draft with its findings as comments (the --annotate writer)', async () => {
    const bytes = readFileSync(join(out(), '重庆市南岸区涂山镇人民政府-2023-审核意见.docx'));
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    const comments = strFromU8(files['word/comments.xml']);
    expect(comments).toContain('上千余');
    expect(strFromU8(files['word/document.xml'])).toContain('调处各类矛盾纠纷');
  });

  it('gives each township its checklist, every finding in its sentence with 依据 and 建议, the rules explained, a line to sign', () => {
    const tushan = page(RETURNS[0]);
    const e = of('tushan-2023.txt');
    expect(tushan).toContain('<h1>重庆市南岸区涂山镇人民政府</h1>');
    expect(tushan).toContain('一、审核清单');
    expect(tushan.match(/<tr class="st-(pass|fail|unchecked)">/g)).toHaveLength(7);
    expect(tushan.match(/<li class="sev-\d"><span class="loc">/g)).toHaveLength(e.diagnostics.length);
    expect(tushan.match(/<blockquote>[^<]*<mark>/g)!.length).toBeGreaterThanOrEqual(e.diagnostics.length);
    expect(tushan).toContain('调处各类矛盾纠纷<mark>上千余</mark>件');
    expect(tushan).toContain('依据：《法治政府建设与责任落实督察工作规定》');
    expect(tushan).toContain('建议：');
    for (const id of new Set(e.diagnostics.map((d) => d.code))) expect(tushan).toContain(`<dt id="rule-${id}">`);
    expect(tushan).toContain('审核人：');
    // a return leaves the machine: no link to a file here, no script
    for (const name of RETURNS) {
      expect(page(name)).not.toMatch(/file:|<script|\ssrc=/);
      for (const [, href] of page(name).matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#rule-[a-z-]+$/);
    }
    expect(page('空白-审核意见.html')).toContain('这份稿件无法检查：文件是空的');
  });

  it('links every return from the index, by organ in pinyin order', () => {
    const index = page('index.html');
    const links = [...index.matchAll(/<a href="([^"#]*)">([^<]*)<\/a>/g)].map((m) => [decodeURI(m[1]), m[2]]);
    expect(links).toEqual([
      ['汇总.xlsx', '汇总.xlsx'],
      ['重庆市巴南区天星寺镇人民政府-2022-审核意见.html', ORGANS[0]], ['重庆市巴南区天星寺镇人民政府-2022-审核意见.docx', 'Word 批注版'],
      ['重庆市南岸区涂山镇人民政府-2023-审核意见.html', ORGANS[1]], ['重庆市南岸区涂山镇人民政府-2023-审核意见.docx', 'Word 批注版'],
      ['鲁山县辛集乡人民政府-2023-审核意见.html', ORGANS[2]], ['鲁山县辛集乡人民政府-2023-审核意见.docx', 'Word 批注版'],
      ['空白-审核意见.html', '乡镇报告/空白.txt'],
    ]);
    for (const [href] of links) expect(existsSync(join(out(), href))).toBe(true);
  });
});

describe('the workbook (汇总.xlsx)', () => {
  let sheets: Map<string, string[][]>;
  beforeAll(async () => {
    sheets = await readWorkbook(join(out(), '汇总.xlsx'));
  });

  it('has the sheets 汇总, 问题明细 and 规则', () => {
    expect([...sheets.keys()]).toEqual(['汇总', '问题明细', '规则']);
  });

  it('汇总: one row per draft by organ, parts ✓/✗, each requirement, the counts; the unreadable one with its reason', () => {
    const [header, ...rows] = sheets.get('汇总')!;
    expect(header).toEqual([
      '单位', '年度', '稿件', '举措成效', '不足原因', '第一责任人', '下年安排', '其他情况',
      '五个部分齐全', '各部分顺序符合督察工作规定', '第一责任人履职情况具体', '每项举措都有具体数字', '分析了不足的原因', '每项不足都有下一年度的对应安排', '年份前后一致',
      '错误', '警告', '提示', '主要问题',
    ]);
    expect(rows.map((r) => r[0])).toEqual([...ORGANS, '']);
    const col = (name: string) => header.indexOf(name);
    const tushan = rows[1];
    expect(tushan.slice(1, 8)).toEqual(['2023', '乡镇报告/tushan-2023.txt', '✓', '✓', '✓', '✓', '✓']);
    expect([tushan[col('五个部分齐全')], tushan[col('各部分顺序符合督察工作规定')], tushan[col('分析了不足的原因')], tushan[col('每项举措都有具体数字')]]).toEqual(['通过', '未通过', '未通过', '未通过']);
    expect(rows[0][col('其他情况')]).toBe('✗');
    expect(rows[0][col('分析了不足的原因')]).toBe('通过');
    expect(rows[2][col('五个部分齐全')]).toBe('未通过');
    for (const [i, file] of ['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'].entries()) {
      const e = of(file);
      expect(rows[i].slice(col('错误'), col('提示') + 1)).toEqual([count(e, 1), count(e, 2), count(e, 3)].map(String));
    }
    expect(rows[2][col('主要问题')]).toContain('中文语句中使用了半角标点');
    expect(rows[3][2]).toBe('乡镇报告/空白.txt');
    expect(rows[3][col('主要问题')]).toMatch(/^无法检查：文件是空的/);
  });

  it('问题明细: one row per finding, its sentence quoted; 规则: the rules with their legal basis', () => {
    const [header, ...rows] = sheets.get('问题明细')!;
    expect(header.slice(0, 8)).toEqual(['单位', '年度', '稿件', '位置', '严重程度', '规则', '规则 id', '问题']);
    expect(rows).toHaveLength(json.reduce((n, e) => n + e.diagnostics.length, 0));
    // drafts in the summary's order, each draft's findings in its own order
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(ORGANS);
    const tian = of('tianxingsi-2022.txt');
    expect(rows.filter((r) => r[0] === ORGANS[0]).map((r) => r[6])).toEqual(tian.diagnostics.map((d) => d.code));
    const comma = rows.find((r) => r[0] === ORGANS[0] && r[6] === 'fullwidth-punctuation')!;
    expect(comma[5]).toBe('半角标点');
    expect(comma[8]).toMatch(/普法,充分运用/);
    const rules = sheets.get('规则')!;
    const causes = rules.find((r) => r[1] === 'causes-stated')!;
    expect(causes.slice(0, 4)).toEqual(['原因分析', 'causes-stated', '存在的不足部分应当分析原因', '错误']);
    expect(causes[4]).toContain('法治政府建设与责任落实督察工作规定');
  });

  it('reads the same in LibreOffice (converted to CSV)', () => {
    const rows = libreOfficeCsv(join(out(), '汇总.xlsx'));
    expect(rows[0].slice(0, 4)).toEqual(['单位', '年度', '稿件', '举措成效']);
    expect(rows.slice(1).filter((r) => r.some(Boolean)).map((r) => r[0])).toEqual([...ORGANS, '']);
    expect(rows[2].slice(0, 3)).toEqual(['重庆市南岸区涂山镇人民政府', '2023', '乡镇报告/tushan-2023.txt']);
    expect(rows[2][rows[0].indexOf('错误')]).toBe(String(count(of('tushan-2023.txt'), 1)));
  }, 180_000);
});

describe('-f xlsx', () => {
  it('writes the same workbook to -o, and refuses a terminal', async () => {
    const xlsx = await runCli(['乡镇报告', '-f', 'xlsx', '-o', '汇总.xlsx', '--no-config-lookup'], dir);
    expect(xlsx.code).toBe(2);
    const sheets = await readWorkbook(join(dir, '汇总.xlsx'));
    const again = await readWorkbook(join(out(), '汇总.xlsx'));
    expect(sheets).toEqual(again);
    const terminal = await runCli(['乡镇报告', '-f', 'xlsx', '--no-config-lookup'], dir);
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('xlsx 是 Excel 文件，不能输出到终端；请用 -o 指定文件');
  });
});

/**
 * Printing in a real browser: a township's return and the whole HTML report,
 * printed to PDF by Debian's chromium (playwright-core, as html.browser.test.ts
 * drives it) and read back as text with poppler's pdftotext (.ci/run installs
 * it). Every column of the tables is on the page (a column cut at the right edge
 * loses its text), and the checklist is printed, each draft's on a page of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../batch/helpers.js';
import { countyFolder } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PARTS = ['举措成效', '不足原因', '第一责任人', '下年安排', '其他情况'];

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  dir = countyFolder();
  await runCli(['乡镇报告', '--output-dir', '审核意见', '--no-config-lookup'], dir);
  writeFileSync(join(dir, 'report.html'), (await runCli(['乡镇报告', '-f', 'html', '--no-config-lookup'], dir)).stdout);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The page printed as the browser's print dialog would (its own @page size), each PDF page's text. */
async function printed(file: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  const pdf = `${file}.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim());
}

/** pdftotext breaks lines and puts spaces between table cells: compare without them. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('printing to PDF', () => {
  it('a return: A4 pages with the checklist, every finding with its sentence, 依据 and 建议, and the line to sign', async () => {
    const name = readdirSync(join(dir, '审核意见')).find((f) => f.startsWith('重庆市南岸区涂山镇') && f.endsWith('.html'))!;
    const pages = await printed(join(dir, '审核意见', name));
    expect(pages.length).toBeGreaterThan(1);
    const all = flat(pages.join(''));
    for (const label of ['一、审核清单', '五个部分齐全', '各部分顺序符合督察工作规定', '分析了不足的原因', '年份前后一致', '二、问题及修改建议', '三、规则说明']) expect(all).toContain(flat(label));
    expect(all).toContain(flat('调处各类矛盾纠纷上千余件'));
    expect(all).toContain(flat('依据：《法治政府建设与责任落实督察工作规定》'));
    expect(all).toContain('审核人：');
    expect(flat(pages[pages.length - 1])).toContain('审核单位（盖章）：');
  }, 60_000);

  it('the whole report: every column of the heat map and the drafts table, and each draft\'s checklist on its own page', async () => {
    const pages = await printed(join(dir, 'report.html'));
    const first = flat(pages.slice(0, 2).join(''));
    // the drafts table, last column included, and what its cells hold
    for (const head of ['稿件', '单位', '年度', ...PARTS, '错误', '警告', '提示', '主要问题']) expect(first).toContain(head);
    expect(first).toContain(flat('另有'));
    // the heat map's columns: the rules' Chinese names, the last one included
    for (const rule of ['原因分析', '转换残留', '半角标点', '多余空格', '合计']) expect(first).toContain(rule);
    // the checklist: each readable draft's sheet starts a page of its own
    const sheets = ['重庆市巴南区天星寺镇人民政府', '重庆市南岸区涂山镇人民政府', '鲁山县辛集乡人民政府'].map((organ) => pages.findIndex((p) => flat(p).startsWith(flat(organ))));
    expect(sheets.every((i) => i > 0)).toBe(true);
    expect(new Set(sheets).size).toBe(3);
    for (const i of sheets) expect(flat(pages[i])).toContain('五个部分齐全');
    expect(flat(pages.join(''))).toContain('审核人：');
  }, 60_000);
});

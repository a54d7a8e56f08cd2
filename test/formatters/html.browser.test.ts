/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core
 * (CI installs the package, see .ci/run; this test is never skipped). It opens
 * the file, checks the rows, sorts, expands a draft, switches to the checklist
 * tab, proves that a draft's <script> does not run and that nothing is fetched,
 * and saves screenshots (to $LAWREPORT_SCREENSHOTS, or a temp folder).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../src/formatters/html.js';
import { displayPath } from '../../src/formatters/overview.js';
import type { FileResult } from '../../src/types.js';
import { byFile, corpusResults, formatContext, lintResult } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A draft that tries to run script through its organ line and a placeholder the report quotes. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=\'img\'">镇人民政府关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）开展普法宣传【待补充<script>window.__pwned=\'quote\'</script>】次。',
].join('\n');

let dir: string;
let context: BrowserContext;
let page: Page;
let results: FileResult[];
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  dir = mkdtempSync(join(tmpdir(), 'lawreport-html-'));
  results = [...await corpusResults(), await lintResult('drafts/zz-<script>.txt', HOSTILE)];
  const ctx = await formatContext();
  const file = join(dir, 'report.html');
  writeFileSync(file, html(results, ctx));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pathToFileURL(file).href);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shownFiles = () => page.locator('#drafts tbody .file').allTextContents();
const ORDER = () => results.map((r) => displayPath(r.filePath, '/'));

describe('html report in chromium', () => {
  it('shows one row per draft by organ in pinyin order, unreadable files last with their reason', async () => {
    // “<img…>镇” (a symbol first), 重庆市巴南区 (chóngqìng bā…), 重庆市南岸区 (…nán…), 鲁山县 (lǔ); then 旧稿 (jiù), 空白 (kòng)
    const byOrgan = ['zz-<script>.txt', 'tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt', '旧稿.doc', '空白.txt'].map((f) => `drafts/${f}`);
    expect(await shownFiles()).toEqual(byOrgan);
    expect(await page.locator('table.heat tbody th[scope=row] small').allTextContents()).toEqual(byOrgan.slice(0, 4));
    const bad = page.locator('#drafts tbody.unreadable');
    expect(await bad.count()).toBe(2);
    expect(await bad.first().locator('.reason').textContent()).toContain('不支持旧版 Word（.doc）文件');
    const tushan = page.locator('#drafts tbody', { hasText: 'tushan-2023.txt' });
    expect(await tushan.locator('.unit').textContent()).toBe('重庆市南岸区涂山镇人民政府');
    expect(await tushan.locator('td.tick.yes').count()).toBe(5);
    const tian = page.locator('#drafts tbody', { hasText: 'tianxingsi-2022.txt' });
    expect(await tian.locator('td.tick.no').getAttribute('title')).toBe('缺少“其他需要报告的情况”部分');
    // the heat map has the same drafts as rows
    expect(await page.locator('table.heat tbody tr').count()).toBe(results.length);
  });

  it('sorts by a column when its header is clicked, unreadable files last both ways', async () => {
    const errors = (r: FileResult) => r.diagnostics.filter((d) => d.severity === 1).length;
    const readable = results.filter((r) => !r.error);
    await page.locator('#drafts th[data-key=errors] button').click();
    expect(await page.locator('#drafts th[data-key=errors]').getAttribute('aria-sort')).toBe('ascending');
    let shown = await shownFiles();
    const asc = readable.map((r, i) => ({ r, i })).sort((a, b) => errors(a.r) - errors(b.r) || a.i - b.i).map((x) => displayPath(x.r.filePath, '/'));
    expect(shown.slice(0, readable.length)).toEqual(asc);
    expect(shown.slice(readable.length).every((f) => /旧稿|空白/.test(f))).toBe(true);

    await page.locator('#drafts th[data-key=errors] button').click();
    expect(await page.locator('#drafts th[data-key=errors]').getAttribute('aria-sort')).toBe('descending');
    shown = await shownFiles();
    const counts = shown.slice(0, readable.length).map((f) => errors(readable.find((r) => r.filePath === f)!));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]);

    await page.locator('#drafts th[data-key=file] button').click();
    expect(await shownFiles()).toEqual([...ORDER()].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('expands a draft to its findings with the quoted text', async () => {
    const body = page.locator('#drafts tbody', { hasText: 'tushan-2023.txt' });
    const detail = body.locator('tr.detail');
    expect(await detail.isVisible()).toBe(false);
    await body.locator('tr.row td.unit').click();
    expect(await detail.isVisible()).toBe(true);
    expect(await body.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    const tushan = byFile(results, 'tushan-2023.txt');
    expect(await detail.locator('ol.findings > li').count()).toBe(tushan.diagnostics.length);
    // the rule by its Chinese name, its id in the tooltip; the finding's text marked in its sentence
    const artifact = detail.locator('li:has(a.rule[title=conversion-artifact])');
    expect(await artifact.locator('a.rule').textContent()).toBe('转换残留');
    expect(await artifact.locator('blockquote mark').textContent()).toBe('[bookmark: _GoBack]');
    expect(await artifact.locator('blockquote').textContent()).toMatch(/^\[bookmark: _GoBack\]2023年，重庆市南岸区涂山镇/);
    expect(await artifact.locator('.loc').first().textContent()).toBe('4:1');
    // the rule's explanation is in the page, where the link goes
    await artifact.locator('a.rule').click();
    expect(await page.locator('#rule-conversion-artifact').isVisible()).toBe(true);
    expect(await page.locator('#rule-conversion-artifact + dd').textContent()).toContain('建议：删除');
    await page.screenshot({ path: join(shots(), 'overview.png'), fullPage: true });
  });

  it('switches to the checklist tab with pass and fail per requirement', async () => {
    await page.locator('#tab-checklist').click();
    expect(await page.locator('#checklist').isVisible()).toBe(true);
    expect(await page.locator('#overview').isVisible()).toBe(false);
    expect(await page.locator('#checklist article.sheet').count()).toBe(results.length);
    const tushan = page.locator('#checklist article.sheet', { hasText: 'tushan-2023.txt' });
    const parts = tushan.locator('tr', { hasText: '五个部分齐全' });
    expect(await parts.getAttribute('class')).toBe('st-pass');
    expect(await parts.locator('li.pass').first().textContent()).toMatch(/^第\d+行有“/);
    const xinji = page.locator('#checklist article.sheet', { hasText: 'xinji-2023.txt' });
    const missing = xinji.locator('tr', { hasText: '五个部分齐全' });
    expect(await missing.getAttribute('class')).toBe('st-fail');
    expect(await missing.locator('li.finding').first().textContent()).toContain('缺少“其他需要报告的情况”部分');
    await page.screenshot({ path: join(shots(), 'checklist.png'), fullPage: false });
  });

  it('runs no script from a draft and fetches nothing from the network', async () => {
    expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
    const hostile = page.locator('#checklist article.sheet', { hasText: 'zz-<script>.txt' });
    expect(await hostile.count()).toBe(1);
    await page.locator('#tab-overview').click();
    const row = page.locator('#drafts tbody', { hasText: 'zz-<script>.txt' });
    await row.locator('.toggle').click();
    // shown as text, quoted from the placeholder finding
    expect(await row.locator('blockquote mark', { hasText: '<script>' }).allTextContents()).toContain("【待补充<script>window.__pwned='quote'</script>】");
    expect(pageErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it('saved screenshots a person can look at', () => {
    for (const name of ['overview.png', 'checklist.png']) expect(statSync(join(shots(), name)).size).toBeGreaterThan(20_000);
  });
});

function shots(): string {
  const d = process.env.LAWREPORT_SCREENSHOTS ?? join(dir, 'screenshots');
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * The offline web page in a real browser: Debian's chromium driven by
 * playwright-core (as the HTML report's test), the page written by
 * `lawreport-lint web` and opened from file:// with every other request refused.
 * It must show exactly the CLI's json findings for each corpus draft, fix as
 * `--fix` and `--fix-unsafe` do, report a broken office rule with the CLI's
 * message, and fetch nothing. Screenshots go to $LAWREPORT_SCREENSHOTS, or a
 * temp folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/index.js';
import type { Diagnostic, FileResult } from '../../src/types.js';
import { FIX_HINT } from '../../src/web/drafts.js';
import { CORPUS, unlinked } from '../helpers.js';
import { convert, SOFFICE_TIMEOUT } from '../word/soffice.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DRAFTS = ['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'];
/** A draft whose name and text try to run script in the page. */
const HOSTILE = '<img src=x onerror="window.__pwned=1">.txt';

let dir: string;
/** The corpus drafts as LibreOffice saves them as .docx. */
let words: string;
let context: BrowserContext;
let page: Page;
let pageUrl: string;
const requests: string[] = [];
const pageErrors: string[] = [];

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), isTTY: false });
  return { code, stdout, stderr };
}

/** A diagnostic without what names files on the machine that made it (rule links, related locations' URIs). */
/** A finding as the CLI reports it: the page's way of applying a fix in its help said as the CLI says it. */
function portable(d: Diagnostic, format: 'txt' | 'docx' = 'txt'): unknown {
  const [{ relatedInformation, ...rest }] = unlinked([d], FIX_HINT, format);
  return { ...rest, related: relatedInformation?.map((r) => ({ range: r.location.range, message: r.message })) };
}

const shown = (name: string) => page.waitForFunction((n) => window.lawreportLint.current() === n && window.lawreportLint.results().some((r) => r.filePath === n), name);

async function openOne(name: string, folder = CORPUS): Promise<string> {
  await page.setInputFiles('#open', join(folder, name));
  await shown(name);
  return page.evaluate(() => window.lawreportLint.text());
}

/** Clicks and waits until the editor's text is no longer `before`. */
async function changeText(click: () => Promise<void>, before: string): Promise<string> {
  await click();
  await page.waitForFunction((b) => window.lawreportLint.text() !== b, before);
  return page.evaluate(() => window.lawreportLint.text());
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  dir = mkdtempSync(join(tmpdir(), 'lawreport-web-'));
  words = convert(DRAFTS.map((n) => join(CORPUS, n)), 'docx', join(dir, 'docx'));
  // the page as a county office hands it out
  expect((await cli(['web', '--out', dir], dir)).code).toBe(0);
  pageUrl = pathToFileURL(join(dir, 'lawreport-lint.html')).href;
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1366, height: 768 }, acceptDownloads: true,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.body.classList.contains('ready'));
}, SOFFICE_TIMEOUT + 60_000);

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the offline web page in chromium', () => {
  it('is one file within its 2 MB, opened from disk', () => {
    expect(statSync(join(dir, 'lawreport-lint.html')).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(pageUrl.startsWith('file:')).toBe(true);
  });

  it('shows exactly the CLI’s json findings for each corpus draft', { timeout: 90_000 }, async () => {
    const expected = JSON.parse((await cli(['-f', 'json', '--no-config-lookup', ...DRAFTS], CORPUS)).stdout) as FileResult[];
    const drafts = join(dir, 'drafts');
    mkdirSync(drafts);
    for (const name of DRAFTS) writeFileSync(join(drafts, name), readFileSync(join(CORPUS, name))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
    writeFileSync(join(drafts, HOSTILE), '<script>window.__pwned=2</script>关于2023年法治政府建设情况的报告\n一、主要举措和成效\n【待补充】\n');
    await page.setInputFiles('#open', [...DRAFTS, HOSTILE].map((n) => join(drafts, n)));
    await page.waitForFunction((n) => window.lawreportLint.results().length === n, DRAFTS.length + 1);
    const results = await page.evaluate(() => window.lawreportLint.results());

    expect(results.map((r) => r.filePath)).toEqual([...DRAFTS, HOSTILE]);
    for (const want of expected) {
      const got = results.find((r) => r.filePath === want.filePath)!;
      expect(want.diagnostics.length).toBeGreaterThan(5);
      expect(got.diagnostics.map((d) => portable(d))).toEqual(want.diagnostics.map((d) => portable(d)));
    }

    // several drafts: one row each, as -f table has them
    expect(await page.locator('#tab-overview').getAttribute('aria-selected')).toBe('true');
    const rows = page.locator('#drafts tbody tr');
    expect(await rows.count()).toBe(DRAFTS.length + 1);
    const tushan = rows.filter({ hasText: 'tushan-2023.txt' });
    expect(await tushan.locator('td.unit').textContent()).toBe('重庆市南岸区涂山镇人民政府');
    expect(await tushan.locator('td.tick.yes').count()).toBe(5);
    const want = expected.find((r) => r.filePath === 'tushan-2023.txt')!.diagnostics;
    expect(await tushan.locator('td.num.e').textContent()).toBe(String(want.filter((d) => d.severity === 1).length));
    expect(await rows.filter({ hasText: 'tianxingsi-2022.txt' }).locator('td.tick.no').getAttribute('title')).toBe('缺少“其他需要报告的情况”部分');

    // a row opens its draft: each finding underlined in the text and listed, errors first
    await tushan.click();
    await shown('tushan-2023.txt');
    expect(await page.locator('#groups .finding').count()).toBe(want.length);
    expect(await page.locator('#groups .group').first().getAttribute('class')).toContain('sev-1');
    expect(await page.locator('.cm-lintRange-error').first().textContent()).toBe('[bookmark: _GoBack]');
    expect(await page.locator('#parts li.yes').count()).toBe(5);
    await page.locator('.cm-lintRange-error').first().hover();
    await page.locator('.cm-tooltip-lint').waitFor();
    await page.screenshot({ path: join(shots(), 'web-page.png') });
    await page.mouse.move(0, 0);

    // the draft's text is text: nothing in a name or a draft runs
    await page.locator('#tab-overview').click();
    await rows.filter({ hasText: 'onerror' }).click();
    await shown(HOSTILE);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('shows exactly the CLI’s json findings for each corpus draft saved as .docx by LibreOffice', { timeout: 90_000 }, async () => {
    const names = DRAFTS.map((n) => n.replace(/\.txt$/, '.docx'));
    const expected = JSON.parse((await cli(['-f', 'json', '--no-config-lookup', ...names], words)).stdout) as FileResult[];
    await page.setInputFiles('#open', names.map((n) => join(words, n)));
    await page.waitForFunction((ns) => ns.every((n) => window.lawreportLint.results().some((r) => r.filePath === n)), names);
    const results = await page.evaluate(() => window.lawreportLint.results());
    for (const want of expected) {
      const got = results.find((r) => r.filePath === want.filePath)!;
      expect(want.error).toBeUndefined();
      expect(want.diagnostics.length).toBeGreaterThan(5);
      expect(got.diagnostics.map((d) => portable(d, 'docx'))).toEqual(want.diagnostics.map((d) => portable(d, 'docx')));
    }
    // a Word draft's places are paragraphs, as the CLI counts them
    await page.locator('#drafts tbody tr', { hasText: 'tushan-2023.docx' }).click();
    await shown('tushan-2023.docx');
    expect(await page.locator('#groups .group[data-rule="conversion-artifact"] .loc').first().textContent()).toMatch(/^第\d+段$/);
  });

  it('downloads the annotated Word file --annotate writes: the same comments and tracked changes', { timeout: 90_000 }, async () => {
    const name = 'tushan-2023.docx';
    const out = join(dir, 'annotated');
    expect((await cli(['--annotate', out, '--no-config-lookup', name], words)).code).toBeLessThan(2);
    await page.setInputFiles('#open', join(words, name));
    await shown(name);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-word').click()]);
    expect(download.suggestedFilename()).toBe('tushan-2023（审核意见）.docx');
    const saved = join(dir, 'from-page.docx');
    await download.saveAs(saved);
    const parts = (file: string) => Object.fromEntries(Object.entries(unzipSync(readFileSync(file)))
      .map(([part, bytes]) => [part, new TextDecoder().decode(bytes).replace(/w:date="[^"]*"/g, 'w:date=""')]));
    const page_ = parts(saved);
    expect(page_['word/comments.xml']).toContain('lawreport-lint');
    expect(page_['word/document.xml']).toContain('<w:del ');
    expect(page_).toEqual(parts(join(out, 'tushan-2023（审核意见）.docx')));
    expect(await page.locator('#annotate-note').textContent()).toMatch(/^tushan-2023（审核意见）\.docx：\d+ 条批注，\d+ 处修订$/);
  });

  it('hovering a finding shows its message, 依据, 建议 and the rule’s explanation', async () => {
    await openOne('tushan-2023.txt');
    // the list entry brings the finding into view (the editor draws only what is on screen), on the shortcomings heading
    await page.locator('#groups .group[data-rule="causes-stated"] .finding').click();
    await page.locator('.cm-lintRange-error', { hasText: '存在的不足和原因' }).first().hover();
    const tip = page.locator('.cm-tooltip-lint .details', { hasText: '原因' }).first();
    await tip.waitFor();
    expect(await tip.locator('.msg').textContent()).toContain('没有分析原因');
    expect(await tip.locator('.ref').textContent()).toMatch(/^依据：/);
    expect(await tip.locator('.help').textContent()).toMatch(/^建议：/);
    // the explanation is written when opened (the toggle event comes after the click)
    await tip.locator('.explain summary').click();
    await tip.locator('.explain pre', { hasText: 'causes-stated — 存在的不足部分应当分析原因' }).waitFor();
    expect(await tip.locator('.explain pre').textContent()).toContain('依据：《法治政府建设与责任落实督察工作规定》');
  });

  it('fix-all gives the CLI’s --fix text', { timeout: 90_000 }, async () => {
    const work = mkdtempSync(join(dir, 'fix-'));
    for (const name of DRAFTS) {
      writeFileSync(join(work, name), readFileSync(join(CORPUS, name))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
      expect((await cli(['--fix', '--no-config-lookup', name], work)).code).toBeLessThan(2);
      const before = await openOne(name);
      const after = await changeText(() => page.locator('#fix-all').click(), before);
      expect(after).toBe(readFileSync(join(work, name), 'utf8'));
    }
  });

  it('an unsafe fix inserts the missing part as --fix-unsafe does', async () => {
    const name = 'tianxingsi-2022.txt';
    const work = mkdtempSync(join(dir, 'unsafe-'));
    writeFileSync(join(work, name), readFileSync(join(CORPUS, name))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
    await cli(['--fix-unsafe', '--no-config-lookup', name], work);
    const before = await openOne(name);
    expect(await page.locator('#fix-all').isEnabled()).toBe(true);
    const other = page.locator('#parts li.no', { hasText: '其他需要报告的情况' });
    const inserted = await changeText(() => other.locator('button.fix').click(), before);
    // where other-matters puts it: after the last part's text, before the blank lines that end the file
    expect(inserted).toBe(before.replace(/(推动依法治理工作再上新台阶。)/, '$1\n\n五、其他需要报告的情况\n无。'));
    await page.waitForFunction(() => document.querySelectorAll('#parts li.yes').length === 5);
    const fixed = await changeText(() => page.locator('#fix-all').click(), inserted);
    expect(fixed).toBe(readFileSync(join(work, name), 'utf8'));
  });

  it('re-lints after a pause in typing', async () => {
    const before = await openOne('tushan-2023.txt');
    const count = () => page.evaluate(() => window.lawreportLint.results().find((r) => r.filePath === 'tushan-2023.txt')!.diagnostics.filter((d) => d.code === 'fullwidth-punctuation').length);
    expect(await count()).toBe(0);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('普法,宣传');
    await page.waitForFunction(() => window.lawreportLint.results().find((r) => r.filePath === 'tushan-2023.txt')!.diagnostics.some((d) => d.code === 'fullwidth-punctuation'));
    expect(await count()).toBe(1);
    expect(await page.evaluate(() => window.lawreportLint.text())).toBe(`${before}普法,宣传`);
  });

  it('a broken office rule shows the CLI’s config message; a good one is used and remembered', { timeout: 90_000 }, async () => {
    const office = mkdtempSync(join(dir, 'office-'));
    mkdirSync(join(office, '本县规则'));
    const rule = (body: string) => ['id: county-agency-name', 'type: existence', 'summary: 不再使用旧称', 'severity: warning', body,
      'message: 机构旧称“{{found}}”', 'help: 改为“县司法局”。', 'examples: { valid: ["报县司法局审核。"], invalid: ["报县法制办审核。"] }'].join('\n');
    writeFileSync(join(office, '.lawreport-lint.yaml'), 'rulesDir: 本县规则\n');
    writeFileSync(join(office, '本县规则', 'county-agency-name.yaml'), rule('pattern: [县法制办]'));
    writeFileSync(join(office, 'd.txt'), '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n（一）规范性文件报县法制办审核3件。\n');
    const { code, stderr } = await cli(['d.txt'], office);
    expect(code).toBe(2);
    const message = stderr.split(`${office}/`).join('').replace(/\n\n配置有 \d+ 个问题，未进行检查。\n$/, '');
    expect(message).toContain('本县规则/county-agency-name.yaml:5:1  错误  existence 类型没有 “pattern” 这个键');

    await page.locator('#office-toggle').click();
    await page.setInputFiles('#office-config', join(office, '.lawreport-lint.yaml'));
    await page.setInputFiles('#office-folder', join(office, '本县规则'));
    const problems = page.locator('#office-problems');
    await page.waitForFunction(() => document.querySelector('#office-problems')?.textContent?.includes('county-agency-name.yaml'));
    expect(await problems.textContent()).toBe(`${message}\n\n配置有 2 个问题，本单位规则未启用，暂按预设 recommended 检查。`);

    // corrected: the rule is used, and remembered when asked
    writeFileSync(join(office, '本县规则', 'county-agency-name.yaml'), rule('patterns:\n  - words: [县法制办]'));
    await page.locator('#remember').check();
    await page.setInputFiles('#office-folder', join(office, '本县规则'));
    await problems.waitFor({ state: 'hidden' });
    await openOne('d.txt', office);
    const expected = JSON.parse((await cli(['-f', 'json', 'd.txt'], office)).stdout) as FileResult[];
    const got = (await page.evaluate(() => window.lawreportLint.results())).find((r) => r.filePath === 'd.txt')!;
    expect(got.diagnostics.map((d) => d.code)).toContain('county-agency-name');
    expect(got.diagnostics.map((d) => portable(d))).toEqual(expected[0].diagnostics.map((d) => portable(d)));

    await page.reload();
    await page.waitForFunction(() => document.body.classList.contains('ready'));
    expect(await page.locator('#office-status').textContent()).toContain('本县规则/county-agency-name.yaml');
    await page.locator('#office-toggle').click();
    await page.locator('#office-clear').click();
    await page.waitForFunction(() => !document.querySelector('#office-status')?.textContent);
  });

  it('prints the checklist and the findings, not the editor', async () => {
    await openOne('xinji-2023.txt');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#editor').isVisible()).toBe(false);
    expect(await page.locator('#checklist').isVisible()).toBe(true);
    expect(await page.locator('#groups .finding').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(shots(), 'web-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('fetched nothing and raised no error', () => {
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

function shots(): string {
  const d = process.env.LAWREPORT_SCREENSHOTS ?? join(dir, 'screenshots');
  mkdirSync(d, { recursive: true });
  return d;
}

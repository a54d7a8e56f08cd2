// Renders the pictures of the README's county-office section (docs/county-*.png):
// a township's return printed to PDF by Chromium, and the summary workbook as
// LibreOffice prints it. Needs a build (dist/), /usr/bin/chromium, pdftoppm and soffice.
//   node scripts/county-pictures.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const work = mkdtempSync(join(tmpdir(), 'lrl-pictures-'));
try {
  mkdirSync(join(work, '乡镇报告'));
  for (const f of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) copyFileSync(join(corpus, f), join(work, '乡镇报告', f));
  // exit code 1: the drafts have errors, as real ones do
  const run = spawnSync(process.execPath, [join(root, 'bin', 'lawreport-lint.js'), '乡镇报告', '--output-dir', '审核意见', '--no-config-lookup'], { cwd: work, stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`lawreport-lint exited with ${run.status}`);
  const out = join(work, '审核意见');
  const ret = readdirSync(out).find((f) => f.startsWith('重庆市南岸区涂山镇') && f.endsWith('.html'));

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(out, ret)).href);
  await page.pdf({ path: join(work, 'return.pdf'), preferCSSPageSize: true, printBackground: true });
  await browser.close();
  png(join(work, 'return.pdf'), join(root, 'docs', 'county-return.png'));

  const profile = pathToFileURL(join(work, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(out, '汇总.xlsx')], { stdio: 'ignore' });
  // the sheet is a band across a landscape page: its top, at a readable resolution
  png(join(work, '汇总.pdf'), join(root, 'docs', 'county-workbook.png'), ['-r', '170', '-x', '90', '-y', '110', '-W', '1800', '-H', '330']);
  console.log('docs/county-return.png, docs/county-workbook.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The first page of a PDF as a PNG. */
function png(pdf, target, area = ['-r', '70']) {
  const stem = join(dirname(pdf), 'page');
  execFileSync('pdftoppm', ['-png', ...area, '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
  renameSync(`${stem}.png`, target);
}

// Word drafts: reading one .docx in-process with the reader (src/word/) and with
// mammoth side by side (target: ≤ 2 ms median, ≥ 15× mammoth), and 1,000 .docx
// drafts linted by the real CLI (target: ≤ 2 s on 2 cores), beside the same
// 1,000 drafts as .txt. The .docx files are the batch bench's generated drafts
// saved as .docx by LibreOffice (one soffice run), as county staff's files are.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './batch.mjs';
import { fmt, stats, time } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'lawreport-lint.js');

function soffice(files, outdir, profile) {
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', outdir, ...files], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

function cli(cwd, args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
  if (r.status === null || r.status > 1) throw new Error(`lawreport-lint ${args.join(' ')} failed (${r.status})`);
  return performance.now() - t;
}

export default async function bench() {
  const base = mkdtempSync(join(tmpdir(), 'lrl-bench-docx-'));
  try {
    const txt = join(base, 'txt');
    const avg = generate(txt, 1000);
    // the same drafts as LibreOffice saves them, in the same folders
    const docx = join(base, 'docx');
    const profile = join(base, 'profile');
    for (const sub of readdirSync(txt)) {
      mkdirSync(join(docx, sub), { recursive: true });
      soffice(readdirSync(join(txt, sub)).map((f) => join(txt, sub, f)), join(docx, sub), profile);
    }
    const { docxToText } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
    const mammoth = (await import('mammoth')).default;
    const sample = join(docx, readdirSync(docx)[0], readdirSync(join(docx, readdirSync(docx)[0]))[2]);
    const bytes = readFileSync(sample);
    const ours = time(() => docxToText(bytes), 500, 100);
    const theirs = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await mammoth.convertToHtml({ buffer: bytes });
      if (i >= 10) theirs.push(performance.now() - t);
    }
    const m = stats(theirs);
    console.log(`read one .docx in-process (${(bytes.length / 1024).toFixed(1)} KB file, ${docxToText(bytes).text.length} characters): reader median ${fmt(ours.median)} (p95 ${fmt(ours.p95)}); mammoth median ${fmt(m.median)} → ${(m.median / ours.median).toFixed(0)}×`);
    const runs = (dir, args) => stats(Array.from({ length: 5 }, () => cli(dir, args)));
    cli(base, ['docx', '-f', 'jsonl']); // warm the file cache
    const d = runs(base, ['docx', '-f', 'jsonl']);
    const t = runs(base, ['txt', '-f', 'jsonl']);
    console.log(`1,000 drafts (${(avg / 1024).toFixed(1)} KB of text on average), whole CLI, default jobs, jsonl, 5 runs: .docx median ${(d.median / 1000).toFixed(2)} s (best ${(d.min / 1000).toFixed(2)} s); the same as .txt median ${(t.median / 1000).toFixed(2)} s`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

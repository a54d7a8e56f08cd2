// `--fix` on a 1 MB draft (the corpus draft xinji-2023.txt repeated; target < 2 s for the
// whole CLI run): the fixes were applied by rebuilding the text per edit and comparing
// every fix with every earlier one, 19 s on 1 MB. Median of 5 CLI runs, each on a fresh copy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, stats } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

export default async function bench() {
  const one = readFileSync(join(corpus, 'xinji-2023.txt'), 'utf8');
  const text = one.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(one)));
  const dir = mkdtempSync(join(tmpdir(), 'lrl-bench-fix-'));
  const file = join(dir, 'draft.txt');
  try {
    const runs = [];
    let changed = 0;
    for (let i = 0; i < 5; i++) {
      writeFileSync(file, text);
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin', 'lawreport-lint.js'), '--fix', '-f', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
      runs.push(performance.now() - t);
      if (r.status === null || r.status > 1) throw new Error(r.stderr);
      changed = [...readFileSync(file, 'utf8')].filter((c, j) => c !== text[j]).length;
    }
    const s = stats(runs);
    console.log(`CLI --fix, ${Buffer.byteLength(text)} bytes (${text.length} chars): median ${fmt(s.median)} (min ${fmt(s.min)}, max ${fmt(s.max)}); ${changed} characters changed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The hostile inputs of issue 12 (test/hostile/cases.ts), each linted alone by the real CLI:
// wall time and peak memory (maxRSS) per draft, against the bounds of 5 s and 300 MB.
// The cases are TypeScript: run after `npm test` has built dist/ (cases are loaded through vitest's
// transform only in tests), so this script builds them with esbuild first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fmt } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-bench-hostile-'));
  try {
    await build({ entryPoints: [join(root, 'test', 'hostile', 'cases.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'cases.mjs'), logLevel: 'error' });
    const { hostileCases } = await import(pathToFileURL(join(dir, 'cases.mjs')).href);
    const preload = join(dir, 'measure.cjs');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.LRL_MAXRSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    const only = process.env.CASE;
    let worstMs = 0;
    let worstMB = 0;
    for (const c of hostileCases()) {
      if (only && !c.name.includes(only)) continue;
      const file = join(dir, c.name);
      writeFileSync(file, c.bytes);
      for (const mode of [[], ['--fix']]) {
        const rss = join(dir, 'rss');
        const t = performance.now();
        const r = spawnSync(process.execPath, ['--require', preload, join(root, 'bin', 'lawreport-lint.js'), ...mode, '-f', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LRL_MAXRSS_FILE: rss } });
        const ms = performance.now() - t;
        const mb = Number(readFileSync(rss, 'utf8')) / 1024;
        worstMs = Math.max(worstMs, ms);
        worstMB = Math.max(worstMB, mb);
        console.log(`${c.name.padEnd(24)} ${(mode[0] ?? 'lint').padEnd(6)} ${(c.bytes.length / 1024).toFixed(0).padStart(5)} KB  ${fmt(ms).padStart(10)}  ${mb.toFixed(0).padStart(4)} MB  exit ${r.status}`);
        writeFileSync(file, c.bytes);
      }
    }
    console.log(`worst: ${fmt(worstMs)}, ${worstMB.toFixed(0)} MB (bounds: 5 s, 300 MB per draft)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

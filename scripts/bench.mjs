// `npm run bench`: runs every benchmark in scripts/bench/ (or the ones named) and
// prints their medians. Benchmarks measure; tests never time anything.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.mjs') && (!only.length || only.some((o) => f.includes(o)))).sort();
for (const f of files) {
  console.log(`\n=== ${f}`);
  const mod = await import(pathToFileURL(join(dir, f)).href);
  if (typeof mod.default === 'function') await mod.default();
}

// Linting one ~10 KB draft in-process (target ≤ 3 ms median), with all rules and
// without the content rules (those must stay within 2×), and the CLI's cold start
// on one draft (target ≤ 120 ms), against `node -e 0` on the same machine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, stats, time } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const CONTENT = ['first-responsible-person', 'duties-concrete', 'duties-restated', 'concrete-numbers', 'vague-quantity',
  'contradictory-approximation', 'causes-stated', 'plan-answers-shortcomings', 'year-consistency', 'off-topic-achievement', 'previous-plan-followed'];

export default async function bench() {
  const { LinterFactory } = await import(join(root, 'dist', 'index.js'));
  const file = join(corpus, 'xinji-2023.txt');
  const text = readFileSync(file, 'utf8');
  const all = await new LinterFactory({ noConfigLookup: true }).forFile(file, 'txt');
  const core = await new LinterFactory({ noConfigLookup: true, ruleOverrides: CONTENT.map((id) => `${id}=off`) }).forFile(file, 'txt');
  const a = time(() => all.lint(text, { filePath: file }), 300, 50);
  const b = time(() => core.lint(text, { filePath: file }), 300, 50);
  console.log(`in-process, ${text.length} chars (${Buffer.byteLength(text)} bytes), ${all.config.rulesFor(file).length} rules: median ${fmt(a.median)}, p95 ${fmt(a.p95)}`);
  console.log(`  without the ${CONTENT.length} content rules (${core.config.rulesFor(file).length} rules): median ${fmt(b.median)}, p95 ${fmt(b.p95)}  → ratio ${(a.median / b.median).toFixed(2)}×`);
  const parse = time(() => all.config.builder.build(text, { path: file, format: 'txt' }), 300, 50);
  console.log(`  of which building the report model: median ${fmt(parse.median)}`);

  const run = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (r.status === null || r.status > 1) throw new Error(r.stderr);
    return performance.now() - t;
  };
  const cold = stats(Array.from({ length: 15 }, () => run([join(root, 'bin', 'lawreport-lint.js'), file])));
  const md = stats(Array.from({ length: 15 }, () => run([join(root, 'bin', 'lawreport-lint.js'), join(root, 'examples', 'sample-draft.md')])));
  const node = stats(Array.from({ length: 15 }, () => run(['-e', '0'])));
  console.log(`CLI cold start, one .txt draft: median ${fmt(cold.median)} (p95 ${fmt(cold.p95)}); one .md draft (loads remark): median ${fmt(md.median)}; node -e 0: median ${fmt(node.median)}`);
}

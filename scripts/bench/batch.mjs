// A county office's batch, scaled up: 1,000 drafts (corpus copies with variations,
// ~8 KB each) with every shipped rule on, checked by the real CLI (`bin/`, cold
// start included) with one worker and with all cores. Reports drafts per second
// and the process's peak memory (maxRSS, workers included) and CPU time, and the
// same for 3,000 drafts, to show memory does not grow with their number, whatever
// the format: every report is written draft by draft. Target: ≥ 1,000 drafts/s on
// 2 cores, peak < 200 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stats } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const BIN = join(root, 'bin', 'lawreport-lint.js');
// printed by the child at exit: its peak resident memory and CPU time, worker threads included
const PEAK = 'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxRSS="+u.maxRSS+" cpu="+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

const TOWNS = ['青山', '白水', '红岩', '石桥', '龙潭', '桃源', '新华', '永安', '长乐', '金山', '清溪', '柳林'];

/** Corpus drafts with another organ, shifted figures and a paragraph repeated or dropped: ~8 KB each. */
export function generate(dir, n) {
  const sources = ['tianxingsi-2022', 'tushan-2023', 'xinji-2023'].map((f) => readFileSync(join(corpus, `${f}.txt`), 'utf8'));
  const organs = [/重庆市巴南区天星寺镇/g, /重庆市南岸区涂山镇/g, /鲁山县辛集乡/g];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    const town = `${TOWNS[i % TOWNS.length]}${['镇', '乡', '街道'][Math.floor(i / TOWNS.length) % 3]}`;
    let text = sources[k].replace(organs[k], `某县${town}`).replace(/\d+(?=[名次件份人个项场])/g, (d) => String((Number(d) * (i + 7)) % 997 + 1));
    const lines = text.split('\n');
    const at = 5 + (i % Math.max(1, lines.length - 10));
    if (i % 2) lines.splice(at, 0, lines[at]);
    else if (lines[at] && !/^[一二三四五]、/.test(lines[at])) lines.splice(at, 1);
    text = lines.join('\n');
    const sub = join(dir, `片区${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(4, '0')}-${town}-${k === 0 ? 2022 : 2023}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes / n;
}

/**
 * `--rule` flags switching on every shipped rule the default preset leaves off
 * (at its own severity, information if it has none), so the run has all rules.
 */
export function allRulesFlags() {
  const builtin = JSON.parse(readFileSync(join(root, 'dist', 'builtin.json'), 'utf8'));
  const on = new Set(Object.keys(builtin.presets.recommended.value.rules ?? {}));
  const flags = builtin.rules.filter((r) => !on.has(r.id)).flatMap((r) => ['--rule', `${r.id}=${r.severity === 'off' ? 'info' : r.severity}`]);
  return { flags, count: builtin.rules.length };
}

let ALL = [];

function run(dir, args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK, BIN, ...args, ...ALL], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status === null || r.status > 1) throw new Error(`lawreport-lint ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /maxRSS=(\d+) cpu=(\d+)/.exec(r.stderr);
  return { ms, rss: Number(m?.[1]) / 1024 /* KiB → MiB */, cpu: Number(m?.[2]) / 1000 /* µs → ms */ };
}

/**
 * Wall time is reported as the best and the median of `runs`: on a shared machine
 * other processes only ever add to it. CPU time (all threads) is the median.
 */
function measure(dir, args, runs = 5) {
  return measureAll(dir, [args], runs)[0];
}

/**
 * Several command lines measured in rounds — each run once per round, in turn —
 * so that a machine busier for a minute slows every row alike: measured one row
 * after another, two identical command lines differed by 10% (0.82 against 0.91 s).
 */
function measureAll(dir, argsList, runs = 5) {
  for (const args of argsList) run(dir, args); // warm the file cache
  const rs = argsList.map(() => []);
  for (let i = 0; i < runs; i++) argsList.forEach((args, k) => rs[k].push(run(dir, args)));
  return rs.map((r) => {
    const wall = stats(r.map((x) => x.ms));
    return { best: wall.min, median: wall.median, cpu: stats(r.map((x) => x.cpu)).median, rss: Math.max(...r.map((x) => x.rss)) };
  });
}

const row = (label, n, m) =>
  `  ${label.padEnd(36)} best ${(m.best / 1000).toFixed(2)} s (${Math.round(n / (m.best / 1000))} drafts/s), median ${(m.median / 1000).toFixed(2)} s, CPU ${(m.cpu / 1000).toFixed(2)} s, peak ${m.rss.toFixed(0)} MB`;

export default async function bench() {
  const cores = availableParallelism();
  const base = mkdtempSync(join(tmpdir(), 'lrl-bench-batch-'));
  try {
    const thousand = join(base, '1000');
    const avg = generate(join(thousand, 'drafts'), 1000);
    const all = allRulesFlags();
    ALL = all.flags;
    console.log(`1,000 drafts (${(avg / 1024).toFixed(1)} KB on average), all ${all.count} rules, ${cores} cores; whole CLI runs (cold start included), 5 rounds of the six command lines`);
    // --jobs auto (the default) is one linting thread reading ahead on a second one
    // when there are 2 cores, and cores − 1 lint workers with more
    const rows = [
      ['--jobs 1, jsonl', ['drafts', '--jobs', '1', '-f', 'jsonl']],
      [`--jobs ${cores} (all cores), jsonl`, ['drafts', '--jobs', String(cores), '-f', 'jsonl']],
      ['default jobs, jsonl', ['drafts', '-f', 'jsonl']],
      ['default jobs, json', ['drafts', '-f', 'json']],
      ['default jobs, stylish', ['drafts']],
      ['default jobs, jsonl, --cache warm', ['drafts', '-f', 'jsonl', '--cache']],
    ];
    const measured = measureAll(thousand, rows.map(([, args]) => args));
    rows.forEach(([label], k) => console.log(row(label, 1000, measured[k])));
    // a county office's .lawreport-lint.yaml is read and validated once per run
    writeFileSync(join(thousand, '.lawreport-lint.yaml'), 'rules:\n  stray-whitespace: warning\n');
    console.log(row('default jobs, jsonl, a config file', 1000, measure(thousand, ['drafts', '-f', 'jsonl'])));

    const three = join(base, '3000');
    generate(join(three, 'drafts'), 3000);
    console.log(row('3,000 drafts, --jobs 1, jsonl', 3000, measure(three, ['drafts', '--jobs', '1', '-f', 'jsonl'], 3)));
    console.log(row(`3,000 drafts, --jobs ${cores}, jsonl`, 3000, measure(three, ['drafts', '--jobs', String(cores), '-f', 'jsonl'], 3)));
    console.log(row('3,000 drafts, default jobs, stylish', 3000, measure(three, ['drafts'], 3)));
    console.log(row('3,000 drafts, default jobs, html', 3000, measure(three, ['drafts', '-f', 'html'], 3)));
    console.log(row('3,000 drafts, default jobs, xlsx', 3000, measure(three, ['drafts', '-f', 'xlsx', '-o', join(three, '汇总.xlsx')], 3)));
    console.log(row('3,000 drafts, default jobs, --output-dir', 3000, measure(three, ['drafts', '--output-dir', join(three, '审核意见')], 3)));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

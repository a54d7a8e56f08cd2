// Segmenter choice for plan-answers-shortcomings: the built-in ICU segmenter
// (Intl.Segmenter) against jieba (@node-rs/jieba, installed for this measurement
// only: `npm install --no-save @node-rs/jieba`). Measures load time, throughput per sentence, and — what
// decides — the score table of the corpus drafts' shortcomings × plan items with
// each, against the pairs an expert names in shared/corpus/EXPECTED.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, time } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

export default async function bench() {
  const { matchScoresWith } = await import(join(root, 'dist', 'index.js'));
  const require = createRequire(import.meta.url);
  let t = performance.now();
  let Jieba, dict;
  try {
    ({ Jieba } = require('@node-rs/jieba'));
    ({ dict } = require('@node-rs/jieba/dict'));
  } catch {
    // not a declared dependency: the registry mirror this project installs from lacks
    // its other-platform binaries, so `npm ci` could not reproduce the lock file
    console.log('jieba is not installed; to repeat the comparison: npm install --no-save @node-rs/jieba');
    return;
  }
  const jieba = Jieba.withDict(dict);
  const jiebaLoad = performance.now() - t;
  t = performance.now();
  const icu = new Intl.Segmenter('zh', { granularity: 'word' });
  [...icu.segment('加强行政执法人员培训')];
  const icuLoad = performance.now() - t;

  const segIcu = (s) => [...icu.segment(s)].filter((x) => x.isWordLike).map((x) => x.segment);
  const segJieba = (s) => jieba.cut(s, false).filter((w) => /[\p{L}\p{N}]/u.test(w));

  const files = ['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'];
  const texts = files.map((f) => readFileSync(join(corpus, f), 'utf8'));
  const sentences = texts.flatMap((x) => x.split(/(?<=[。；！？\n])/)).filter((s) => s.trim());
  const chars = sentences.reduce((n, s) => n + s.length, 0);
  const a = time(() => sentences.forEach(segIcu), 30);
  const b = time(() => sentences.forEach(segJieba), 30);
  console.log(`segmenter   load        ${chars} chars in ${sentences.length} sentences (median)   throughput`);
  console.log(`Intl        ${fmt(icuLoad).padEnd(10)}  ${fmt(a.median).padEnd(12)}                          ${(chars / a.median / 1000).toFixed(1)} M chars/s`);
  console.log(`jieba       ${fmt(jiebaLoad).padEnd(10)}  ${fmt(b.median).padEnd(12)}                          ${(chars / b.median / 1000).toFixed(1)} M chars/s`);

  console.log('\nscores of the corpus shortcomings (best plan item), threshold 0.3:');
  for (let i = 0; i < files.length; i++) {
    const x = await matchScoresWith(texts[i], segIcu);
    const y = await matchScoresWith(texts[i], segJieba);
    x.forEach((row, k) => {
      console.log(`  ${files[i].padEnd(20)} S${k + 1}  Intl ${row.best.toFixed(2)}→P${row.to + 1}   jieba ${y[k].best.toFixed(2)}→P${y[k].to + 1}`);
    });
  }
}

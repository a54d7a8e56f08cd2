/**
 * jsonl's review reads only whether each rule found what satisfies it, so a batch
 * written as jsonl records the checks' evidence without its words
 * (RunOptions.evidence 'presence', summary 'verdicts'). The verdicts must be
 * exactly those of the worded evidence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type BatchResult } from '../src/batch/run.js';
import { statusesOf } from '../src/formatters/checklist.js';
import { allRulesLinter, CORPUS, ROOT } from './helpers.js';

const SHAPES = join(ROOT, 'test', 'fixtures', 'shapes');
const drafts = [
  ...['tianxingsi-2022', 'tushan-2023', 'xinji-2023'].map((n) => join(CORPUS, `${n}.txt`)),
  ...readdirSync(SHAPES).filter((f) => f.endsWith('.txt')).map((f) => join(SHAPES, f)),
];

describe('evidence recorded for its presence alone', () => {
  it('the same findings, and evidence for the same rules as many times, without words', async () => {
    const linter = await allRulesLinter();
    for (const file of drafts) {
      const text = readFileSync(file, 'utf8');
      const worded = linter.lint(text, { filePath: file });
      const bare = linter.lint(text, { filePath: file, evidence: 'presence' });
      expect(bare.diagnostics, file).toEqual(worded.diagnostics);
      expect(bare.evidence.map((e) => [e.rule, e.evidence.length]), file).toEqual(worded.evidence.map((e) => [e.rule, e.evidence.length]));
      expect(worded.evidence.some((e) => e.evidence.some((x) => x.message)), file).toBe(true);
      expect(bare.evidence.every((e) => e.evidence.every((x) => x.message === '')), file).toBe(true);
    }
  });

  it('a batch made for verdicts gives every draft the checklist verdicts of a whole summary', async () => {
    const run = async (summary: true | 'verdicts') => {
      const out: BatchResult[] = [];
      for await (const r of lintFiles(drafts, { noConfigLookup: true, jobs: 1, summary })) out.push(r);
      return out;
    };
    const whole = await run(true);
    const verdicts = await run('verdicts');
    const rules = [...new Set(whole.flatMap((r) => [...r.diagnostics.map((d) => String(d.code)), ...(r.summary?.passes ?? []).map((p) => p.rule)]))];
    const requirements = rules.map((id) => ({ id, label: id, rules: [id] }));
    expect(rules.length).toBeGreaterThan(10);
    for (let i = 0; i < whole.length; i++) {
      expect(verdicts[i].diagnostics).toEqual(whole[i].diagnostics);
      expect(statusesOf(verdicts[i], requirements), whole[i].filePath).toEqual(statusesOf(whole[i], requirements));
      expect(statusesOf(whole[i], requirements)).toContain('pass');
    }
  });
});

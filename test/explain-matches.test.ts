import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli/index.js';
import { CORPUS } from './helpers.js';

function io(): CliIO & { out: string; err: string } {
  const o = {
    out: '', err: '', cwd: CORPUS, isTTY: false,
    stdout: (s: string) => { o.out += s; }, stderr: (s: string) => { o.err += s; }, stdin: async () => Buffer.alloc(0),
  };
  return o;
}

describe('--explain-matches', () => {
  it('prints the shortcoming × plan table with the best match of each row', async () => {
    const x = io();
    expect(await main(['--explain-matches', join(CORPUS, 'tianxingsi-2022.txt')], x)).toBe(0);
    expect(x.out).toContain('匹配度 = 0.6 × 领域重合 + 0.4 × 词语重合；低于 0.3 即报告');
    expect(x.out).toContain('P1  （一）加强普法宣传教育。');
    const rows = x.out.split('\n').filter((l) => /^S\d/.test(l));
    expect(rows).toHaveLength(3);
    // every tianxingsi shortcoming is answered: each row's best cell carries ✓
    for (const r of rows) expect(r).toMatch(/\d\.\d\d✓/);
    // the task areas in words, not their ids in the lexicon
    expect(x.out).toMatch(/最接近 P1：共同领域 普法宣传/);
    expect(x.out).not.toMatch(/共同领域 [a-z]/);
  });

  it('says so when the draft has no plan part', async () => {
    const x = io();
    const code = await main(['--explain-matches', '-', '--stdin-filename', 'a.txt'], { ...x, stdin: async () => Buffer.from('一、存在的不足和原因\n一是执法力量薄弱。') });
    expect(code).toBe(0);
    expect(x.out).toBe('稿件中缺少“存在的不足”或“下一年度安排”部分，没有可匹配的内容。\n');
  });
});

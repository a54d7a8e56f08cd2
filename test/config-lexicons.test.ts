/**
 * Lexicons are validated on load against their JSON Schemas (issue 13 §3): the
 * shipped ones (the build loads them through the same code) and those an office's
 * config puts in their place with `lexicons:`. A misspelt key is an error at
 * file:line:col with “是否想写 …”, not a draft in which no part is recognised.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../src/config/compile.js';
import { LEXICON_NAMES, lexiconSchema } from '../src/config/lexicon-schemas.js';
import { resolveConfig } from '../src/config/load.js';
import { nodeHost } from '../src/config/node-host.js';
import { loadLexiconDir } from '../src/config/rule-files.js';
import { formatProblem } from '../src/config/errors.js';
import { Linter } from '../src/linter.js';
import { configProblems, ROOT } from './helpers.js';

const LEXICONS = join(ROOT, 'rules', 'lexicon');
const PARTS = readFileSync(join(LEXICONS, 'parts.yaml'), 'utf8');

/** An office folder whose config replaces the lexicon `name` with `text`; the linter it loads. */
async function withLexicon(name: string, text: string): Promise<Linter> {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-lexicon-'));
  writeFileSync(join(dir, `本县${name}.yaml`), text);
  writeFileSync(join(dir, '.lawreport-lint.yaml'), `lexicons:\n  ${name}: 本县${name}.yaml\n`);
  return new Linter(await compileConfig(await resolveConfig({ configFile: join(dir, '.lawreport-lint.yaml'), cwd: dir })));
}
const problems = (name: string, text: string) => configProblems(() => withLexicon(name, text));
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('an office’s lexicon', () => {
  it('“keyword:” for “keywords:” in parts.yaml: an error at the key, with did-you-mean, not a draft with no part recognised', async () => {
    const broken = PARTS.replace('    keywords: [不足,', '    keyword: [不足,');
    const text = await problems('parts', broken);
    expect(text).toMatch(new RegExp(`本县parts\\.yaml:${lineOf(broken, '    keyword: [不足,')}:5 {2}错误 {2}“parts\\.shortcomings”中没有 “keyword” 这个键`));
    expect(text).toContain('提示：是否想写 “keywords”？可用的键：name, short, official, keywords, weak, items, mentions');
  });

  it('a part that is not one of the five (“shortcoming:”): at the key, naming the five', async () => {
    const broken = PARTS.replace('  shortcomings:\n', '  shortcoming:\n');
    const text = await problems('parts', broken);
    expect(text).toMatch(new RegExp(`本县parts\\.yaml:${lineOf(broken, '  shortcoming:')}:3 {2}错误 {2}“parts”中不能有 “shortcoming” 这个键`));
    expect(text).toContain('是否想写 “shortcomings”？可用的键：achievements, shortcomings, duties, plan, other');
  });

  it('a value of the wrong kind, and a report kind that does not exist', async () => {
    expect(await problems('title', 'subject: 法治政府建设\nreport: [报告]\n')).toMatch(/本县title\.yaml:1:10 {2}错误 {2}“subject” 应为列表/);
    const kinds = readFileSync(join(LEXICONS, 'kinds.yaml'), 'utf8').replace('default: township', 'default: townshp');
    expect(await problems('kinds', kinds)).toContain('是否想写 “township”？');
  });

  it('a valid replacement loads and is used', async () => {
    const linter = await withLexicon('parts', PARTS.replace('keywords: [不足, 存在的不足,', 'keywords: [短板弱项, 不足, 存在的不足,'));
    const doc = linter.lint('龙溪镇人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n办理案件12件。\n二、短板弱项\n一是执法力量薄弱。\n').document;
    expect(doc.parts.map((p) => p.kind)).toEqual(['achievements', 'shortcomings']);
  });

  it('a lexicon under a name of the office’s own has no schema: any YAML', async () => {
    expect(await problems('my-words', 'anything: [goes]\nhere: 1\n')).toBe('');
  });
});

describe('the shipped lexicons', () => {
  const files = readdirSync(LEXICONS).filter((n) => n.endsWith('.yaml')).map((n) => n.slice(0, -5)).sort();

  it('each has a schema, and the build’s loader finds no problem in any', () => {
    expect([...LEXICON_NAMES].sort()).toEqual(files);
    expect(loadLexiconDir(LEXICONS, nodeHost).problems).toEqual([]);
  });

  it('schema/lexicon/ holds the schemas the loader uses (rebuild with node scripts/build.mjs when stale), and each file names its own', () => {
    for (const name of files) {
      expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'lexicon', `${name}.schema.json`), 'utf8')), name).toEqual(lexiconSchema(name));
      expect(readFileSync(join(LEXICONS, `${name}.yaml`), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=../../schema/lexicon/${name}.schema.json`);
    }
  });

  it('a broken shipped lexicon stops the build’s loader with the same message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-lexicon-'));
    mkdirSync(join(dir, 'lexicon'));
    writeFileSync(join(dir, 'lexicon', 'parts.yaml'), PARTS.replace('    keywords: [举措,', '    keyword: [举措,'));
    const { lexicons, problems: found } = loadLexiconDir(join(dir, 'lexicon'), nodeHost);
    expect(lexicons.parts).toBeUndefined();
    expect(found.map(formatProblem).join('\n')).toMatch(/parts\.yaml:\d+:5 {2}错误 {2}“parts\.achievements”中没有 “keyword” 这个键[^]*是否想写 “keywords”？/);
  });
});

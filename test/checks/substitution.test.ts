/**
 * The substitution type with tiny inline rules (written to a temporary rulesDir,
 * as a county office would), then the two shipped rules on short drafts.
 */
import { describe, expect, it } from 'vitest';
import { prepareFormat } from '../../src/document/index.js';
import { Linter } from '../../src/linter.js';
import type { DocumentFormat } from '../../src/types.js';
import { byRule, configProblems, inlineRule as inlineRuleOf, linterWith } from '../helpers.js';

await prepareFormat('md');

/** A linter running only `my-rule`, a substitution rule with the given YAML body (and its fix titles). */
const FIX_TITLES = 'messages:\n  fix: 改为“{{expected}}”\n  fixDelete: 删除“{{found}}”\n';
const inlineRule = (body: string) => inlineRuleOf('substitution', '“{{found}}”应为“{{expected}}”', FIX_TITLES + body);
const problemsOf = (body: string) => configProblems(() => inlineRule(body));

/** [found text, replacement, safe] of each finding, in document order. */
function findings(linter: Linter, text: string, format: DocumentFormat = 'txt') {
  const r = linter.lint(text, { format, strict: true });
  return r.diagnostics.map((d) => {
    const s = r.document.offsetAt(d.range.start);
    const e = r.document.offsetAt(d.range.end);
    return [text.slice(s, e), d.data?.fix?.edits[0].newText, d.data?.fix?.safe] as const;
  });
}

describe('substitution type: entries and their context', () => {
  it('replaces a literal only after the `after` context', async () => {
    const l = await inlineRule("entries:\n  - { find: 余其, replace: 余起, after: '[0-9]', safe: true }");
    expect(findings(l, '调解160余其矛盾，其余其他不变。')).toEqual([['余其', '余起', true]]);
  });

  it('uses regex groups in the replacement and honours `unless` words around the match', async () => {
    const l = await inlineRule("entries:\n  - { regex: '法制(化|审核)', replace: '法治$1', unless: [法制审核] }");
    expect(findings(l, '纳入法制化轨道，落实法制审核制度。')).toEqual([['法制化', '法治化', false]]);
  });

  it('an entry without `safe` is unsafe, so plain --fix leaves it', async () => {
    const l = await inlineRule('entries:\n  - { find: 法制宣传, replace: 法治宣传 }');
    expect(l.fix('加强法制宣传。').output).toBe('加强法制宣传。');
    expect(l.fix('加强法制宣传。', { unsafe: true }).output).toBe('加强法治宣传。');
  });

  it('`between` needs both sides, `near` either side', async () => {
    const both = await inlineRule("entries:\n  - { find: ',', replace: '，', between: '\\p{Script=Han}', safe: true }");
    expect(findings(both, '普法,宣传 普法, 宣传').map((f) => f[0])).toEqual([',']);
    const near = await inlineRule("entries:\n  - { find: ',', replace: '，', near: '\\p{Script=Han}', safe: true }");
    expect(findings(near, '普法,宣传 普法, 宣传 a,b').length).toBe(2);
  });

  it('an entry’s own reference replaces the rule’s; "" leaves the finding without one', async () => {
    const dir = inlineRule("reference: 规则的依据\nentries:\n  - { find: 法制化, replace: 法治化, reference: 第一项的依据 }\n  - { find: 余其, replace: 余起, reference: '' }\n  - { find: 法制宣传, replace: 法治宣传 }");
    const r = (await dir).lint('法制化，余其，法制宣传', { strict: true });
    expect(r.diagnostics.map((d) => d.data?.reference)).toEqual(['第一项的依据', undefined, '规则的依据']);
  });

  it('a deletion (replace: "") is reported with a deleting fix', async () => {
    const l = await inlineRule("entries:\n  - { find: 、, after: 》, before: 《, replace: '', safe: true }");
    expect(l.fix('学习《宪法》、《民法典》、“八五”普法').output).toBe('学习《宪法》《民法典》、“八五”普法');
  });

  it('the first entry wins where two overlap, so nothing is reported twice', async () => {
    const l = await inlineRule('entries:\n  - { find: 法制化, replace: 法治化 }\n  - { find: 制化, replace: 治化 }');
    expect(findings(l, '法制化').map((f) => f[0])).toEqual(['法制化']);
  });
});

describe('substitution type: swap tables, pairs and skipped places', () => {
  const swapRule = "swap: { ',': '，', '(': '（', ')': '）' }\ncontext: { near: '[\\p{Script=Han}，。]' }\npairs: [['(', ')']]";

  it('judges brackets as a pair: both change when either side or the content is Chinese', async () => {
    const l = await inlineRule(swapRule);
    expect(l.fix('见附件 (No.2) 和 Hello (world) 与 (中文) 及 (第2项)').output).toBe('见附件 (No.2) 和 Hello (world) 与 （中文） 及 （第2项）');
    expect(l.fix('程序(2023年修订)完成').output).toBe('程序（2023年修订）完成');
  });

  it('a swap table finds exactly what an entry per character finds, characters with a regex meaning included', async () => {
    const table = "{ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '-': '—', ']': '】', '^': '＾' }";
    const context = "context: { near: '[\\p{Script=Han}，。]' }\npairs: [['(', ')']]";
    const swapped = await inlineRule(`swap: ${table}\n${context}`);
    const listed = await inlineRule(`entries:\n${[',', ';', ':', '?', '!', '(', ')', '-', ']', '^'].map((c) => `  - { find: '${c}', replace: 'x', near: '[\\p{Script=Han}，。]', safe: true }`).join('\n')}\n${context}`);
    const pieces = ['普法', ',', ';', ':', '?', '!', '(', ')', '-', ']', '^', 'a', '1', ' ', '，', '\n', '中文'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 30 }, () => pieces[next() % pieces.length]).join('');
      expect(findings(swapped, text).map((f) => f[0]), text).toEqual(findings(listed, text).map((f) => f[0]));
    }
    expect(findings(swapped, '中a-b文')).toEqual([]);
    expect(findings(swapped, '中文-普法')).toEqual([['-', '—', true]]);
  });

  it('an unpaired bracket is judged alone', async () => {
    const l = await inlineRule(swapRule);
    expect(findings(l, '第一点)说明')).toEqual([[')', '）', true]]);
  });

  it('skips outline markers, URLs and Markdown code and links when asked', async () => {
    const l = await inlineRule(`${swapRule}\nskip: [markers, urls, markdown]`);
    const md = '# 标题\n\n(三)完善制度,见`a,b`和[通知](./附件(一).md)与https://x.gov.cn/a?b=1,2\n';
    expect(findings(l, md, 'md')).toEqual([[',', '，', true]]);
    const plain = await inlineRule(swapRule);
    expect(findings(plain, md, 'md').length).toBeGreaterThan(3);
  });

  it('`ignore` patterns keep their marks, e.g. Word bookmarks left to conversion-artifact', async () => {
    const l = await inlineRule(`${swapRule}\nignore: ['\\[bookmark:[^\\]\\n]*\\]']`);
    expect(l.fix('[bookmark: 目录,一]普法,宣传').output).toBe('[bookmark: 目录,一]普法，宣传');
  });

  it('reads the table and the context from a lexicon', async () => {
    const l = await inlineRule('swap: $lexicon/punctuation.fullwidth\ncontext: { near: $lexicon/punctuation.chinese }');
    expect(l.fix('一是;二是:三是?四是!').output).toBe('一是；二是：三是？四是！');
  });
});

describe('substitution type: option errors', () => {
  it('rejects an entry without find or regex', async () => {
    expect(await problemsOf('entries:\n  - { find: a, replace: b }\n  - { replace: 法治 }')).toMatch(/entries 的第 2 项须给 find 或 regex 之一/);
    expect(await problemsOf("entries:\n  - { find: a, regex: 'b', replace: c }")).toMatch(/第 1 项须给 find 或 regex 之一/);
  });

  it('rejects an unknown key, naming it', async () => {
    const text = await problemsOf("entries:\n  - { find: a, replace: b, afer: '1' }");
    expect(text).toMatch(/my-rule\.yaml:10:28 .*没有 “afer” 这个键/);
    expect(text).toMatch(/是否想写 “after”/);
  });

  it('rejects a missing lexicon reference', async () => {
    expect(await problemsOf('swap: $lexicon/punctuation.nothing')).toMatch(/词表引用.*punctuation\.nothing.*不存在/);
  });

  it('rejects a regex that does not compile', async () => {
    expect(await problemsOf("entries:\n  - { regex: '法制(', replace: b }")).toMatch(/无法编译/);
  });

  it('rejects a bad skip value', async () => {
    expect(await problemsOf('skip: [urls, links]')).toMatch(/skip/);
  });
});

describe('fullwidth-punctuation and wording (recommended)', () => {
  const lint = async (text: string, format: DocumentFormat = 'txt') => (await linterWith()).lint(text, { format, strict: true });

  it('reports each half-width mark next to Chinese once, and never numbers, Latin text or 互联网+', async () => {
    const r = await lint('调解52件,成功率达96.15%;推行“互联网+政务服务”,共1,200人次。Hello, world.');
    const mine = byRule(r.diagnostics, 'fullwidth-punctuation');
    expect(mine.map((d) => d.message)).toEqual([
      '中文语句中使用了半角标点“,”，应为全角“，”',
      '中文语句中使用了半角标点“;”，应为全角“；”',
      '中文语句中使用了半角标点“,”，应为全角“，”',
    ]);
    expect(mine.every((d) => d.data?.fix?.safe)).toBe(true);
  });

  it('leaves a half-width marker to heading-numbering: “(三)” is one finding, not three', async () => {
    const r = await lint('一、主要举措和成效\n（一）甲方面。\n（二）乙方面。\n(三)丙方面,丁。');
    const form = r.diagnostics.filter((d) => d.range.start.line === 3 && ['heading-numbering', 'fullwidth-punctuation'].includes(d.code));
    expect(form.map((d) => [d.code, d.range.start.character])).toEqual([
      ['heading-numbering', 0],
      ['fullwidth-punctuation', 6],
    ]);
  });

  it('wording: safe and unsafe entries, and the exceptions', async () => {
    const text = '共调解160余其矛盾。纳入法制化轨道。落实法制审核制度，建立健全学法制度，依法制定文件。履行推进法治政府建设第一责任人职责。学习《宪法》、《民法典》。';
    const r = await lint(text);
    const mine = byRule(r.diagnostics, 'wording').map((d) => [text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end)), d.data?.fix?.safe]);
    expect(mine).toEqual([['余其', true], ['法制化', false], ['推进法治政府建设第一责任人', false], ['、', true]]);
    const linter = await linterWith();
    expect(linter.fix(text, { rules: new Set(['wording']) }).output).toBe(
      '共调解160余起矛盾。纳入法制化轨道。落实法制审核制度，建立健全学法制度，依法制定文件。履行推进法治政府建设第一责任人职责。学习《宪法》《民法典》。',
    );
  });

  it('wording: each entry cites its own basis, and a typo none', async () => {
    const text = '共调解160余其矛盾。纳入法制化轨道。履行推进法治政府建设第一责任人职责。学习《宪法》、《民法典》。印发《关于转发<实施纲要>的通知》。';
    const r = await lint(text);
    const basis = Object.fromEntries(byRule(r.diagnostics, 'wording').map((d) => [text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end)), d.data?.reference]));
    expect(basis).toEqual({
      余其: undefined,
      法制化: expect.stringContaining('《中华人民共和国宪法》'),
      推进法治政府建设第一责任人: '《党政主要负责人履行推进法治建设第一责任人职责规定》（2016）',
      '、': expect.stringMatching(/^GB\/T 15834—2011《标点符号用法》4\.5（/),
      '<实施纲要>': expect.stringMatching(/^GB\/T 15834—2011《标点符号用法》4\.15（/),
    });
  });
});

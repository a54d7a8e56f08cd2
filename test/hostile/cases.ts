/**
 * The hostile inputs of issue 12, generated (never committed as big files): the
 * drafts the hostile-input group (group.test.ts) and `npm run bench hostile`
 * run through the real CLI. Each is within the default limits (1 MB, 104,857
 * lines) or just over one; each must end in a normal result or one clear line.
 */
import { encode } from '../../src/io/encoding.js';

export interface HostileCase { name: string; bytes: Uint8Array }

const HEAD = '关于2023年XX法治政府建设情况的报告\n一、主要举措和成效\n';
const TAIL = '\n二、存在的不足和原因\n一是认识不到位。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法4次。\n四、2024年工作安排\n加强学习。\n';
const MD_HEAD = '# 关于2023年XX法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n';

/** `unit` repeated to about `bytes` bytes of UTF-8. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const txt = (body: string) => utf8(`${HEAD}${body}${TAIL}`);
const md = (body: string) => utf8(`${MD_HEAD}${body}\n\n组织XX名干部参加考试。\n`);

export function hostileCases(size = 256 * 1024): HostileCase[] {
  const big = 1000 * 1024; // just under the 1 MB limit with head and tail
  return [
    // quadratic before (item 9): numerals, brackets, figures, sentence ends, enumerations, fixes
    { name: 'digits.txt', bytes: txt(fill('1', big)) },
    { name: 'open-brackets.txt', bytes: txt(`${fill('《', size)}》`) },
    { name: 'bracket-figures.txt', bytes: txt(fill('《1名', size)) },
    { name: 'chinese-numerals.txt', bytes: txt(`${fill('一', size)}名`) },
    { name: 'lines-without-ends.txt', bytes: txt(fill('ab\n', 3 * 100_000)) },
    { name: 'one-item-runs.txt', bytes: txt(fill('一是加强学习。', size)) },
    { name: 'half-width-commas.txt', bytes: txt(fill('中,', big)) },
    { name: 'trailing-spaces.txt', bytes: txt(fill('中 \n', size)) },
    // one run of spaces before text: a lookbehind that may cross the run was quadratic (12 s at 100 KB)
    { name: 'space-run.txt', bytes: txt(`${' '.repeat(size - 16)}第二部分 存在的不足`) },
    { name: 'space-run.md', bytes: md(`## ${' '.repeat(size - 16)}第二部分 存在的不足`) },
    { name: 'too-many-lines.txt', bytes: txt(fill('a\n', 2 * 200_000)) },
    { name: 'headings.txt', bytes: txt(fill('一、标题\n', size)) },
    { name: 'placeholders.txt', bytes: txt(fill('XX ', size)) },
    { name: 'years.txt', bytes: txt(fill('2023年', size)) },
    { name: 'one-long-line.txt', bytes: txt(fill('执法人员专业知识不足', big)) },
    { name: 'carriage-returns.txt', bytes: txt(fill('\r', 100_000)) },
    // control characters and invisible ones (item 11)
    { name: 'escapes.txt', bytes: txt(fill('\u001b[2J\u001b]0;x\u0007中', size)) },
    { name: 'zero-width.txt', bytes: txt(fill('\u200b\u200d', size)) },
    // encodings (item 1)
    { name: 'gbk.txt', bytes: encode(`${HEAD}${fill('执法人员专业知识不足。', size)}${TAIL}`, 'gb18030', false) },
    { name: 'stray-bytes.txt', bytes: Buffer.concat([txt(fill('中文', size)), Buffer.from([0xff, 0xfe, 0xe4, 0xb8])]) },
    { name: 'gb18030-rare.txt', bytes: encode(`${HEAD}${fill('𠀀𪚥', size)}${TAIL}`, 'gb18030', false) },
    // Markdown (item 7)
    { name: 'deep-lists.md', bytes: md(`${'- '.repeat(10_000)}x`) },
    { name: 'deep-quotes.md', bytes: md(Array.from({ length: 3_000 }, (_, i) => `${'> '.repeat(i % 300)}x`).join('\n')) },
    { name: 'quote-line.md', bytes: md('>'.repeat(10_000)) },
    { name: 'emphasis.md', bytes: md(fill('*a', size)) },
    { name: 'links.md', bytes: md(fill('[a](', size)) },
    { name: 'list-items.md', bytes: md(fill('- a\n', 4 * 100_000)) },
    // over the limit (item 8): one line each
    { name: 'too-large.txt', bytes: txt(fill('中文', 1100 * 1024)) },
    { name: 'binary.txt', bytes: Buffer.alloc(4096, 0) },
  ];
}

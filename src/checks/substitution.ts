import type { CompileEnv, Pattern, ReportDocument, Span } from '../types.js';
import { escapeRegExp } from '../document/vocabulary.js';
import { defineCheck, message, OptionError, quote, resolveLexicon } from './define.js';

interface Context { after?: string; before?: string; near?: string; between?: string; unless?: string[] }
interface Entry extends Context { find?: string; regex?: string; replace: string; safe?: boolean; messageId?: string; title?: string; reference?: string }
type Skip = 'markers' | 'urls' | 'markdown';
interface SubstitutionOptions {
  entries?: Entry[]; swap?: Record<string, string> | string; context?: Context;
  pairs?: string[][] | string; safe?: boolean; skip?: Skip[]; ignore?: string[];
}

const ref = { type: 'string', pattern: '^\\$lexicon/', description: '"$lexicon/名称.键" 引用词表' };
const pattern = { type: 'string', minLength: 1 };
const contextProps = {
  after: { ...pattern, description: '紧挨在前面的文字须符合的正则（或 $lexicon 引用）' },
  before: { ...pattern, description: '紧挨在后面的文字须符合的正则（或 $lexicon 引用）' },
  near: { ...pattern, description: '前后至少一侧须符合的正则，如中文字符' },
  between: { ...pattern, description: '前后两侧都须符合的正则' },
  unless: { type: 'array', items: pattern, description: '落在这些词语之内时不报告（如“法制审核”）' },
};

/** What a finding and its fix's title are filled with: the text found and its replacement. */
const FOUND = ['found', 'expected'];

/**
 * Where a rule has a fix without a title of its own, replacing (`deleting` false) or
 * deleting: the entry, or the swap table (one from a lexicon may replace with anything).
 */
function untitled(o: SubstitutionOptions, deleting: boolean): (string | number)[] | undefined {
  const i = (o.entries ?? []).findIndex((e) => e.title === undefined && (e.replace === '') === deleting);
  if (i >= 0) return ['entries', i];
  if (typeof o.swap === 'string') return deleting ? undefined : ['swap'];
  const key = Object.keys(o.swap ?? {}).find((k) => ((o.swap as Record<string, string>)[k] === '') === deleting);
  return key === undefined ? undefined : ['swap', key];
}

/** "$lexicon/name.key" → the value it names. */
const lookup = (v: unknown, env: CompileEnv): unknown => resolveLexicon(v, env.lexicons);

type Test = (text: string, s: number, e: number) => boolean;

function compileContext(c: Context, env: CompileEnv): { test: Test; near?: Pattern } {
  const src = (v: string | undefined) => (v === undefined ? undefined : String(lookup(v, env)));
  const tail = (v?: string) => (v === undefined ? undefined : env.regex(`(?:${src(v)})$`, 'u'));
  const head = (v?: string) => (v === undefined ? undefined : env.regex(`^(?:${src(v)})`, 'u'));
  const [after, before, nearL, nearR, betweenL, betweenR] = [tail(c.after), head(c.before), tail(c.near), head(c.near), tail(c.between), head(c.between)];
  const unless = c.unless ?? [];
  const test: Test = (text, s, e) => {
    const left = text.slice(Math.max(0, s - 16), s);
    const right = text.slice(e, e + 16);
    if (after && !after.test(left)) return false;
    if (before && !before.test(right)) return false;
    if (betweenL && !(betweenL.test(left) && betweenR!.test(right))) return false;
    if (nearL && !(nearL.test(left) || nearR!.test(right))) return false;
    // inside an exception word such as 法制审核: a word containing the match at this place
    return !unless.some((w) => {
      for (let i = text.indexOf(w, Math.max(0, e - w.length)); i >= 0 && i <= s; i = text.indexOf(w, i + 1)) if (i + w.length >= e) return true;
      return false;
    });
  };
  const n = src(c.near ?? c.between);
  return { test, near: n === undefined ? undefined : env.regex(n, 'u') };
}

/** Spans where a substitution never applies: outline markers, URLs, `ignore` patterns, Markdown syntax. */
function skipped(doc: ReportDocument, skip: Skip[], ignore: Pattern[]): Uint8Array {
  const out = new Uint8Array(doc.text.length);
  for (const [s, e] of doc.ignored) out.fill(1, s, e);
  const scan = (re: Pattern) => {
    re.lastIndex = 0;
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      if (!m[0]) re.lastIndex++;
      else out.fill(1, m.index, m.index + m[0].length);
    }
  };
  if (skip.includes('markers')) for (const h of doc.headings) if (h.marker) out.fill(1, ...h.marker.span);
  // the e-mail part starts only where a run of address characters starts: unanchored, a
  // 100,000-character line of letters made the regex retry from every position (quadratic)
  if (skip.includes('urls')) scan(/(?:https?|ftp):\/\/[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  for (const re of ignore) scan(re);
  // inline code, link and image destinations, autolinks and inline HTML
  if (skip.includes('markdown') && doc.format === 'md') scan(/`[^`\n]+`|\]\((?:[^()\n]|\([^()\n]*\))*\)|!\[|<[^<>\n]+>/g);
  return out;
}

/** Whether any character of the span is already taken (no typed-array view per match). */
function isTaken(taken: Uint8Array, [s, e]: Span): boolean {
  for (let i = s; i < e; i++) if (taken[i]) return true;
  return false;
}

/** Brackets that pair up on one line, each mapped to whether the pair is Chinese. */
function pairUp(text: string, pairs: string[][], ctx: { test: Test; near?: Pattern }): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const [open, close] of pairs) {
    // compared as char codes: text[i] made a string per CJK character
    const o0 = open.charCodeAt(0);
    const c0 = close.charCodeAt(0);
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) stack.length = 0;
      else if (ch === o0) stack.push(i);
      else if (ch === c0 && stack.length) {
        const o = stack.pop()!;
        const chinese = ctx.test(text, o, o + 1) || ctx.test(text, i, i + 1) || !!ctx.near?.test(text.slice(o + 1, i));
        out.set(o, chinese).set(i, chinese);
      }
    }
  }
  return out;
}

/**
 * substitution — words or marks to replace, each entry with its replacement, its
 * context (after / before / near / between / unless), whether its fix is safe and
 * its own legal basis (a typo has none, an outdated term has another than a duty's name).
 * `swap` is a table of single replacements sharing one `context` (half-width →
 * full-width punctuation); `pairs` judges brackets together. Overlaps: the first
 * entry wins, so one character is reported once.
 * Used by: fullwidth-punctuation, wording.
 */
export const substitution = defineCheck<SubstitutionOptions>({
  type: 'substitution',
  summary: '把不规范的标点、提法或错别字替换为规范写法（可自动修复）',
  options: {
    entries: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false, required: ['replace'],
        properties: {
          find: { ...pattern, description: '要查找的文字（原样）' },
          regex: { ...pattern, description: '要查找的正则（JavaScript 语法，u 标志）；replace 中可用 $1' },
          replace: { type: 'string', description: '替换为；空字符串表示删除' },
          safe: { type: 'boolean', description: 'true：--fix 自动应用；false：只在编辑器或 --fix-unsafe 中应用' },
          messageId: { type: 'string', description: '使用 messages 中的哪条消息（须在 messages 中写出，可用 {{found}} {{expected}}）' },
          title: { type: 'string', description: '修复的标题，可用 {{found}} {{expected}}；不写时用 messages 中的 fix（替换）或 fixDelete（删除）' },
          reference: { type: 'string', description: '这一项的依据，显示为“依据：”，代替规则的 reference；"" 表示没有依据可引' },
          ...contextProps,
        },
      },
      description: '替换词典：每项给 find 或 regex，以及 replace、safe 和上下文条件',
    },
    swap: { oneOf: [ref, { type: 'object', additionalProperties: { type: 'string' } }], description: '逐字替换表（如半角 → 全角），共用 context' },
    context: { type: 'object', additionalProperties: false, properties: contextProps, description: 'swap 各项共用的上下文条件' },
    pairs: { oneOf: [ref, { type: 'array', items: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1 }, minItems: 2, maxItems: 2 } }], description: '成对判断的括号（各一个字符），如 [["(", ")"]]' },
    safe: { type: 'boolean', description: 'swap 各项的修复是否安全（默认 true）' },
    skip: { type: 'array', items: { enum: ['markers', 'urls', 'markdown'] }, uniqueItems: true, description: '不检查的地方：标题序号、网址、Markdown 代码与链接' },
    ignore: { type: 'array', items: pattern, description: '不检查与这些正则匹配的文字（如留给 conversion-artifact 删除的 Word 书签）' },
  },
  messages: {
    default: message('没有 messageId 的项（和 swap 各项）找到的文字', FOUND),
    fix: message('没有 title 的替换的修复的标题', FOUND, { role: 'fix', usedBy: (o: SubstitutionOptions) => untitled(o, false) }),
    fixDelete: message('没有 title 的删除（replace 为 ""）的修复的标题', FOUND, { role: 'fix', usedBy: (o: SubstitutionOptions) => untitled(o, true) }),
  },
  placeholderAliases: { replace: 'expected', find: 'found', regex: 'found' },
  optionMessages: {
    description: 'entries 各项的 messageId 指定的消息，和 title 修复的标题',
    placeholders: FOUND,
    find: (o: SubstitutionOptions) => (o.entries ?? []).flatMap((e, i) => [
      ...(e.messageId !== undefined ? [{ path: ['entries', i, 'messageId'], id: e.messageId }] : []),
      ...(e.title !== undefined ? [{ path: ['entries', i, 'title'], template: e.title }] : []),
    ]),
  },
  compile(options, env) {
    const swap = (lookup(options.swap ?? {}, env) ?? {}) as Record<string, string>;
    if (typeof swap !== 'object' || Array.isArray(swap)) throw new OptionError('swap-not-table');
    const shared = compileContext(options.context ?? {}, env);
    const pairs = (lookup(options.pairs ?? [], env) ?? []) as string[][];
    const entries = [
      ...(options.entries ?? []).map((e, i) => {
        if (!e.find === !e.regex) throw new OptionError('find-or-regex', { entry: i + 1 });
        return { e, re: e.regex ? env.regex(e.regex, 'gu') : new RegExp(escapeRegExp(e.find!), 'gu'), ctx: compileContext(e, env) };
      }),
      ...Object.entries(swap).map(([find, replace]) => ({
        e: { find, replace, safe: options.safe ?? true } as Entry,
        re: new RegExp(escapeRegExp(find), 'gu'), ctx: shared,
      })),
    ];
    const skip = options.skip ?? [];
    const ignore = (options.ignore ?? []).map((r) => env.regex(r, 'gu'));
    return ({ doc, report }) => {
      const { text } = doc;
      const paired = pairs.length ? pairUp(text, pairs, shared) : new Map<number, boolean>();
      // characters already reported (a later entry never reports them again) or never to be touched
      const taken = skipped(doc, skip, ignore);
      for (const { e, re, ctx } of entries) {
        // exec, not matchAll: its iterator results were a tenth of what a batch allocated
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (!m[0]) {
            re.lastIndex++;
            continue;
          }
          const span: Span = [m.index, m.index + m[0].length];
          if (isTaken(taken, span)) continue;
          const pair = paired.get(span[0]);
          if (pair === false || (pair === undefined && !ctx.test(text, span[0], span[1]))) continue;
          const to = e.regex ? e.replace.replace(/\$(\d)/g, (_, g: string) => m[Number(g)] ?? '') : e.replace;
          taken.fill(1, span[0], span[1]);
          // a deletion's title quotes exactly what it deletes (the message clips and collapses spaces)
          const fix = to
            ? { title: e.title, messageId: 'fix', safe: e.safe ?? false, edits: [{ span, text: to }] }
            : { title: e.title, messageId: 'fixDelete', data: { found: m[0] }, safe: e.safe ?? false, edits: [{ span, text: to }] };
          report({ span, messageId: e.messageId, data: { found: quote(m[0]), expected: to }, fix, reference: e.reference });
        }
      }
    };
  },
});

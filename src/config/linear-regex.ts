/**
 * Office-written regexes run on RE2 (re2js: pure JavaScript, no native addon, so
 * the same code runs in a browser): its matching takes time linear in the text
 * whatever the pattern, so `(a|aa)+$` or `(.*a){20}$` cannot hang a run. The
 * patterns are written in JavaScript syntax; this module translates what RE2
 * spells differently and refuses what RE2 cannot do (backreferences, a lookahead
 * anywhere but at the end, where it looks at most LOOKAHEAD_WINDOW characters on). Matching reads the text through a clock
 * (src/engine/budget.ts), so a pattern that is merely slow on a long draft stops
 * at its rule's time limit.
 */
import { RE2JS } from 're2js';
import { checkBudget } from '../engine/budget.js';
import type { Pattern } from '../types.js';

export class LinearRegexError extends Error {}

/** JavaScript's \s, which RE2 spells as ASCII space only. */
const SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/**
 * The RE2 spelling of a JavaScript pattern, with a lookahead at its very end
 * split off (matched after the rest, at the end of each match).
 */
export function toRe2(source: string, dotAll: boolean): { pattern: string; lookbehind: boolean; lookahead?: { negative: boolean; pattern: string } } {
  let out = '';
  let inClass = false;
  let depth = 0;
  let lookbehind = false;
  let lookahead: { negative: boolean; pattern: string } | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      const rest = source.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\\u\{([0-9A-Fa-f]+)\}/.exec(rest)) || (m = /^\\u([0-9A-Fa-f]{4})/.exec(rest))) {
        out += `\\x{${m[1]}}`;
        i += m[0].length - 1;
      } else if ((m = /^\\([pP])\{(?:Script|sc|Script_Extensions|scx|General_Category|gc)=([A-Za-z_]+)\}/.exec(rest))) {
        out += `\\${m[1]}{${m[2]}}`;
        i += m[0].length - 1;
      } else if (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<')) {
        throw new LinearRegexError('不支持反向引用（\\1、\\k<名称>）');
      } else if (n === 's' || (n === 'S' && !inClass)) {
        out += inClass ? SPACE : `[${n === 'S' ? '^' : ''}${SPACE}]`;
        i++;
      } else {
        out += c + n;
        i++;
      }
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // a leading ] or ^] is literal
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += `\\${source[++i]}`;
    } else if (c === '(') {
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) lookbehind = true;
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        const close = closingParen(source, i);
        if (depth !== 0 || close !== source.length - 1) {
          throw new LinearRegexError('向前查找 (?=…) 或 (?!…) 只能写在正则的最后（判断整个匹配之后的文字）');
        }
        lookahead = { negative: source[i + 2] === '!', pattern: toRe2(source.slice(i + 3, close), dotAll).pattern };
        break;
      }
      depth++;
      out += c;
    } else if (c === ')') {
      depth--;
      out += c;
    } else if (c === '.' && !dotAll) {
      out += '[^\\n\\r\\x{2028}\\x{2029}]';
    } else {
      out += c;
    }
  }
  return { pattern: out, lookbehind, lookahead };
}

/** The index of the ) closing the group that opens at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The text as re2js reads it, one character code at a time: every 256 reads
 * the rule's clock is checked, so even a single long search stops in time.
 */
class ClockedText extends String {
  private reads = 0;
  override charCodeAt(i: number): number {
    if ((++this.reads & 0xff) === 0) checkBudget();
    return super.charCodeAt(i);
  }
}

/** How far past a match a lookahead at the end of a pattern looks. */
export const LOOKAHEAD_WINDOW = 1024;

/**
 * Whether `re` matches starting at `at`, the text before it still seen (by ^, \b,
 * a lookbehind) and at most LOOKAHEAD_WINDOW characters after it: re2js searches
 * only unanchored from an offset, so the search is kept short by the window.
 */
function lookingAt(re: RE2JS, text: string, at: number): boolean {
  const m = re.matcher(new ClockedText(text.slice(0, Math.min(text.length, at + LOOKAHEAD_WINDOW))) as unknown as string);
  return m.find(at) && m.start() === at;
}

/** A JavaScript pattern compiled for RE2, used as the checks use a RegExp (exec with lastIndex, test). */
export class LinearRegExp implements Pattern {
  lastIndex = 0;
  private readonly re: RE2JS;
  private readonly ahead?: { negative: boolean; re: RE2JS };
  private readonly advancing: boolean;

  constructor(readonly source: string, readonly flags: string) {
    const { pattern, lookbehind, lookahead } = toRe2(source, flags.includes('s'));
    const f = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0)
      | (flags.includes('s') ? RE2JS.DOTALL : 0);
    try {
      this.re = RE2JS.compile(pattern, f | (lookbehind ? RE2JS.LOOKBEHINDS : 0));
      if (lookahead) this.ahead = { negative: lookahead.negative, re: RE2JS.compile(lookahead.pattern, f | RE2JS.LOOKBEHINDS) };
    } catch (err) {
      throw new LinearRegexError((err as Error).message.replace(/^error parsing regexp: /, ''));
    }
    this.advancing = flags.includes('g') || flags.includes('y');
  }

  exec(text: string): RegExpExecArray | null {
    checkBudget();
    let from = this.advancing ? this.lastIndex : 0;
    const input = new ClockedText(text);
    const m = this.re.matcher(input as unknown as string);
    for (;;) {
      if (from > text.length || !m.find(from)) {
        this.lastIndex = 0;
        return null;
      }
      const start = m.start();
      const end = m.end();
      if (this.ahead && lookingAt(this.ahead.re, text, end) === this.ahead.negative) {
        // the lookahead rejects this match: search again from the next character
        from = start + 1;
        continue;
      }
      const groups: (string | undefined)[] = [];
      for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
      const result = Object.assign(groups, { index: start, input: text, groups: undefined }) as unknown as RegExpExecArray;
      if (this.advancing) this.lastIndex = end;
      return result;
    }
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

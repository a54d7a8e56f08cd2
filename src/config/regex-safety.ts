/**
 * A load-time guard against catastrophic backtracking in user regexes: rejects a
 * quantified group that itself contains an unbounded quantifier — `(a+)+`,
 * `(\s*x)*`, `(?:a|b+){2,}` — the star-height > 1 shape behind almost every ReDoS,
 * and a quantified group whose alternatives can match the same text, `(a|a)*`.
 * It reads the pattern token by token, so lookbehind, `\p{…}` and named groups
 * are fine (safe-regex2 rejects them; recheck needs 0.3–0.6 s per pattern).
 */
export function unsafeRegexReason(source: string): string | undefined {
  interface Group { unbounded: boolean; alternatives: string[]; start: number }
  const stack: Group[] = [{ unbounded: false, alternatives: [''], start: 0 }];
  let i = 0;
  const quantifierAt = (j: number): { unbounded: boolean; length: number } | undefined => {
    const c = source[j];
    if (c === '*' || c === '+') return { unbounded: true, length: source[j + 1] === '?' ? 2 : 1 };
    if (c === '?') return { unbounded: false, length: 1 };
    if (c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}\??/.exec(source.slice(j));
      if (m) return { unbounded: m[2] === ',' && m[3] === '', length: m[0].length };
    }
    return undefined;
  };
  while (i < source.length) {
    const c = source[i];
    const top = stack[stack.length - 1];
    const alt = top.alternatives.length - 1;
    if (c === '\\') {
      top.alternatives[alt] += source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      top.alternatives[alt] += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '(') {
      stack.push({ unbounded: false, alternatives: [''], start: i });
      i++;
      const m = /^\?(?:<?[=!]|:|<[A-Za-z_]\w*>)/.exec(source.slice(i));
      if (m) i += m[0].length;
      continue;
    } else if (c === ')') {
      const g = stack.pop()!;
      if (!stack.length) return undefined; // unbalanced: the RegExp constructor reports it
      const q = quantifierAt(i + 1);
      const body = source.slice(g.start, i + 1);
      if (q?.unbounded && g.unbounded) return `“${body}”内外都有无上限的重复（如 (a+)+），可能导致回溯爆炸`;
      if (q?.unbounded && new Set(g.alternatives).size < g.alternatives.length) {
        return `“${body}”的几个分支相同又被重复，可能导致回溯爆炸`;
      }
      const parent = stack[stack.length - 1];
      parent.unbounded ||= g.unbounded || !!q?.unbounded;
      parent.alternatives[parent.alternatives.length - 1] += body;
      i += 1 + (q?.length ?? 0);
      continue;
    } else if (c === '|') {
      top.alternatives.push('');
      i++;
      continue;
    } else {
      top.alternatives[alt] += c;
      i++;
    }
    const q = quantifierAt(i);
    if (q) {
      if (q.unbounded) stack[stack.length - 1].unbounded = true;
      i += q.length;
    }
  }
  return undefined;
}

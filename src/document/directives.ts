import type { Directive, Span } from '../types.js';

const DIRECTIVE = /<!--\s*lawreport-lint-(disable-next-line|disable|enable)\b([^]*?)-->/g;

/**
 * `<!-- lawreport-lint-disable rule-a rule-b -- reason -->`, `-enable`, and
 * `-disable-next-line`, in Markdown HTML comments only (a comment in a .txt
 * draft would end up in the published report).
 */
export function findDirectives(html: readonly { span: Span; line: number; value: string }[]): Directive[] {
  const out: Directive[] = [];
  for (const h of html) {
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(h.value); m; m = DIRECTIVE.exec(h.value)) {
      const [body, reason] = m[2].split(/\s--\s?/, 2);
      const before = h.value.slice(0, m.index);
      // m[2] runs up to the closing -->
      const rulesStart = h.span[0] + m.index + m[0].length - 3 - m[2].length;
      const line = h.line + (before.match(/\n/g)?.length ?? 0);
      out.push({
        kind: m[1] as Directive['kind'],
        rules: body.split(/[\s,]+/).filter(Boolean),
        span: [h.span[0] + m.index, h.span[0] + m.index + m[0].length],
        line,
        rulesEnd: rulesStart + body.trimEnd().length,
        reason: reason?.trim() || undefined,
      });
    }
  }
  return out;
}

import type { Finding, ReportDocument, Span } from '../types.js';
import { defineCheck, expandWords, message, quote, wordListSchema } from './define.js';

type Requirement = 'title' | 'organ' | 'year' | 'report';
interface TitleOptions {
  require?: Requirement[];
  spaces?: boolean;
  wrongTypes?: string[];
}

const bySpaces = (o: TitleOptions) => (o.spaces ? ['spaces'] : undefined);

const BLANK = /^[ \t\u3000\u00a0]+$/;

/** Whitespace before and after the content of the line holding `span`, each with a deleting fix. */
function spacesAround(doc: ReportDocument, span: Span): Finding[] {
  const line = doc.lines[doc.positionAt(span[0]).line];
  const out: Finding[] = [];
  const edges: [Span, string][] = [[[line.start, span[0]], 'atStart'], [[span[1], line.end], 'atEnd']];
  for (const [s, where] of edges) {
    if (!BLANK.test(doc.slice(s))) continue;
    out.push({ span: s, messageId: 'spaces', data: { where: { messageId: where } }, fix: { messageId: 'fix', safe: true, edits: [{ span: s, text: '' }] } });
  }
  return out;
}

/**
 * title — the title of the report: present, naming the organ (发文机关), the report
 * year and the statutory document type 报告 (GB/T 9704 7.3.2: 发文机关 + 事由 + 文种),
 * with no spaces around it. What counts as organ, year and type comes from the
 * document model (rules/lexicon/title.yaml); `wrongTypes` locates a wrong type.
 * Used by: title-format.
 */
export const title = defineCheck<TitleOptions>({
  type: 'title',
  summary: '报告标题应写明发文机关、报告年度和文种“报告”',
  options: {
    require: {
      type: 'array', items: { enum: ['title', 'organ', 'year', 'report'] }, uniqueItems: true,
      description: '标题须有的内容：title 标题本身 / organ 发文机关 / year 报告年度 / report 文种为“报告”（默认全部）',
    },
    spaces: { type: 'boolean', description: '检查标题行（及单独成行的发文机关）首尾的空格' },
    wrongTypes: { ...wordListSchema, description: '不是法定文种的写法，用来定位，如 $lexicon/title.summary（工作总结、总结）' },
  },
  messages: {
    missing: message('没有找到标题', []),
    organ: message('标题没有发文机关', ['found']),
    year: message('标题没有报告年度', ['found']),
    summary: message('标题的文种是“总结”等 wrongTypes 中的写法', ['found']),
    kind: message('标题没有写明文种', ['found']),
    spaces: message('标题行首尾有空格（{{where}} 是开头或末尾）', ['where'], { usedBy: bySpaces }),
    fix: message('删除标题首尾空格的修复的标题', ['where'], { role: 'fix', usedBy: bySpaces }),
    atStart: message('{{where}}：空格在标题行的开头时，怎样说', [], { role: 'word', usedBy: bySpaces, fills: { placeholder: 'where', in: ['spaces', 'fix'] } }),
    atEnd: message('{{where}}：空格在标题行的末尾时，怎样说', [], { role: 'word', usedBy: bySpaces, fills: { placeholder: 'where', in: ['spaces', 'fix'] } }),
    passOrgan: message('审核清单中，标题写明发文机关的依据', ['organ'], { role: 'pass' }),
    passYear: message('审核清单中，标题写明报告年度的依据', ['year'], { role: 'pass' }),
  },
  compile(options, env) {
    const need = new Set<Requirement>(options.require ?? ['title', 'organ', 'year', 'report']);
    const wrong = expandWords(options.wrongTypes, env.lexicons).sort((a, b) => b.length - a.length);
    return ({ doc, report, pass }) => {
      const t = doc.title;
      if (!t) {
        const first = doc.paragraphs[0]?.span ?? doc.headings[0]?.span ?? [0, 0];
        if (need.has('title')) report({ span: first, messageId: 'missing' });
        return;
      }
      const found = quote(t.text, 40);
      if (need.has('organ')) {
        if (t.organ) pass?.({ span: t.organ.span, messageId: 'passOrgan', data: { organ: t.organ.text } });
        else report({ span: t.span, messageId: 'organ', data: { found } });
      }
      if (need.has('year')) {
        if (t.year) pass?.({ span: t.yearSpan, messageId: 'passYear', data: { year: t.year } });
        else report({ span: t.span, messageId: 'year', data: { found } });
      }
      if (need.has('report') && t.kind !== 'report') {
        const word = wrong.find((w) => t.text.includes(w));
        const at = word ? t.span[0] + t.text.lastIndexOf(word) : -1;
        if (word && t.kind === 'summary') report({ span: [at, at + word.length], messageId: 'summary', data: { found: word } });
        else report({ span: t.span, messageId: 'kind', data: { found } });
      }
      if (options.spaces) {
        const spans = [t.span];
        if (t.organ && doc.positionAt(t.organ.span[0]).line !== doc.positionAt(t.span[0]).line) spans.push(t.organ.span);
        for (const s of spans) for (const f of spacesAround(doc, s)) report(f);
      }
    };
  },
});

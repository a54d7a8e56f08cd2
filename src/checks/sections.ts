import type { Finding, Heading, Marker, Part, PartKind, ReportDocument, Span, Worded } from '../types.js';
import { numeralFor, numeralSpan, renumbered } from '../document/markers.js';
import { compileOpening, firstClause } from '../document/opening.js';
import { vocabularyFrom, type DocumentVocabulary, type PartVocabulary } from '../document/vocabulary.js';
import { defineCheck, message, partListSchema, quote } from './define.js';

interface SectionsOptions {
  require?: PartKind[];
  order?: PartKind[];
  insert?: { body?: string };
  unplaced?: boolean;
}

/** What a finding about a missing part is filled with: the part's name and the regulation's wording of it. */
const MISSING = ['part', 'official'];
const ORDER = ['part', 'next', 'expected'];
const byRequire = (o: SectionsOptions) => (o.require?.length ? ['require'] : undefined);
const byInsert = (o: SectionsOptions) => (o.insert && o.require?.length ? ['insert'] : undefined);
const byOrder = (o: SectionsOptions) => (o.order?.length ? ['order'] : undefined);

/**
 * sections — the report's parts: which must be present (`require`) and in which
 * order (`order`), and which first-level sections could not be placed (`unplaced`).
 * A missing part is anchored where it should be inserted, and says so when its
 * topic is only mentioned in passing elsewhere. The model is sure of a missing part
 * only when every section is placed: a part written as an item of another part, or
 * one that may hide in a section the model could not place, is at most a warning.
 * Used by: required-parts, other-matters, part-order, part-recognized.
 */
export const sections = defineCheck<SectionsOptions>({
  type: 'sections',
  summary: '报告的必备部分是否齐全、顺序是否符合督察工作规定',
  options: {
    require: { ...partListSchema, description: '必须出现的部分' },
    order: { ...partListSchema, description: '各部分应有的先后顺序' },
    insert: {
      type: 'object', additionalProperties: false,
      properties: { body: { type: 'string' } },
      description: '为缺少的部分提供插入标题的修复（非安全），body 为标题下的正文',
    },
    unplaced: { type: 'boolean', description: '报告未能识别属于规定的哪一部分的一级标题' },
  },
  messages: {
    missing: message('缺少 require 中的一个部分', MISSING, { usedBy: byRequire }),
    mentioned: message('缺少的部分在别处被顺带提及（{{where}} 是提及之处）', [...MISSING, 'word', 'where'], { usedBy: byRequire }),
    asItem: message('该部分写成了另一部分中的一个条目（至多为警告）', [...MISSING, 'item', 'where'], { usedBy: byRequire }),
    combined: message('该部分与另一部分写在同一个标题下（至多为警告）', [...MISSING, 'title'], { usedBy: byRequire }),
    inParagraph: message('该部分写成了另一部分中的一段（至多为警告；{{text}} 为这一段的第一个分句）', [...MISSING, 'where', 'text'], { usedBy: byRequire }),
    unplaced: message('有未能识别的一级标题、该部分可能在其中（至多为警告）', [...MISSING, 'unplaced'], { usedBy: byRequire }),
    unplacedHere: message('指向未能识别的一级标题的说明', [...MISSING, 'unplaced', 'title'], { role: 'related', usedBy: byRequire }),
    mention: message('指向顺带提及之处的说明', [...MISSING, 'word', 'where'], { role: 'related', usedBy: byRequire }),
    inItem: message('{{where}}：提及之处是一个条目时，怎样说它（{{title}} 为条目的标题）', ['title'], { role: 'word', usedBy: byRequire, fills: { placeholder: 'where', in: ['mentioned', 'mention'] } }),
    inPart: message('{{where}}：提及之处在一个部分的正文中时，怎样说它（{{title}} 为部分的标题）', ['title'], { role: 'word', usedBy: byRequire, fills: { placeholder: 'where', in: ['mentioned', 'mention'] } }),
    fixInsert: message('在下一个部分之前插入缺少的部分的修复的标题（{{heading}} 为插入的标题）', [...MISSING, 'heading'], { role: 'fix', usedBy: byInsert }),
    fixAppend: message('在文末添加缺少的部分的修复的标题（{{heading}} 为添加的标题）', [...MISSING, 'heading'], { role: 'fix', usedBy: byInsert }),
    passPresent: message('审核清单中，部分齐全的依据', ['part', 'title'], { role: 'pass', usedBy: byRequire }),
    unrecognized: message('未能识别属于规定的哪一部分的一级标题', ['title'], { usedBy: (o: SectionsOptions) => (o.unplaced ? ['unplaced'] : undefined) }),
    outOfOrder: message('一个部分排在了按规定应在它后面的部分之前', ORDER, { usedBy: byOrder }),
    earlier: message('顺序不对时，指向应排在前面的部分的说明', ORDER, { role: 'related', usedBy: byOrder }),
    passOrder: message('审核清单中，顺序正确的依据', ['order'], { role: 'pass', usedBy: byOrder }),
  },
  compile(options, env) {
    const vocab = vocabularyFrom(env.lexicons);
    const opens = compileOpening(vocab);
    const order = vocab.parts.map((p) => p.kind);
    return ({ doc, report, pass }) => {
      const unplaced = doc.parts.filter((p) => p.kind === 'unknown');
      for (const kind of options.require ?? []) {
        const present = doc.parts.find((p) => p.kind === kind);
        const pv = vocab.parts.find((p) => p.kind === kind);
        const name = pv?.name ?? kind;
        const official = pv?.official ?? name;
        if (present) {
          pass?.({ span: present.heading.span, messageId: 'passPresent', data: { part: name, title: quote(present.heading.title) } });
          continue;
        }
        const asItem = doc.itemParts.find((p) => p.kind === kind);
        if (asItem) {
          report({
            span: asItem.heading.span, messageId: 'asItem', severity: 'warning',
            data: { part: name, official, item: quote(asItem.heading.title, 30), where: quote(asItem.within?.heading.title ?? '', 20) },
          });
          continue;
        }
        const together = doc.parts.find((p) => p.alsoNames?.includes(kind));
        if (together) {
          report({ span: together.heading.span, messageId: 'combined', severity: 'warning', data: { part: name, official, title: quote(together.heading.title, 30) } });
          continue;
        }
        const finding: Finding = { span: anchorFor(doc, kind, order), messageId: 'missing', data: { part: name, official } };
        if (unplaced.length) {
          // the part may be one of them: say so, and insert nothing
          finding.messageId = 'unplaced';
          finding.severity = 'warning';
          finding.data!.unplaced = unplaced.map((p) => `“${quote(p.heading.title, 20)}”`).join('、');
          finding.related = unplaced.map((p) => ({ span: p.heading.span, messageId: 'unplacedHere', data: { title: quote(p.heading.title, 30) } }));
          report(finding);
          continue;
        }
        const paragraph = pv && findParagraph(doc, pv, opens);
        if (paragraph) {
          report({
            span: paragraph.span, messageId: 'inParagraph', severity: 'warning',
            data: { part: name, official, where: quote(paragraph.part.heading.title, 20), text: quote(doc.slice(paragraph.span), 30) },
          });
          continue;
        }
        const mention = findMention(doc, pv?.mentions ?? []);
        if (mention) {
          finding.messageId = 'mentioned';
          finding.data!.word = mention.word;
          finding.data!.where = mention.where;
          finding.related = [{ span: mention.span, messageId: 'mention' }];
        }
        if (options.insert) finding.fix = insertFix(doc, kind, order, vocab, options.insert.body ?? '');
        report(finding);
      }
      if (options.unplaced) {
        for (const p of unplaced) report({ span: p.heading.span, messageId: 'unrecognized', data: { title: quote(p.heading.title, 30) } });
      }
      if (options.order) {
        const rank = (k: PartKind) => options.order!.indexOf(k);
        const ranked = doc.parts.filter((p) => rank(p.kind) >= 0);
        let inOrder = true;
        for (let i = 1; i < ranked.length; i++) {
          const q = ranked[i - 1];
          const p = ranked[i];
          if (rank(q.kind) > rank(p.kind)) {
            inOrder = false;
            report({
              span: q.heading.span,
              messageId: 'outOfOrder',
              data: { part: quote(q.heading.title, 30), next: quote(p.heading.title, 30), expected: options.order.map((k) => shortOf(vocab, k)).join(' → ') },
              related: [{ span: p.heading.span, messageId: 'earlier' }],
            });
          }
        }
        if (inOrder && ranked.length) pass?.({ messageId: 'passOrder', data: { order: ranked.map((p) => shortOf(vocab, p.kind)).join(' → ') } });
      }
    };
  },
});

function shortOf(vocab: DocumentVocabulary, kind: PartKind): string {
  return vocab.parts.find((p) => p.kind === kind)?.short ?? kind;
}

function nameOf(vocab: DocumentVocabulary, kind: PartKind): string {
  return vocab.parts.find((p) => p.kind === kind)?.name ?? kind;
}

/** Where a missing part belongs: before the first present part that follows it in the regulation's order. */
function insertionPoint(doc: ReportDocument, kind: PartKind, order: PartKind[]): { before?: Part; after?: Part } {
  const rank = order.indexOf(kind);
  const known = doc.parts.filter((p) => p.kind !== 'unknown');
  const before = known.find((p) => order.indexOf(p.kind) > rank);
  const after = [...known].reverse().find((p) => order.indexOf(p.kind) < rank) ?? doc.parts[doc.parts.length - 1];
  return { before, after };
}

function anchorFor(doc: ReportDocument, kind: PartKind, order: PartKind[]): Span {
  const { before, after } = insertionPoint(doc, kind, order);
  if (before) return before.heading.span;
  if (after) return after.heading.span;
  if (doc.title) return doc.title.span;
  const first = doc.paragraphs[0];
  return first ? first.span : [0, 0];
}

/**
 * A paragraph of a placed part that is the part `pv` written there, in a paragraph:
 * its first clause (up to ：。；, at most 60 characters) holds one of `paragraphs`
 * (“在取得成绩的同时，还存在一些不足：一是…”), or it opens as an item of the part
 * would (`items.opening`: “乡党委书记、乡长认真履行推进法治建设第一责任人职责，全年主持…”).
 * Reported, so not missing.
 */
/** Where a paragraph's lead-in ends: “在取得成绩的同时，还存在一些不足：” runs past its commas. */
const LEAD_END = /[：:。；;]/;

function findParagraph(doc: ReportDocument, pv: PartVocabulary, opens: ReturnType<typeof compileOpening>): { span: Span; part: Part } | undefined {
  const words = pv.paragraphs;
  if (!words.length && !pv.items.opening.length) return undefined;
  for (const p of doc.paragraphs) {
    const part = doc.partAt(p.span[0]);
    if (!part) continue;
    const lead = firstClause(doc.text, p.span[0], p.span[1], LEAD_END);
    if (words.some((w) => lead.text.includes(w))) return { span: [lead.start, lead.start + lead.text.length], part };
    const clause = firstClause(doc.text, p.span[0], p.span[1]);
    if (opens(pv, clause.text, doc.slice(p.span))) return { span: [clause.start, clause.start + clause.text.length], part };
  }
  return undefined;
}

function findMention(doc: ReportDocument, words: string[]): { word: string; where: Worded; span: Span } | undefined {
  for (const word of words) {
    let at = doc.text.indexOf(word);
    while (at >= 0) {
      const part = doc.partAt(at);
      if (part) {
        const item = part.items.find((i) => at >= i.span[0] && at < i.span[1]);
        const where: Worded = item?.kind === 'heading' ? { messageId: 'inItem', data: { title: quote(item.label, 20) } } : { messageId: 'inPart', data: { title: quote(part.heading.title, 20) } };
        return { word, where, span: [at, at + word.length] };
      }
      at = doc.text.indexOf(word, at + 1);
    }
  }
  return undefined;
}

/**
 * How the draft writes its parts' headings, for a part inserted among them: the
 * numbering family they share (if they share one), and whether blank lines stand
 * before and after most of them.
 */
interface HeadingForm { numbered?: Marker; blankBefore: boolean; blankAfter: boolean }

/**
 * A heading line's text before the heading (a Markdown “## ”, an indent), and the
 * indent alone, for the body; '' when something else stands there (Word debris).
 */
function leadOf(doc: ReportDocument, h: Heading | undefined): { lead: string; indent: string } {
  const lead = h ? doc.text.slice(doc.lines[h.line].start, h.span[0]) : '';
  const m = /^(?:#{1,6}[ \t]+)?([ \t\u3000]*)$/.exec(lead);
  return m ? { lead, indent: m[1] } : { lead: '', indent: '' };
}

function headingForm(doc: ReportDocument): HeadingForm {
  const heads = doc.parts.map((p) => p.heading);
  const first = heads[0]?.marker;
  const numbered = first && first.style !== 'md' && heads.every((h) => h.marker?.style === first.style) ? first : undefined;
  const blank = (line: number) => line >= 0 && line < doc.lines.length && !doc.slice([doc.lines[line].start, doc.lines[line].end]).trim();
  const most = (test: (h: Heading) => boolean) => heads.filter(test).length * 2 > heads.length;
  return { numbered, blankBefore: most((h) => blank(h.line - 1)), blankAfter: most((h) => blank(h.line + 1)) };
}

/**
 * Inserts the missing part's heading (+ body) at its place in the regulation's
 * order, written as the draft writes its parts: its Markdown level or indent, its
 * numbering family (the parts after it renumbered), its blank lines.
 */
function insertFix(doc: ReportDocument, kind: PartKind, order: PartKind[], vocab: DocumentVocabulary, body: string): Finding['fix'] {
  const { before } = insertionPoint(doc, kind, order);
  const name = nameOf(vocab, kind);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const { numbered, blankBefore, blankAfter } = headingForm(doc);
  const last = doc.parts[doc.parts.length - 1];
  const titled = (template: Marker | undefined, n: number) => (numbered && template && n ? `${renumbered(template, n)}${name}` : name);
  const { lead, indent } = leadOf(doc, before?.heading ?? last?.heading);
  const indented = body.split('\n').map((l) => indent + l).join(eol);
  if (before) {
    const m = before.heading.marker;
    const heading = titled(m, m?.ordinal ?? 0);
    const at = doc.lines[before.heading.line].start;
    const text = `${lead}${heading}${eol}${body ? `${blankAfter ? eol : ''}${indented}${eol}` : ''}${blankBefore || (!body && blankAfter) ? eol : ''}`;
    const edits = [{ span: [at, at] as Span, text }];
    // renumber the parts that follow
    if (numbered) {
      for (const p of doc.parts.filter((x) => x.span[0] >= before.span[0])) {
        const pm = p.heading.marker!;
        const [s, e] = numeralSpan(pm);
        edits.push({ span: [pm.span[0] + s, pm.span[0] + e], text: numeralFor(pm.style, pm.ordinal + 1) });
      }
      // Claim the end of the draft (a no-op edit): a part appended in the same pass
      // would be numbered against the old numbering, so it waits for the next pass.
      const end = doc.text.trimEnd().length;
      edits.push({ span: [end, doc.text.length], text: doc.text.slice(end) });
    }
    return { messageId: 'fixInsert', data: { heading }, safe: false, edits };
  }
  const heading = titled(last?.heading.marker, (last?.heading.marker?.ordinal ?? doc.parts.length) + 1);
  const end = doc.text.trimEnd().length;
  return {
    messageId: 'fixAppend',
    data: { heading },
    safe: false,
    edits: [{ span: [end, end], text: `${eol}${blankBefore ? eol : ''}${lead}${heading}${body ? `${eol}${blankAfter ? eol : ''}${indented}` : ''}` }],
  };
}

import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { DocumentVocabulary } from '../document/index.js';
import { quote } from '../checks/define.js';
import type { Item, Part, Range, ReportDocument, Span } from '../types.js';

/** Outline entries are cut to this many characters, then “…”. */
const OUTLINE_NAME = 59;

const ITEM_KIND: Record<Item['kind'], SymbolKind> = {
  heading: SymbolKind.Key,
  enumeration: SymbolKind.EnumMember,
  paragraph: SymbolKind.String,
  sentence: SymbolKind.String,
};

/** The Chinese name of a part's kind, as the lexicon spells it. */
function partKindName(vocab: DocumentVocabulary, part: Part): string {
  return vocab.parts.find((p) => p.kind === part.kind)?.name ?? '未识别的部分';
}

/**
 * The report's outline for `textDocument/documentSymbol`: the title holding the
 * parts (detail: which of the regulation's parts it is), each holding its items.
 * Clients without hierarchical symbols get a flat list with container names.
 */
export function outline(doc: ReportDocument, vocab: DocumentVocabulary, uri: string, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const range = (span: Span): Range => ({ start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) });
  const label = (span: Span, fallback: string) => quote(doc.slice(span), OUTLINE_NAME) || fallback;

  const parts: DocumentSymbol[] = doc.parts.map((part) => {
    const selection = within(part.heading.span, part.span);
    return {
      name: label(part.heading.span, '（无标题的部分）'),
      detail: partKindName(vocab, part),
      kind: SymbolKind.Module,
      range: range(part.span),
      selectionRange: range(selection),
      children: part.items.map((item) => ({
        name: quote(item.label, OUTLINE_NAME) || label(item.headingSpan ?? item.span, '（空）'),
        detail: item.kind === 'heading' ? '条目' : item.kind === 'enumeration' ? '列举项' : '段落',
        kind: ITEM_KIND[item.kind],
        range: range(item.span),
        selectionRange: range(within(item.headingSpan ?? [item.span[0], item.span[0]], item.span)),
      })),
    };
  });

  const title = doc.title;
  let symbols: DocumentSymbol[] = parts;
  if (title) {
    const whole: Span = [Math.min(title.span[0], doc.parts[0]?.span[0] ?? title.span[0]), doc.text.length];
    const detail = [title.organ?.text, title.year ? `${title.year}年度` : undefined].filter(Boolean).join(' · ');
    symbols = [{
      name: label(title.span, '（标题）'),
      detail: detail || '报告标题',
      kind: SymbolKind.File,
      range: range(whole),
      selectionRange: range(within(title.span, whole)),
      children: parts,
    }];
  }
  if (hierarchical) return symbols;
  const flat: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container?: string) => {
    for (const s of list) {
      flat.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(symbols);
  return flat;
}

/** Clients require the selection inside the symbol's range. */
function within(selection: Span, range: Span): Span {
  return selection[0] >= range[0] && selection[1] <= range[1] ? selection : [range[0], range[0]];
}


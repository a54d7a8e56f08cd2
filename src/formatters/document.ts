import type { Item, ReportDocument, Section, Span } from '../types.js';

function clip(s: string, n = 40): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/**
 * `--print-document`: what the model sees — title, organ, year, parts with their
 * kinds and items, quantities and years. The first thing to look at when a rule
 * misfires.
 */
/** `labels`: the parts' short names from parts.yaml (举措成效, 不足原因 …). */
export function printDocument(doc: ReportDocument, labels: Readonly<Record<string, string>> = {}): string {
  const L = (span: Span) => `L${doc.positionAt(span[0]).line + 1}`;
  const out: string[] = [];
  out.push(`文件：${doc.path ?? '（标准输入）'}  格式：${doc.format}  ${doc.text.length} 字符，${doc.lines.length} 行`);
  if (doc.title) {
    out.push(`标题：${L(doc.title.span)} “${doc.title.text}”  类型：${doc.title.kind}`);
    out.push(`发文机关：${doc.title.organ ? `${L(doc.title.organ.span)} “${doc.title.organ.text}”` : '（无）'}  报告年度：${doc.year ?? '（无）'}`);
  } else {
    out.push('标题：（未找到）');
  }
  out.push('');
  out.push('大纲：');
  const walk = (s: Section, depth: number) => {
    const m = s.heading.marker;
    const style = m ? `${m.style}${m.halfWidth ? ' 半角' : ''}` : s.heading.mdDepth ? `md#${s.heading.mdDepth}` : 'bare';
    out.push(`${'  '.repeat(depth + 1)}${L(s.heading.span)} [${s.heading.level}级 ${style}] ${clip(doc.slice(s.heading.span), 50)}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of doc.sections) walk(s, 0);
  out.push('');
  out.push('部分：');
  for (const p of doc.parts) {
    out.push(`  ${L(p.heading.span)} ${p.kind}（${labels[p.kind] ?? (p.kind === 'unknown' ? '未识别' : p.kind)}）${p.matched ? ` 依据“${p.matched}”` : ''}${p.year ? ` 年份 ${p.year}` : ''}：${clip(p.heading.title, 40)}`);
    const figures = doc.quantities.filter((q) => q.span[0] >= p.bodySpan[0] && q.span[1] <= p.bodySpan[1]);
    out.push(`    正文 ${p.bodySpan[1] - p.bodySpan[0]} 字符，数字 ${figures.length} 处`);
    for (const it of p.items) out.push(`    · ${itemLine(it, L)}`);
  }
  out.push('');
  out.push(`数字（${doc.quantities.length}）：${doc.quantities.map((q) => `${q.text}${q.approx ? '≈' : ''}@${L(q.span)}`).join('  ') || '（无）'}`);
  out.push(`年份：${doc.years.map((y) => `${y.year}${y.claim ? '' : '（非陈述）'}@${L(y.span)}`).join('  ') || '（无）'}`);
  if (doc.directives.length) out.push(`禁用注释：${doc.directives.map((d) => `${d.kind} ${d.rules.join(',') || '全部'}@L${d.line + 1}`).join('  ')}`);
  return out.join('\n') + '\n';
}

function itemLine(it: Item, L: (s: Span) => string): string {
  const kind = { heading: '标题项', enumeration: '一是…', paragraph: '段落', sentence: '句子' }[it.kind];
  return `${L(it.span)} ${kind}：${clip(it.label, 40)}`;
}

/** The model as JSON (spans as [start, end] offsets plus 1-based lines), for tools. */
export function documentJson(doc: ReportDocument): string {
  const line = (s: Span) => doc.positionAt(s[0]).line + 1;
  return JSON.stringify({
    path: doc.path, format: doc.format, year: doc.year,
    title: doc.title && { ...doc.title, line: line(doc.title.span) },
    parts: doc.parts.map((p) => ({
      kind: p.kind, matched: p.matched, year: p.year, heading: p.heading.title, line: line(p.heading.span), span: p.span,
      items: p.items.map((i) => ({ kind: i.kind, label: i.label, line: line(i.span), span: i.span, headingSpan: i.headingSpan, bodySpan: i.bodySpan })),
    })),
    headings: doc.headings.map((h) => ({ line: h.line + 1, level: h.level, marker: h.marker, title: h.title })),
    quantities: doc.quantities.map((q) => ({ ...q, line: line(q.span) })),
    years: doc.years.map((y) => ({ ...y, line: line(y.span) })),
  }, null, 2) + '\n';
}

import { clipSpaced } from '../document/clip.js';
import type { Item, Part, PartEvidence, ReportDocument, ReportKindInfo, Section, Span } from '../types.js';

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
  out.push(`报告单位：${kindLine(doc.reportKind)}`);
  out.push('');
  out.push('大纲：');
  const walk = (s: Section, depth: number) => {
    const m = s.heading.marker;
    const style = m ? `${m.style}${m.halfWidth ? ' 半角' : ''}` : s.heading.mdDepth ? `md#${s.heading.mdDepth}` : 'bare';
    out.push(`${'  '.repeat(depth + 1)}${L(s.heading.span)} [${s.heading.level}级 ${style}] ${clipSpaced(doc.slice(s.heading.span), 50)}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of doc.sections) walk(s, 0);
  out.push('');
  out.push('部分：');
  const label = (k: string) => labels[k] ?? (k === 'unknown' ? '未识别' : k);
  const partLines = (p: Part, indent: string) => {
    out.push(`${indent}${L(p.heading.span)} ${p.kind}（${label(p.kind)}）${p.matched ? ` 依据“${p.matched}”` : ''}${p.year ? ` 年份 ${p.year}` : ''}：${clipSpaced(p.heading.title, 40)}`);
    const why = p.evidence.map((e) => evidenceText(e, label)).join('；');
    out.push(`${indent}  判断：${p.kind !== 'unknown' ? why : `未能识别属于规定的哪一部分（${why ? `${why}；位置和内容也不足以判断` : '标题没有关键词，位置和内容也不足以判断'}）`}`);
    if (p.alsoNames?.length) out.push(`${indent}  标题还写了：${p.alsoNames.map(label).join('、')}`);
    const figures = doc.quantities.filter((q) => q.span[0] >= p.bodySpan[0] && q.span[1] <= p.bodySpan[1]);
    out.push(`${indent}  正文 ${p.bodySpan[1] - p.bodySpan[0]} 字符，数字 ${figures.length} 处`);
    for (const it of p.items) out.push(`${indent}  · ${itemLine(it, L)}`);
  };
  for (const p of doc.parts) {
    partLines(p, '  ');
    for (const ip of doc.itemParts.filter((x) => x.within === p)) {
      out.push(`    其中的条目写的是另一部分：`);
      partLines(ip, '      ');
    }
  }
  out.push('');
  out.push(`数字（${doc.quantities.length}）：${doc.quantities.map((q) => `${q.text}${q.approx ? '≈' : ''}@${L(q.span)}`).join('  ') || '（无）'}`);
  out.push(`年份：${doc.years.map((y) => `${y.year}${y.claim ? '' : '（非陈述）'}@${L(y.span)}`).join('  ') || '（无）'}`);
  if (doc.directives.length) out.push(`禁用注释：${doc.directives.map((d) => `${d.kind} ${d.rules.join(',') || '全部'}@L${d.line + 1}`).join('  ')}`);
  return out.join('\n') + '\n';
}

function kindLine(k: ReportKindInfo): string {
  const why = {
    config: '配置 reportKind 指定',
    title: `标题中的发文机关“${k.found ?? ''}”`,
    text: `正文自称“${k.found ?? ''}”`,
    default: '标题和正文都没有说明，按默认',
  }[k.by];
  return `${k.kind}（${k.label}） 依据：${why}`;
}

/** One piece of evidence for a part, in words. */
function evidenceText(e: PartEvidence, label: (k: string) => string): string {
  switch (e.by) {
    case 'keyword':
      if (e.setAside) return `标题中的“${e.word}”（${label(e.kind)}应在结束部分之前，这一节排在其后，不作依据）`;
      return e.weak ? `标题中的“${e.word}”（标题是主题句，只作参考）` : `关键词：标题中的“${e.word}”`;
    case 'year':
      return `年份：标题写的是${e.year}年`;
    case 'position': {
      const where = [e.after && `在“${label(e.after)}”之后`, e.before && `在“${label(e.before)}”之前`].filter(Boolean).join('、');
      return `位置：${where || '其他部分都没有关键词'}`;
    }
    case 'content':
      return `内容（${label(e.kind)}）：数字 ${e.figures} 处，已做的工作 ${e.past} 处，问题 ${e.problems} 处，原因 ${e.causes} 处，下一步 ${e.future} 处`;
    case 'item':
      return e.opening ? `条目：条目正文的第一个分句写了“${e.word}”` : `条目：条目标题中的“${e.word}”`;
  }
}

function itemLine(it: Item, L: (s: Span) => string): string {
  const kind = { heading: '标题项', enumeration: '一是…', paragraph: '段落', sentence: '句子' }[it.kind];
  return `${L(it.span)} ${kind}：${clipSpaced(it.label, 40)}`;
}

/** The model as JSON (spans as [start, end] offsets plus 1-based lines), for tools. */
export function documentJson(doc: ReportDocument): string {
  const line = (s: Span) => doc.positionAt(s[0]).line + 1;
  return JSON.stringify({
    path: doc.path, format: doc.format, year: doc.year,
    title: doc.title && { ...doc.title, line: line(doc.title.span) },
    reportKind: { kind: doc.reportKind.kind, by: doc.reportKind.by, found: doc.reportKind.found },
    parts: [...doc.parts, ...doc.itemParts].sort((a, b) => a.span[0] - b.span[0]).map((p) => ({
      kind: p.kind, matched: p.matched, year: p.year, heading: p.heading.title, line: line(p.heading.span), span: p.span,
      evidence: p.evidence, ...(p.within ? { within: line(p.within.heading.span) } : {}), ...(p.alsoNames ? { alsoNames: p.alsoNames } : {}),
      items: p.items.map((i) => ({ kind: i.kind, label: i.label, line: line(i.span), span: i.span, headingSpan: i.headingSpan, bodySpan: i.bodySpan })),
    })),
    headings: doc.headings.map((h) => ({ line: h.line + 1, level: h.level, marker: h.marker, title: h.title })),
    quantities: doc.quantities.map((q) => ({ ...q, line: line(q.span) })),
    years: doc.years.map((y) => ({ ...y, line: line(y.span) })),
  }, null, 2) + '\n';
}

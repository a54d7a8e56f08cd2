import type { Title } from '../types.js';
import type { SourceLine } from './lines.js';
import { CN_SMALL_NUMERAL, YEAR_NUMBER, yearValue } from './numerals.js';
import { alternation, type DocumentVocabulary } from './vocabulary.js';

const YEAR = new RegExp(`(${YEAR_NUMBER})\\s*年`);
/** An outline marker (一、 （一） 1.): the title is above it. */
const OUTLINE_START = new RegExp(`^[（(]?(?:${CN_SMALL_NUMERAL}|\\d)+[、.．）)]`);

export interface TitleVocabulary {
  about: string;
  report: RegExp;
  summary: RegExp;
  subject: RegExp;
  organLine: RegExp;
}

export function compileTitleVocabulary(v: DocumentVocabulary): TitleVocabulary {
  const never = /(?!)/;
  const re = (words: string[], suffix = '') => (words.length ? new RegExp(`(?:${alternation(words)})${suffix}`) : never);
  return {
    about: v.title.about,
    report: re(v.title.report, '\\s*$'),
    summary: re(v.title.summary),
    subject: re(v.title.subject),
    // an organ line is short, has no punctuation and ends like a government organ; a place
    // name may be one character (沛县, 滑县), but 全县, 我镇, 该局 point at an organ, not name it
    organLine: v.title.organSuffixes.length
      ? new RegExp(`^(?!(?:${alternation(v.title.determiners) || '(?!)'})(?:${alternation(v.title.organSuffixes)})$)[^，。；：,.;:！？、\\s]{1,40}(?:${alternation(v.title.organSuffixes)})$`)
      : never,
  };
}

/**
 * The title is the first short line near the top that names the subject or the
 * document type (关于2023年法治政府建设情况的报告); the organ may precede it on its own
 * line or stand before 关于 on the same line. Word wraps a long title over two
 * lines (“关于2023年度法治政府建设” / “工作情况的报告”): two adjacent lines that make a
 * title only together are read as one.
 */
export function findTitle(text: string, lines: SourceLine[], tv: TitleVocabulary): { title?: Title; lineIndex: number } {
  const candidates = lines.filter((l) => !l.blank).slice(0, 6);
  const isTitle = (t: string, l: SourceLine) => {
    const isReport = tv.report.test(t) || tv.summary.test(t);
    return (isReport && (t.includes(tv.about) || tv.subject.test(t))) || (l.mdDepth === 1 && tv.subject.test(t));
  };
  const usable = (t: string) => t.length <= 90 && !/[。；]/.test(t);
  for (let k = 0; k < candidates.length; k++) {
    const l = candidates[k];
    const first = text.slice(l.contentStart, l.contentEnd);
    if (!usable(first)) continue;
    if (OUTLINE_START.test(first)) break; // reached the outline
    let t = first;
    let last = l;
    if (!isTitle(first, l)) {
      const n = candidates[k + 1];
      const rest = n && n.index === l.index + 1 ? text.slice(n.contentStart, n.contentEnd) : '';
      // an organ line above the title, or a title on the next line by itself, is not a wrapped title
      if (!rest || (tv.organLine.test(first) && !YEAR.test(first)) || OUTLINE_START.test(rest) || isTitle(rest, n) || !usable(first + rest) || /[，,]/.test(rest) || !isTitle(first + rest, l)) continue;
      t = first + rest;
      last = n;
    }
    // a place in `t` (the lines joined) as an offset of the text
    const at = (i: number) => (i < first.length ? l.contentStart + i : last.contentStart + i - first.length);
    const spanOf = (i: number, len: number): [number, number] => [at(i), at(i + len - 1) + 1];

    const title: Title = {
      span: [l.contentStart, last.contentEnd],
      text: t,
      kind: tv.report.test(t) ? 'report' : tv.summary.test(t) ? 'summary' : 'other',
    };
    const y = YEAR.exec(t);
    if (y) {
      title.year = yearValue(y[1]);
      title.yearSpan = spanOf(y.index, y[0].length);
    }
    const about = t.indexOf(tv.about);
    let organ: { from: number; text: string } | undefined;
    if (about > 0) {
      const o = t.slice(0, about).trim();
      organ = { from: t.indexOf(o), text: o };
    } else if (about < 0 && y && y.index > 0) {
      // “天星寺镇2022年法治政府建设情况报告”: the organ stands before the year
      const o = t.slice(0, y.index).trim();
      if (tv.organLine.test(o)) organ = { from: 0, text: o };
    } else if (about === 0 && y && y.index > tv.about.length) {
      // “关于龙溪镇2023年法治政府建设情况的报告”: the organ follows 关于
      const o = t.slice(tv.about.length, y.index).trim();
      if (tv.organLine.test(o)) organ = { from: t.indexOf(o, tv.about.length), text: o };
    } else if (about < 0 && y && y.index === 0) {
      // “2023年城口县法治政府建设情况报告”: the organ stands between the year and the subject
      const from = y[0].length + (t[y[0].length] === '度' ? 1 : 0);
      const subject = tv.subject.exec(t.slice(from));
      const o = subject ? t.slice(from, from + subject.index).trim() : '';
      if (o && tv.organLine.test(o)) organ = { from: t.indexOf(o, from), text: o };
    }
    if (organ?.text) title.organ = { span: spanOf(organ.from, organ.text.length), text: organ.text };
    if (!title.organ && k > 0) {
      const prev = candidates[k - 1];
      const p = text.slice(prev.contentStart, prev.contentEnd);
      if (tv.organLine.test(p)) title.organ = { span: [prev.contentStart, prev.contentEnd], text: p };
    }
    return { title, lineIndex: last.index };
  }
  return { lineIndex: -1 };
}

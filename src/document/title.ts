import type { Title } from '../types.js';
import type { SourceLine } from './lines.js';
import { CN_SMALL_NUMERAL, YEAR_NUMBER, YEAR_WITH_NIAN as YEAR, yearValue } from './numerals.js';
import { alternation, type DocumentVocabulary } from './vocabulary.js';

/** A date on a line of its own, in brackets or after a dash: “（2024年1月10日）”, “——2024年1月10日在…会议上”. */
const DATE_LINE = new RegExp(`^(?:[（(]|——)[^）)]{0,40}${YEAR_NUMBER}\\s*年[^）)]{0,40}[）)]?$`);
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
  // one organ or several issuing together: “中共龙溪镇委员会 龙溪镇人民政府”, “…党委、…人民政府”
  const isOrgan = (o: string) => {
    const names = o.split(/[\s、]+/).filter(Boolean);
    return names.length > 0 && names.every((n) => tv.organLine.test(n));
  };
  const isTitle = (t: string, l: SourceLine) => {
    const isReport = tv.report.test(t) || tv.summary.test(t);
    return (isReport && (t.includes(tv.about) || tv.subject.test(t))) || (l.mdDepth === 1 && tv.subject.test(t));
  };
  // a title that forgot its document type (“龙溪镇2023年法治政府建设情况”): the first line, or the
  // one under the organ, naming the subject and a year, without a mark of running text
  const untyped = (t: string, k: number) => {
    const top = k === 0 || (k === 1 && isOrgan(text.slice(candidates[0].contentStart, candidates[0].contentEnd)));
    return top && t.length <= 50 && YEAR.test(t) && tv.subject.test(t) && !/[，,。；;：:！？!?]/.test(t);
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
      const wrapped = !!rest && !(isOrgan(first) && !YEAR.test(first)) && !OUTLINE_START.test(rest) && !isTitle(rest, n)
        && usable(first + rest) && !/[，,]/.test(rest) && isTitle(first + rest, l);
      if (wrapped) {
        t = first + rest;
        last = n;
      } else if (!untyped(first, k)) continue;
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
      if (isOrgan(o)) organ = { from: 0, text: o };
    } else if (about === 0 && y && y.index > tv.about.length) {
      // “关于龙溪镇2023年法治政府建设情况的报告”: the organ follows 关于
      const o = t.slice(tv.about.length, y.index).trim();
      if (isOrgan(o)) organ = { from: t.indexOf(o, tv.about.length), text: o };
    } else if (about < 0 && y && y.index === 0) {
      // “2023年城口县法治政府建设情况报告”: the organ stands between the year and the subject
      const from = y[0].length + (t[y[0].length] === '度' ? 1 : 0);
      const subject = tv.subject.exec(t.slice(from));
      const o = subject ? t.slice(from, from + subject.index).trim() : '';
      if (o && isOrgan(o)) organ = { from: t.indexOf(o, from), text: o };
    }
    if (organ?.text) title.organ = { span: spanOf(organ.from, organ.text.length), text: organ.text };
    if (!title.organ && k > 0) {
      const prev = candidates[k - 1];
      const p = text.slice(prev.contentStart, prev.contentEnd);
      if (isOrgan(p)) title.organ = { span: [prev.contentStart, prev.contentEnd], text: p };
    }
    // a report as read to a congress names its organ under the title, after the date:
    // “关于2023年度法治政府建设情况的报告” / “（2024年1月10日）” / “桃花乡人民政府”
    let below = candidates.indexOf(last) + 1;
    if (!title.organ && candidates[below] && DATE_LINE.test(text.slice(candidates[below].contentStart, candidates[below].contentEnd))) below++;
    const under = candidates[below];
    if (!title.organ && under) {
      const u = text.slice(under.contentStart, under.contentEnd);
      if (isOrgan(u)) title.organ = { span: [under.contentStart, under.contentEnd], text: u };
    }
    return { title, lineIndex: last.index };
  }
  return { lineIndex: -1 };
}

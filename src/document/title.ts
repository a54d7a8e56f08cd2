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
 * line or stand before 关于 on the same line.
 */
export function findTitle(text: string, lines: SourceLine[], tv: TitleVocabulary): { title?: Title; lineIndex: number } {
  const candidates = lines.filter((l) => !l.blank).slice(0, 6);
  for (let k = 0; k < candidates.length; k++) {
    const l = candidates[k];
    const t = text.slice(l.contentStart, l.contentEnd);
    if (t.length > 90 || /[。；]/.test(t)) continue;
    if (OUTLINE_START.test(t)) break; // reached the outline
    const isReport = tv.report.test(t) || tv.summary.test(t);
    if (!(isReport && (t.includes(tv.about) || tv.subject.test(t))) && !(l.mdDepth === 1 && tv.subject.test(t))) continue;

    const title: Title = {
      span: [l.contentStart, l.contentEnd],
      text: t,
      kind: tv.report.test(t) ? 'report' : tv.summary.test(t) ? 'summary' : 'other',
    };
    const y = YEAR.exec(t);
    if (y) {
      title.year = yearValue(y[1]);
      title.yearSpan = [l.contentStart + y.index, l.contentStart + y.index + y[0].length];
    }
    const about = t.indexOf(tv.about);
    if (about > 0) {
      const organ = t.slice(0, about).trim();
      const s = l.contentStart + t.indexOf(organ);
      title.organ = { span: [s, s + organ.length], text: organ };
    } else if (about < 0 && y && y.index > 0) {
      // “天星寺镇2022年法治政府建设情况报告”: the organ stands before the year
      const organ = t.slice(0, y.index).trim();
      if (tv.organLine.test(organ)) title.organ = { span: [l.contentStart, l.contentStart + organ.length], text: organ };
    } else if (about === 0 && y && y.index > tv.about.length) {
      // “关于龙溪镇2023年法治政府建设情况的报告”: the organ follows 关于
      const organ = t.slice(tv.about.length, y.index).trim();
      if (tv.organLine.test(organ)) {
        const s = l.contentStart + t.indexOf(organ, tv.about.length);
        title.organ = { span: [s, s + organ.length], text: organ };
      }
    } else if (about < 0 && y && y.index === 0) {
      // “2023年城口县法治政府建设情况报告”: the organ stands between the year and the subject
      const from = y[0].length + (t[y[0].length] === '度' ? 1 : 0);
      const subject = tv.subject.exec(t.slice(from));
      const organ = subject ? t.slice(from, from + subject.index).trim() : '';
      if (organ && tv.organLine.test(organ)) {
        const s = l.contentStart + t.indexOf(organ, from);
        title.organ = { span: [s, s + organ.length], text: organ };
      }
    }
    if (!title.organ && k > 0) {
      const prev = candidates[k - 1];
      const p = text.slice(prev.contentStart, prev.contentEnd);
      if (tv.organLine.test(p)) title.organ = { span: [prev.contentStart, prev.contentEnd], text: p };
    }
    return { title, lineIndex: l.index };
  }
  return { lineIndex: -1 };
}

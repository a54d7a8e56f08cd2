/**
 * --previous: pairs each draft with the same unit's report of the year before.
 *
 * A unit is recognised by the organ in the title (涂山镇人民政府 → 涂山镇), else by
 * the file name without years, extension and report words (tushan-2023.txt →
 * tushan). Organ names drift between years (“重庆市南岸区涂山镇人民政府” one year,
 * “涂山镇人民政府” the next), so one key ending with the other is a match too.
 */
import { basename, extname } from 'node:path';
import { alternation } from '../document/vocabulary.js';
import type { Lexicons, ReportDocument } from '../types.js';

/** What pairing needs to know about a report; plain data, sent to workers. */
export interface UnitInfo {
  path: string;
  organ?: string;
  name: string;
  year?: number;
}

/** The words of rules/lexicon/units.yaml, compiled. */
export interface UnitVocabulary { bodySuffix: RegExp; partyPrefix: RegExp; noise: RegExp; region: RegExp }

const compiled = new WeakMap<object, UnitVocabulary>();

export function unitVocabulary(lexicons: Lexicons): UnitVocabulary {
  const lex = (lexicons.units ?? {}) as Record<string, unknown>;
  let v = compiled.get(lex);
  if (!v) {
    const words = (k: string) => (Array.isArray(lex[k]) ? (lex[k] as unknown[]).map(String) : []);
    const alt = (k: string) => alternation(words(k)) || '(?!)';
    v = {
      bodySuffix: new RegExp(`(?:${alt('bodySuffixes')})$`),
      partyPrefix: new RegExp(`^(?:${alt('partyPrefixes')})`),
      noise: new RegExp(`${alt('fileNameNoise')}|\\(\\d+\\)|（\\d+）`, 'g'),
      // at least two characters before the level: 新市镇 is a town, not 新 + 市
      region: new RegExp(`^.{2,}?(?:${alt('regionSuffixes')})(?=.{2,}$)`),
    };
    compiled.set(lex, v);
  }
  return v;
}

/** The unit's core name in an organ: “中共天星寺镇委员会、天星寺镇人民政府” → “天星寺镇”. */
export function organKey(organ: string, v: UnitVocabulary): string | undefined {
  const segments = organ.replace(/\s+/g, '').replace(v.partyPrefix, '').split(/[、，,和及与]/).filter(Boolean);
  let last = segments[segments.length - 1] ?? '';
  while (v.bodySuffix.test(last)) last = last.replace(v.bodySuffix, '');
  last = last.replace(v.partyPrefix, '');
  return last.length >= 2 ? last : undefined;
}

/** A unit's key as a person says it, without the levels above it: 重庆市南岸区涂山镇 → 涂山镇. */
export function shortUnit(key: string, v: UnitVocabulary): string {
  let name = key;
  for (let next = name.replace(v.region, ''); next !== name; next = name.replace(v.region, '')) name = next;
  return name;
}

/** The unit in a file name: “涂山镇2023年法治政府建设情况报告.docx” → “涂山镇”, “tushan-2023.txt” → “tushan”. */
export function nameKey(path: string, v: UnitVocabulary): string {
  const stem = basename(path, extname(path));
  const key = stem
    .replace(/(19|20)\d{2}\s*(年度|年)?/g, '')
    .replace(v.noise, '')
    .replace(/[\s\-_.·、，,()（）【】[\]]+/g, '')
    .toLowerCase();
  return organKey(key, v) ?? key;
}

export function unitInfo(path: string, doc: Pick<ReportDocument, 'title' | 'year'>, v: UnitVocabulary): UnitInfo {
  const organ = doc.title?.organ?.text;
  return { path, organ: organ ? organKey(organ, v) : undefined, name: nameKey(path, v), year: doc.year };
}

function sameUnit(a: string | undefined, b: string | undefined): 0 | 1 | 2 {
  if (!a || !b) return 0;
  if (a === b) return 2;
  return a.endsWith(b) || b.endsWith(a) ? 1 : 0;
}

/**
 * The previous-year report for `draft` among `candidates`: the best unit match
 * (organ to organ first, file names second), then the year right before the
 * draft's, then the latest earlier year. Never the draft itself, never a report
 * of the same or a later year when both years are known — unless `rerun`: the
 * candidates are an earlier run's record (--compare), where the same file and
 * the same year (a draft checked again after revision) may pair, after the year before.
 */
export function pairPrevious<T extends UnitInfo>(draft: UnitInfo, candidates: readonly T[], { rerun = false } = {}): T | undefined {
  let best: { c: T; score: number } | undefined;
  for (const c of candidates) {
    if (c.path === draft.path && !rerun) continue;
    if (draft.year !== undefined && c.year !== undefined && (c.year > draft.year || (c.year === draft.year && !rerun))) continue;
    const unit = Math.max(
      sameUnit(draft.organ, c.organ) * 4,
      sameUnit(draft.name, c.name) * 2,
      sameUnit(draft.organ, c.name),
      sameUnit(draft.name, c.organ),
    );
    if (!unit) continue;
    const yearScore = draft.year !== undefined && c.year !== undefined ? (c.year === draft.year - 1 ? 1 : c.year === draft.year ? 0.75 : 1 / (1 + draft.year - c.year)) : 0.5;
    const score = unit * 10 + yearScore;
    if (!best || score > best.score) best = { c, score };
  }
  return best?.c;
}

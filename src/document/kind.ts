import type { ReportKindInfo, ReportKindSetting, Title } from '../types.js';
import { alternation, type DocumentVocabulary, type KindVocabulary } from './vocabulary.js';

export type KindReader = (title: Title | undefined, text: string) => ReportKindInfo;

/**
 * The report's kind (kinds.yaml): from the title's organ, read from its end — a
 * department's own name (…司法局), else the place a government governs once
 * 人民政府 is set aside (龙溪镇人民政府 → 龙溪镇 → township; 城口县 → county) —
 * then from the text's self-references (我镇, 我局), then the default.
 */
export function compileKindReader(v: DocumentVocabulary, setting: ReportKindSetting = 'auto'): KindReader {
  const kinds = v.kinds.list;
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  const info = (k: KindVocabulary | undefined, by: ReportKindInfo['by'], found?: string): ReportKindInfo => {
    const vk = k ?? byKind.get(v.kinds.default);
    return { kind: vk?.kind ?? v.kinds.default, label: vk?.label ?? v.kinds.default, by, found, words: vk?.words ?? {} };
  };
  if (setting !== 'auto') {
    // the kind the config names, even if a replaced kinds.yaml has no words for it
    const k = byKind.get(setting);
    const fixed: ReportKindInfo = { kind: setting, label: k?.label ?? setting, by: 'config', words: k?.words ?? {} };
    return () => fixed;
  }
  const government = v.kinds.governments.length ? new RegExp(`(?:${alternation(v.kinds.governments)})$`) : undefined;
  const ends = kinds.flatMap((k) => k.ends.map((word) => ({ word, k }))).sort((a, b) => b.word.length - a.word.length);
  const ofOrgan = (organ: string): KindVocabulary | undefined => {
    for (const name of [organ, government ? organ.replace(government, '') : organ]) {
      const hit = ends.find((e) => name.length > e.word.length && name.endsWith(e.word));
      if (hit) return hit.k;
    }
    return undefined;
  };
  const selfWords = kinds.flatMap((k) => k.self.map((word) => ({ word, k })));
  const self = selfWords.length ? new RegExp(alternation(selfWords.map((s) => s.word)), 'g') : undefined;
  const kindOfSelf = new Map(selfWords.map((s) => [s.word, s.k]));
  return (title, text) => {
    const organ = title?.organ?.text.trim();
    const k = organ ? ofOrgan(organ) : undefined;
    if (k) return info(k, 'title', organ);
    if (self) {
      const counts = new Map<KindVocabulary, { n: number; word: string }>();
      self.lastIndex = 0;
      for (let m = self.exec(text); m; m = self.exec(text)) {
        const kk = kindOfSelf.get(m[0])!;
        const c = counts.get(kk) ?? { n: 0, word: m[0] };
        c.n++;
        counts.set(kk, c);
      }
      let best: [KindVocabulary, { n: number; word: string }] | undefined;
      for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
      if (best) return info(best[0], 'text', best[1].word);
    }
    return info(undefined, 'default');
  };
}

/**
 * Builds .docx versions of text drafts with the `docx` package, the way county
 * staff's Word files look: one Word paragraph per line, part titles in a Word
 * heading style, and optionally Word's automatic numbering instead of typed
 * markers.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const CN = '一二三四五六七八九十';
const cnValue = (s: string) => (s.length === 1 ? CN.indexOf(s) + 1 : s === '十' ? 10 : s.startsWith('十') ? 10 + CN.indexOf(s[1]) + 1 : -1);

/** Marker families Word can number, with the level each gets in the list. */
const FAMILIES = [
  { level: 0, re: /^([一二三四五六七八九十]{1,2})、/, value: cnValue, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, re: /^（([一二三四五六七八九十]{1,2})）/, value: cnValue, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, re: /^(\d{1,2})\.(?!\d)\s?/, value: Number, format: LevelFormat.DECIMAL, text: '%3.' },
] as const;

export interface DocxOptions {
  /** Replace typed markers by Word numbering, for every family whose typed numbers Word would reproduce exactly. */
  autoNumber?: boolean;
}

export async function draftToDocx(text: string, options: DocxOptions = {}): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split(/\r?\n/);
  const family = (line: string) => FAMILIES.find((f) => f.re.test(line));
  // Word restarts a level after any shallower one: only families typed that way can be auto-numbered
  const numberable = new Set<number>();
  if (options.autoNumber) {
    const ok = new Map<number, boolean>();
    const counters: number[] = [];
    for (const line of lines) {
      const f = family(line);
      if (!f) continue;
      counters[f.level] = (counters[f.level] ?? 0) + 1;
      counters.length = f.level + 1;
      const typed = f.value(f.re.exec(line)![1]);
      ok.set(f.level, (ok.get(f.level) ?? true) && typed === counters[f.level]);
    }
    for (const [level, good] of ok) if (good) numberable.add(level);
  }
  const paragraphs = lines.map((line) => {
    const f = family(line);
    const heading = f?.level === 0 ? HeadingLevel.HEADING_1 : undefined;
    if (f && numberable.has(f.level)) {
      return new Paragraph({ heading, numbering: { reference: 'outline', level: f.level }, children: [new TextRun(line.replace(f.re, ''))] });
    }
    return new Paragraph({ heading, children: line ? [new TextRun(line)] : [] });
  });
  const doc = new Document({
    numbering: {
      config: [{
        reference: 'outline',
        levels: FAMILIES.map((f) => ({ level: f.level, format: f.format, text: f.text, alignment: AlignmentType.LEFT })),
      }],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(doc);
}

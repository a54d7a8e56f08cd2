/**
 * --compare LAST_RUN.jsonl: this run against an earlier one. A run's jsonl output
 * is the record (each line the json contract plus `review`: organ, year, counts,
 * the checklist); each draft now is paired with the same organ's draft in the
 * record as --previous pairs reports (organ in the title first, file name second;
 * the year before first, then the same year: a draft checked again after revision).
 */
import { createReadStream } from 'node:fs';
import type { CompareSession, CompareSource, Counts, DraftChange, RecordedDraft } from '../formatters/change.js';
import type { ChecklistItem } from '../formatters/checklist.js';
import { countsOf } from '../formatters/record.js';
import type { FileResult } from '../types.js';
import { nameKey, organKey, pairPrevious, shortUnit, type UnitInfo, type UnitVocabulary } from './previous.js';

/** A record that cannot be used: what is wrong, where. */
export class RecordError extends Error {}

/**
 * Reads a record, keeping of each draft only what a comparison needs (not its
 * diagnostics): a record of 3,000 drafts is ~50 MB, its digest a few hundred KB.
 */
export async function readRecord(path: string): Promise<RecordedDraft[]> {
  const out: RecordedDraft[] = [];
  // loaded here: the CLI imports this module, and only --compare reads a record
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (!text.trim()) continue;
      let entry: { filePath?: unknown; error?: { message?: unknown }; review?: { organ?: unknown; year?: unknown; counts?: Counts; checklist?: RecordedDraft['checklist'] }; diagnostics?: unknown };
      try {
        entry = JSON.parse(text);
      } catch {
        throw new RecordError(`第 ${n} 行不是一条 JSON 记录；--compare 要的是上次用 -f jsonl 输出的文件`);
      }
      if (typeof entry?.filePath !== 'string' || !Array.isArray(entry.diagnostics)) throw new RecordError(`第 ${n} 行缺少 filePath 或 diagnostics；--compare 要的是上次用 -f jsonl 输出的文件`);
      const review = entry.review;
      out.push({
        file: entry.filePath,
        ...(typeof review?.organ === 'string' ? { organ: review.organ } : {}),
        ...(typeof review?.year === 'number' ? { year: review.year } : {}),
        ...(entry.error ? { error: String(entry.error.message ?? '无法检查') } : {}),
        ...(review?.counts ? { counts: review.counts } : {}),
        ...(Array.isArray(review?.checklist) ? { checklist: review.checklist } : {}),
      });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RecordError('找不到这个文件');
    if (code === 'EISDIR') throw new RecordError('这是一个文件夹；请给出上次用 -f jsonl 输出的文件');
    throw err;
  }
  if (!out.length) throw new RecordError('文件中没有记录；请给出上次用 -f jsonl 输出的文件');
  return out;
}

type Candidate = UnitInfo & { draft: RecordedDraft };

/** The comparison of a run against `record` (read by readRecord from `file`, shown as given). */
export function comparer(file: string, record: readonly RecordedDraft[], vocabulary: UnitVocabulary): CompareSource {
  const candidates: Candidate[] = record.map((draft, i) => ({
    path: `${i}\0${draft.file}`, draft,
    organ: draft.organ ? organKey(draft.organ, vocabulary) : undefined,
    name: nameKey(draft.file, vocabulary),
    year: draft.year,
  }));
  return {
    file,
    start(): CompareSession {
      const paired = new Set<RecordedDraft>();
      return {
        change(r, items) {
          const organ = r.summary?.organ;
          const unit: UnitInfo = { path: r.filePath, organ: organ ? organKey(organ, vocabulary) : undefined, name: nameKey(r.filePath, vocabulary), year: r.summary?.year };
          const then = pairPrevious(unit, candidates, { rerun: true })?.draft;
          if (then) paired.add(then);
          return changeOf(shortUnit(unit.organ ?? organ ?? unit.name, vocabulary), then, r, items);
        },
        unpaired: () => record.filter((d) => !paired.has(d)),
      };
    },
  };
}

function changeOf(unit: string, then: RecordedDraft | undefined, r: FileResult, items: readonly ChecklistItem[]): DraftChange {
  const sameYear = then?.year !== undefined && then.year === r.summary?.year;
  const before = new Map((then?.checklist ?? []).map((c) => [c.id, c.status]));
  const failedNow = items.filter((it) => it.status === 'fail');
  return {
    unit,
    then,
    words: sameYear ? { then: '上次', now: '本次' } : { then: '去年', now: '今年' },
    failedThen: then?.checklist ? then.checklist.filter((c) => c.status === 'fail').length : undefined,
    failedNow: failedNow.length,
    fixed: items.filter((it) => it.status === 'pass' && before.get(it.requirement.id) === 'fail').map((it) => it.requirement.label),
    newFailures: then?.checklist ? failedNow.filter((it) => before.get(it.requirement.id) !== 'fail').map((it) => it.requirement.label) : [],
    countsNow: countsOf(r),
  };
}

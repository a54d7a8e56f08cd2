import type { FileResult } from '../types.js';
import type { CheckStatus, ChecklistItem } from './checklist.js';

/**
 * --compare: what the formats for people show of last run against this one. The
 * record is a run's jsonl output (see jsonl.ts, `review`); src/batch/compare.ts
 * reads it and pairs drafts by organ as --previous does.
 */

export interface Counts { errors: number; warnings: number; infos: number }

/** One draft of the earlier run, as its jsonl record has it. */
export interface RecordedDraft {
  file: string;
  organ?: string;
  year?: number;
  /** Why it could not be checked then. */
  error?: string;
  counts?: Counts;
  checklist?: { id: string; label: string; status: CheckStatus }[];
}

/** What changed for one organ. */
export interface DraftChange {
  /** The unit's name, as short as pairing knows it: 涂山镇. */
  unit: string;
  /** The earlier draft; absent when the record has no counterpart. */
  then?: RecordedDraft;
  /** 去年/今年 across years, 上次/本次 for two runs of the same year. */
  words: { then: string; now: string };
  failedThen?: number;
  failedNow: number;
  /** Requirements that failed then and pass now, and those failing now that did not then (labels). */
  fixed: string[];
  newFailures: string[];
  countsNow: Counts;
}

export interface CompareSession {
  /** The change of a readable draft, given its checklist now; called once per draft, in any order. */
  change(r: FileResult, items: readonly ChecklistItem[]): DraftChange;
  /** The earlier drafts that no draft of this run was paired with. */
  unpaired(): RecordedDraft[];
}

export interface CompareSource {
  /** The record file, as given. */
  file: string;
  /** A session per report: each tracks which earlier drafts it paired. */
  start(): CompareSession;
}

const total = (c: Counts) => c.errors + c.warnings + c.infos;

/** The change in one line: “涂山镇：去年 5 项未通过，今年 2 项；已改正：…；新出现：…；问题 30 → 12 个”. */
export function changeLine(c: DraftChange): string {
  const { then, now } = c.words;
  if (!c.then) return `${c.unit}：${then}的记录中没有这个单位，${now} ${c.failedNow} 项未通过`;
  if (c.then.error) return `${c.unit}：${then}无法检查（${c.then.error}），${now} ${c.failedNow} 项未通过`;
  const out = [`${c.unit}：${then} ${c.failedThen ?? 0} 项未通过，${now} ${c.failedNow} 项`];
  if (c.fixed.length) out.push(`已改正：${c.fixed.join('、')}`);
  if (c.newFailures.length) out.push(`新出现：${c.newFailures.join('、')}`);
  if (c.then.counts) out.push(`问题 ${total(c.then.counts)} → ${total(c.countsNow)} 个`);
  return out.join('；');
}

/** An earlier draft without a counterpart now, in words. */
export function unpairedLine(d: RecordedDraft): string {
  return `${d.organ ?? d.file}（${d.file}）：本次检查中没有这个单位的稿件`;
}

/** Finding counts as “错误 2、警告 10、提示 5”. */
export function countsText(c: Counts): string {
  return `错误 ${c.errors}、警告 ${c.warnings}、提示 ${c.infos}`;
}

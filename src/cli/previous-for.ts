import { resolve } from 'node:path';
import { discover } from '../batch/discover.js';
import { pairPrevious, unitInfo, unitVocabulary } from '../batch/previous.js';
import { formatOf } from '../document/index.js';
import { DRAFT_EXTENSIONS, readDraft, ReadError } from '../io/read.js';
import type { LinterFactory } from '../linter.js';
import type { ReportDocument } from '../types.js';

/**
 * --explain-matches FILE --previous DIR: last year's report of the same unit, paired
 * as the batch pairs it (src/batch/previous.ts), with its model; a message when
 * there is none.
 */
export async function previousReportFor(file: string, doc: ReportDocument, input: string, cwd: string, factory: LinterFactory): Promise<{ path: string; doc: ReportDocument } | { problem: string }> {
  const found = discover([input], DRAFT_EXTENSIONS, undefined, cwd);
  const candidates: (ReturnType<typeof unitInfo> & { doc: ReportDocument })[] = [];
  for (const f of found.files) {
    const abs = resolve(cwd, f);
    try {
      const draft = await readDraft(abs);
      const format = formatOf(abs);
      const linter = await factory.forFile(abs, format);
      const built = linter.config.builder.build(draft.text, { path: abs, format });
      candidates.push({ ...unitInfo(f, built, unitVocabulary(linter.config.resolved.lexicons)), doc: built });
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
    }
  }
  const linter = await factory.forFile(resolve(cwd, file));
  const match = pairPrevious(unitInfo(file, doc, unitVocabulary(linter.config.resolved.lexicons)), candidates);
  if (match) return { path: match.path, doc: match.doc };
  return { problem: found.files.length ? `--previous ${input} 中没有同一单位上一年度的报告（按标题中的机关名称和文件名配对）` : `--previous ${input}：${found.problems[0]?.message ?? '没有找到报告'}` };
}

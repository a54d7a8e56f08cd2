import { resolve } from 'node:path';
import { comparer, readRecord, RecordError } from '../batch/compare.js';
import { unitVocabulary } from '../batch/previous.js';
import type { CompareSource } from '../formatters/change.js';
import type { Linter } from '../linter.js';

/** --compare FILE: the earlier run's record, ready to pair drafts by organ; a message when it cannot be used. */
export async function loadCompare(file: string, cwd: string, linter: Linter): Promise<CompareSource | { problem: string }> {
  try {
    const record = await readRecord(resolve(cwd, file));
    if (!record.some((d) => d.checklist)) {
      return { problem: `--compare ${file}：这份记录没有审核清单（由旧版本输出）；请用本版本对上次的稿件重新运行 -f jsonl 生成记录` };
    }
    return comparer(file, record, unitVocabulary(linter.config.resolved.lexicons));
  } catch (err) {
    if (err instanceof RecordError) return { problem: `--compare ${file}：${err.message}` };
    throw err;
  }
}

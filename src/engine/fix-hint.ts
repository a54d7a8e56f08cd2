import type { DocumentFormat } from '../types.js';

/**
 * How a finding with a safe fix gets fixed, put into its help: a text draft is
 * rewritten by --fix; a Word draft never is, so its findings say what --annotate
 * does instead (a tracked change to accept in Word).
 */
export function fixHint(format: DocumentFormat): string {
  return format === 'docx'
    ? '（用 lawreport-lint --annotate 生成的审核意见稿会把这处修改标为修订，在 Word 或 WPS 中接受即可）'
    : '（lawreport-lint --fix 可自动修复）';
}

/**
 * The same hint in a reviewed Word copy (--annotate, --output-dir): what the copy
 * did with the fix — a tracked change to accept, or, without tracked changes, a
 * change for the drafter to make.
 */
export function reviewedCopyHint(trackChanges: boolean | undefined): string {
  return trackChanges ? '（已标为修订，在 Word 或 WPS 中接受即可）' : '（请在 Word 或 WPS 中修改）';
}

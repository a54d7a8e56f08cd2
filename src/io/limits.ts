/**
 * The sizes lawreport-lint reads, and sizes in words: no file system here, so the
 * web page and the config loader use them too (src/io/file.ts reads with them).
 */

/** Drafts larger than this are refused: an annual report is at most about 200 KB of text. */
export const DEFAULT_MAX_DRAFT_BYTES = 1024 * 1024;
/** Config, preset, rule and lexicon files larger than this are refused. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/** A size in words: “1 MB”, “300 KB”, “12 字节”. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** “2MB”, “500KB”, “1048576”: a size in bytes, or undefined when unreadable. */
export function parseBytes(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|g|gb|gib|b)?\s*$/i.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const n = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}

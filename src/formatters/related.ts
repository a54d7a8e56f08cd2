import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult, Range } from '../types.js';
import { where } from './context.js';

/**
 * Where a related place is, for people: `line:col` (第N段) in the draft itself, or
 * `file:line:col` in another file — last year's report under --previous —
 * whose name the reader needs to find it.
 */
export function relatedPlace(r: FileResult, location: { uri: string; range: Range }, cwd: string): string {
  const { line, character } = location.range.start;
  const other = otherFile(r, location.uri, cwd);
  if (!other) return where(r, line, character);
  const at = where({ filePath: other, diagnostics: [] }, line, character);
  return /^第/.test(at) ? `${other} ${at}` : `${other}:${at}`;
}

/** The other file a location is in, relative to cwd; undefined when it is the draft's own. */
function otherFile(r: FileResult, uri: string, cwd: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined; // the draft's own when it has no path (stdin)
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const shown = relative(cwd, path) || path;
  const own = relative(cwd, resolve(cwd, r.filePath));
  return shown === own ? undefined : shown;
}

/** Inline rendering of an option value for --explain (no YAML library on the hot path). */
export function stringify(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stringify).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${stringify(x)}`).join(', ')} }`;
  return String(v);
}

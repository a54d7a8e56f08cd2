/**
 * File names that are not UTF-8: a Windows zip unpacked on Linux leaves GBK
 * names, which Node decodes with U+FFFD and then cannot open. The folder walk
 * shows such a name decoded as GB18030 (what its author wrote) and records the
 * bytes it found here, by absolute path; reading opens those bytes. Worker and
 * reading threads get the table with their work.
 */
const raw = new Map<string, Buffer>();

export function registerRawPath(path: string, bytes: Uint8Array): void {
  raw.set(path, Buffer.from(bytes));
}

/** What to give node:fs for a path: the bytes the walk found, or the path itself. */
export function fsPath(path: string): string | Buffer {
  return raw.size ? raw.get(path) ?? path : path;
}

export function isRawPath(path: string): boolean {
  return raw.has(path);
}

/** The table for another thread (only the paths it will read). */
export function rawPathsFor(paths: Iterable<string>): [string, Uint8Array][] | undefined {
  if (!raw.size) return undefined;
  const out: [string, Uint8Array][] = [];
  for (const p of paths) {
    const b = raw.get(p);
    if (b) out.push([p, b]);
  }
  return out.length ? out : undefined;
}

export function registerRawPaths(entries: readonly [string, Uint8Array][] | undefined): void {
  for (const [p, b] of entries ?? []) registerRawPath(p, b);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as text: UTF-8, or else GB18030 (`raw`: it is not UTF-8). */
export function decodeName(bytes: Buffer): { name: string; raw: boolean } {
  try {
    return { name: utf8.decode(bytes), raw: false };
  } catch {
    return { name: new TextDecoder('gb18030').decode(bytes), raw: true };
  }
}

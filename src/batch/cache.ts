/**
 * The --cache store: one small JSON file per draft in a folder, so workers
 * read and write entries independently and memory never holds the whole
 * cache. An entry is reused only when its key matches: the draft's bytes, the
 * configuration (config files' contents and the compiled rule set), the tool's
 * version and build, and every option that changes results.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledConfig } from '../config/compile.js';
import { VERSION } from '../present/version.js';
import { sha256 } from '../io/hash.js';
import { writeFileAtomic } from '../io/write.js';
import type { Diagnostic, DraftSummary } from '../types.js';

export const DEFAULT_CACHE_LOCATION = '.lawreport-lint-cache';

export interface CachedResult {
  diagnostics: Diagnostic[];
  summary?: DraftSummary;
  previous?: string | null;
}

interface Entry { key: string; result: CachedResult }

const sha = (...parts: (string | Uint8Array)[]): string => {
  const h = sha256();
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/**
 * The tool's identity: the package version plus this build's modification
 * time, so a rebuilt development copy never reuses results of older code.
 */
let toolKey: string | undefined;
export function toolIdentity(): string {
  if (toolKey) return toolKey;
  let built = '';
  try {
    built = String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    // bundled somewhere without a file: the version alone
  }
  return (toolKey = `${VERSION}/${built}`);
}

/** Sorted-key JSON for Maps and objects, so equal configurations hash equally. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries([...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

/** Key of one compiled configuration: its files' contents and the resolved rules, settings and lexicons. */
export function configKey(config: CompiledConfig): string {
  const r = config.resolved;
  const files = [...new Set(r.files)].sort().map((f) => {
    try {
      return `${f}:${sha(readFileSync(f))}`;
    } catch {
      return `${f}:missing`; // a built-in preset shipped inside dist/builtin.json
    }
  });
  return sha(toolIdentity(), files.join('\n'), stable({ rules: r.rules, settings: r.settings, overrides: r.overrides, lexicons: r.lexicons, ignore: r.ignore }));
}

export class ResultCache {
  constructor(readonly dir: string) {}

  /** Creates the folder; throws a message for the user when it cannot. */
  static open(dir: string): ResultCache {
    try {
      if (statSync(dir, { throwIfNoEntry: false })?.isFile()) {
        throw new Error(`缓存位置 ${dir} 是一个文件；--cache-location 应当是文件夹（默认 ${DEFAULT_CACHE_LOCATION}）`);
      }
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code) throw new Error(`无法创建缓存文件夹 ${dir}：${(err as Error).message}`);
      throw err;
    }
    return new ResultCache(dir);
  }

  /** The key of one draft's result: everything that can change it. */
  static key(parts: { config: string; bytes: Uint8Array; path: string; options: unknown }): string {
    return sha(parts.config, parts.path, stable(parts.options), parts.bytes);
  }

  private file(path: string): string {
    return join(this.dir, `${sha(path).slice(0, 32)}.json`);
  }

  get(path: string, key: string): CachedResult | undefined {
    try {
      const e = JSON.parse(readFileSync(this.file(path), 'utf8')) as Entry;
      return e.key === key ? e.result : undefined;
    } catch {
      return undefined; // missing or half-written by a crashed run: lint again
    }
  }

  set(path: string, key: string, result: CachedResult): void {
    try {
      writeFileAtomic(this.file(path), JSON.stringify({ key, result } satisfies Entry));
    } catch {
      // a cache that cannot be written only costs time
    }
  }
}

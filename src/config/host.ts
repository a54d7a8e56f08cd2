import type { PlatformPath } from 'node:path';
import type { Builtins } from './builtin.js';
import type { AjvClass } from './validate.js';

/**
 * What the configuration loader needs from the platform it runs on. The CLI,
 * the language server and the batch read the disk (node-host.ts); the web page
 * reads the files a drafter picked, held in memory (src/web/memory-host.ts).
 * Everything in src/config that the page uses reads through this, so one loader,
 * with the same messages, serves both.
 */
export interface ConfigHost {
  /** A file's text (UTF-8); throws an error whose `code` is ENOENT, EISDIR… as node:fs does. */
  readText(path: string): string;
  /** The entry names of a folder; throws when it cannot be read. */
  list(dir: string): string[];
  /** Whether `path` is a file, a folder, or nothing. */
  kindOf(path: string): 'file' | 'folder' | undefined;
  /** The folder relative paths are resolved against. */
  cwd(): string;
  /** Path arithmetic for this host's paths. */
  path: Pick<PlatformPath, 'resolve' | 'dirname' | 'join' | 'isAbsolute' | 'basename' | 'extname' | 'relative'>;
  /** A file's URL: rule documentation links and the related locations of findings. */
  fileUrl(path: string): string;
  /** The rules, lexicons and presets shipped with lawreport-lint. */
  builtins(): Promise<Builtins>;
  /** ajv, for the schemas no generated validator covers (loaded on first need in Node). */
  ajv(): AjvClass;
  /** The config or rule file validator the build generated (dist/validate-*.cjs), if this host has one. */
  generatedValidator(kind: 'rule' | 'config'): unknown;
}

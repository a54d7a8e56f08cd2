import { readdirSync, statSync } from 'node:fs';
import { readRegularFile } from '../io/file.js';
import { MAX_CONFIG_BYTES } from '../io/limits.js';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBuiltins } from './builtin.js';
import type { ConfigHost } from './host.js';
import { builtScript, validatorFile } from './paths.js';

/**
 * An absolute POSIX path of plain segments (letters, digits, . _ - space, and
 * BMP characters past ASCII: Chinese folder and file names), none of them . or ..
 */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._ \-\u00a0-\ud7ff\ue000-\uffff]+)+$/;

/**
 * pathToFileURL(file).href. Every lint names its draft by URL, and Node's URL
 * machinery was ~15 µs a draft in a cold batch; for a plain path encodeURI
 * encodes exactly what the URL parser would (test/config-file-url.test.ts holds
 * the two equal), everything else goes through Node.
 */
export function fileUrl(file: string): string {
  return process.platform !== 'win32' && PLAIN_PATH.test(file) ? `file://${encodeURI(file)}` : pathToFileURL(file).href;
}

/** The disk, for the CLI, the language server, the batch and the API. */
export const nodeHost: ConfigHost = {
  // only a regular file, and not a huge one (config/read-text.ts says why in words)
  readText: (file) => readRegularFile(file, MAX_CONFIG_BYTES).bytes.toString('utf8'),
  list: (dir) => readdirSync(dir),
  kindOf: (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isDirectory() ? 'folder' : stat ? 'file' : undefined;
  },
  cwd: () => process.cwd(),
  path,
  fileUrl,
  builtins: () => loadBuiltins(),
  // ajv is CommonJS; createRequire keeps it out of the cold start of a run without config files
  ajv: () => {
    const ajv = createRequire(import.meta.url)('ajv');
    return ajv.default ?? ajv;
  },
  generatedValidator: (kind) => {
    const file = builtScript(validatorFile(kind));
    return file ? createRequire(import.meta.url)(file) : undefined;
  },
};

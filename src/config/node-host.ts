import { readdirSync, statSync } from 'node:fs';
import { readRegularFile } from '../io/file.js';
import { MAX_CONFIG_BYTES } from '../io/limits.js';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBuiltins } from './builtin.js';
import type { ConfigHost } from './host.js';
import { builtScript, validatorFile } from './paths.js';

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
  fileUrl: (file) => pathToFileURL(file).href,
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

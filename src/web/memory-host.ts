import Ajv from 'ajv';
import * as path from 'pathe';
import type { Builtins } from '../config/builtin.js';
import type { ConfigHost } from '../config/host.js';
import type { AjvClass } from '../config/validate.js';

/**
 * The files a drafter picked in the web page (an office's .lawreport-lint.yaml
 * and rule folder), by absolute POSIX path ('/本县规则/a.yaml'), as a ConfigHost:
 * the CLI's loader reads them and reports problems with the CLI's messages.
 * Missing files fail as node:fs fails, so those messages match too.
 */
export function memoryHost(files: ReadonlyMap<string, string>, builtins: Builtins): ConfigHost {
  const abs = (p: string) => path.resolve('/', p);
  const isFolder = (dir: string) => {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const f of files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  };
  return {
    readText(file) {
      const p = abs(file);
      const text = files.get(p);
      if (text !== undefined) return text;
      throw isFolder(p) ? fsError('EISDIR', 'illegal operation on a directory', 'read', p) : fsError('ENOENT', 'no such file or directory', 'open', p);
    },
    list(dir) {
      const d = abs(dir);
      if (files.has(d)) throw fsError('ENOTDIR', 'not a directory', 'scandir', d);
      const prefix = d === '/' ? '/' : `${d}/`;
      const names = new Set<string>();
      for (const f of files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      if (!names.size && d !== '/') throw fsError('ENOENT', 'no such file or directory', 'scandir', d);
      return [...names];
    },
    kindOf(path) {
      const p = abs(path);
      return files.has(p) ? 'file' : isFolder(p) ? 'folder' : undefined;
    },
    cwd: () => '/',
    path,
    fileUrl(file) {
      const url = new URL('file:///');
      url.pathname = abs(file);
      return url.href;
    },
    builtins: async () => builtins,
    ajv: () => Ajv as unknown as AjvClass,
    generatedValidator: () => undefined,
  };
}

/** An error shaped as node:fs throws it: its code, and the message config problems quote. */
function fsError(code: string, what: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${what}, ${syscall} '${path}'`), { code, syscall, path });
}

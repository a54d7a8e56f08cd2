import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { decodeName, registerRawPath } from '../io/raw-paths.js';

export interface Discovered {
  /** Paths as given or as expanded from a folder or glob, in path order. */
  files: string[];
  /** Inputs that gave nothing, with the reason (exit 2). */
  problems: { input: string; message: string }[];
  /** Drafts left out by an `ignore` pattern, with the pattern: named ones and those in folders or globs. */
  ignored: IgnoredFile[];
}

export interface IgnoredFile { path: string; pattern: string }

/** The `ignore` pattern that leaves a path out, or undefined. */
export type IgnoreTest = (p: string) => string | undefined;

/** Why a folder or glob gave nothing: every draft in it is ignored (say by what), or there are none. */
function nothingIn(ignored: IgnoredFile[], none: string): string {
  if (!ignored.length) return none;
  const patterns = [...new Set(ignored.map((i) => `“${i.pattern}”`))].join('、');
  return `其中的 ${ignored.length} 份稿件都被配置的 ignore ${patterns} 忽略了；要检查它们，加 --no-ignore`;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SKIP_DIRS.has(name);
}

/**
 * Walks `dir` (read relative to `cwd`), collecting paths as `dir` spells them.
 * Names are read as bytes: one that is not UTF-8 (GBK from a Windows zip) is shown
 * decoded as GB18030 and opened by the bytes found (src/io/raw-paths.ts). A
 * symbolic link to a draft is a draft; a link to a folder is walked once (a loop
 * of links ends); a dangling link named like a draft is listed, so it is
 * reported rather than skipped without a word.
 */
function walk(dir: string, accept: (path: string) => boolean, out: string[], cwd: string, fsDir: string | Buffer = resolve(cwd, dir), seen = new Set<string>()): void {
  let entries: Dirent<Buffer>[];
  try {
    const real = realpathSync(fsDir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(fsDir, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return;
  }
  for (const e of entries) {
    const { name, raw } = decodeName(e.name);
    if (skipped(name)) continue;
    const p = join(dir, name);
    const fs = raw || typeof fsDir !== 'string' ? Buffer.concat([Buffer.from(fsDir), Buffer.from(sep), e.name]) : join(fsDir, name);
    if (typeof fs !== 'string') registerRawPath(resolve(cwd, p), fs);
    let kind: 'dir' | 'file' | undefined = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : undefined;
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(fs);
        kind = st.isDirectory() ? 'dir' : 'file';
      } catch {
        kind = 'file'; // dangling: reading it says so
      }
    }
    if (kind === 'dir') walk(p, accept, out, cwd, fs, seen);
    else if (kind === 'file' && accept(p)) out.push(p);
  }
}

/**
 * Expands inputs: a file is taken as given (even with an unknown extension);
 * a folder is searched recursively for drafts (hidden files, ~$ Word lock files
 * and node_modules skipped); a glob is matched from its static base.
 */
export function discover(
  inputs: string[], extensions: string[], ignoredBy: IgnoreTest = () => undefined, cwd = process.cwd(),
  /** The extensions named when a folder holds none (found files may include formats reported as unsupported). */
  draftExtensions: string[] = extensions,
): Discovered {
  const files: string[] = [];
  const problems: Discovered['problems'] = [];
  const ignored: IgnoredFile[] = [];
  const isDraft = (p: string) => extensions.some((x) => p.toLowerCase().endsWith(x));
  /** Not ignored; an ignored one is recorded with its pattern. */
  const kept = (p: string, into: IgnoredFile[]) => {
    const pattern = ignoredBy(p);
    if (pattern !== undefined) into.push({ path: p, pattern });
    return pattern === undefined;
  };
  for (const input of inputs) {
    const fsPath = resolve(cwd, input);
    const here: IgnoredFile[] = []; // a folder's or glob's: said as its problem when it gave nothing else
    if (existsSync(fsPath) && statSync(fsPath).isDirectory()) {
      const found: string[] = [];
      walk(input, (p) => isDraft(p) && kept(p, here), found, cwd);
      if (!found.length) problems.push({ input, message: nothingIn(here, `文件夹中没有稿件（${draftExtensions.join('、')}）`) });
      else ignored.push(...here);
      for (const f of found.sort(byPath)) files.push(f); // no spread: a folder of 100,000 files overflowed the stack
    } else if (!existsSync(fsPath) && picomatch.scan(input).isGlob) {
      const { base, glob } = picomatch.scan(input);
      const match = picomatch(glob, { dot: false });
      const found: string[] = [];
      walk(base || '.', (p) => match(relative(base || '.', p).split('\\').join('/')) && kept(p, here), found, cwd);
      if (!found.length) problems.push({ input, message: nothingIn(here, '没有与这个通配符匹配的稿件') });
      else ignored.push(...here);
      for (const f of found.sort(byPath)) files.push(f); // no spread: a folder of 100,000 files overflowed the stack
    } else if (kept(input, ignored)) {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], problems, ignored };
}

/** One line about drafts an `ignore` pattern left out, for the run's notices; undefined when none were. */
export function ignoredNotice(ignored: readonly IgnoredFile[]): string | undefined {
  if (!ignored.length) return undefined;
  const patterns = [...new Set(ignored.map((i) => `“${i.pattern}”`))].join('、');
  const which = ignored.length <= 3 ? `：${ignored.map((i) => i.path).join('、')}` : '';
  return `按配置的 ignore ${patterns} 忽略了 ${ignored.length} 份稿件，未检查${which}；要检查它们，加 --no-ignore`;
}

/** Path order, segment by segment, so “a/b.txt” sorts before “a-c.txt” whatever the platform separator. */
export function byPath(a: string, b: string): number {
  const pa = a.split(/[\\/]/);
  const pb = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * An office's own rules in the page: the files picked (a config file, a rule
 * folder) held by path, and remembered in this browser (localStorage) when asked.
 */
import { configFileOf, type OfficeRules } from './drafts.js';

const REMEMBER_KEY = 'lawreport-lint.office';

/** The office's rules remembered in this browser, if any. */
export function remembered(): OfficeRules | undefined {
  const saved = localStorage.getItem(REMEMBER_KEY);
  if (!saved) return undefined;
  try {
    const o = JSON.parse(saved) as Partial<OfficeRules> | null;
    if (o && typeof o.files === 'object' && o.files) {
      return { files: o.files, configFile: typeof o.configFile === 'string' ? o.configFile : undefined, preset: typeof o.preset === 'string' ? o.preset : undefined };
    }
  } catch {
    // written by another version or by hand: forget it
  }
  localStorage.removeItem(REMEMBER_KEY);
  return undefined;
}

/** Remembers the office's rules in this browser, or (undefined) forgets them. */
export function remember(office: OfficeRules | undefined): void {
  if (office) localStorage.setItem(REMEMBER_KEY, JSON.stringify(office));
  else localStorage.removeItem(REMEMBER_KEY);
}

/**
 * The office's rules with picked files added: a config file (kept by its name),
 * or a rule folder's YAML files by their path in it (a folder picked again
 * replaces what was held of it).
 */
export async function withPicked(office: OfficeRules, files: readonly File[], kind: 'config' | 'folder'): Promise<OfficeRules> {
  const next = { ...office.files };
  let { configFile } = office;
  if (kind === 'folder') {
    const tops = new Set(files.map((f) => f.webkitRelativePath.split('/')[0]));
    for (const k of Object.keys(next)) if (tops.has(k.split('/')[1])) delete next[k];
  }
  for (const f of files) {
    const path = `/${kind === 'folder' && f.webkitRelativePath ? f.webkitRelativePath : f.name}`;
    if (kind === 'folder' && !/\.ya?ml$/i.test(path)) continue;
    next[path] = await f.text();
    if (kind === 'config') configFile = path;
  }
  return { ...office, files: next, configFile };
}

/** What the office's rules are, in a line: the files in use, as the drafter picked them. */
export function describe(office: OfficeRules): string {
  const config = configFileOf(office);
  const rules = Object.keys(office.files).filter((f) => /\.ya?ml$/.test(f) && f !== config);
  const files = [config, ...rules].filter((f): f is string => !!f).map((f) => f.replace(/^\//, ''));
  return files.length ? `已载入本单位规则：${files.join('、')}` : '';
}

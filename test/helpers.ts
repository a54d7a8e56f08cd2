import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileConfig } from '../src/config/compile.js';
import { resolveConfig } from '../src/config/load.js';
import { loadBuiltins } from '../src/config/builtin.js';
import { ConfigError, formatProblem } from '../src/config/errors.js';
import { prepareFormat } from '../src/document/index.js';
import { fixHint } from '../src/engine/fix-hint.js';
import { Linter } from '../src/linter.js';
import type { Diagnostic, DocumentFormat, ReportDocument, SeverityName } from '../src/types.js';

export const ROOT = join(import.meta.dirname, '..');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');

const linters = new Map<string, Promise<Linter>>();

/** A Linter with the given preset (default recommended) plus rule overrides; cached per setting. */
export function linterWith(options: { preset?: string; rules?: Record<string, SeverityName | Record<string, unknown>> } = {}): Promise<Linter> {
  const key = JSON.stringify(options);
  let l = linters.get(key);
  if (!l) {
    l = (async () => {
      await prepareFormat('md');
      const resolved = await resolveConfig({ preset: options.preset ?? 'recommended', cwd: ROOT });
      for (const [id, v] of Object.entries(options.rules ?? {})) {
        const def = resolved.rules.get(id)!;
        const s = typeof v === 'string' ? { severity: v, options: {} } : { severity: (v.severity as SeverityName) ?? def.severity, options: { ...v, severity: undefined } };
        delete (s.options as Record<string, unknown>).severity;
        resolved.settings.set(id, s as never);
      }
      return new Linter(await compileConfig(resolved));
    })();
    linters.set(key, l);
  }
  return l;
}

/** Every rule shipped, each at its default severity (experimental ones too). */
export async function allRulesLinter(): Promise<Linter> {
  const b = await loadBuiltins();
  return linterWith({ rules: Object.fromEntries(b.rules.map((r) => [r.id, r.severity === 'off' ? 'info' : r.severity])) });
}

export async function lintText(text: string, options: { filePath?: string; format?: DocumentFormat; preset?: string } = {}): Promise<Diagnostic[]> {
  const linter = await linterWith({ preset: options.preset });
  return linter.lint(text, { ...options, strict: true }).diagnostics;
}

export async function model(text: string, format: DocumentFormat = 'txt'): Promise<ReportDocument> {
  const linter = await linterWith();
  return linter.config.builder.build(text, { format, path: format === 'md' ? 'draft.md' : 'draft.txt' });
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: Diagnostic, doc: ReportDocument): string {
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

export function byRule(ds: Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

/**
 * A linter running only `my-rule` of `type`, an office's rule file with the given
 * message and YAML body (its options), in a folder of its own.
 */
export async function inlineRule(type: string, message: string, body: string): Promise<Linter> {
  const dir = mkdtempSync(join(tmpdir(), `lrl-${type}-`));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'my-rule.yaml'),
    `id: my-rule\ntype: ${type}\nsummary: 测试规则\nseverity: warning\nmessage: ${message}\n${body}\nexamples:\n  valid: ["无。"]\n  invalid: ["无。"]\n`);
  writeFileSync(join(dir, '.lawreport-lint.yaml'), 'extends: []\nrulesDir: rules\nrules:\n  my-rule: warning\n');
  return new Linter(await compileConfig(await resolveConfig({ configFile: join(dir, '.lawreport-lint.yaml'), cwd: dir })));
}

/** The configuration problems `load` fails with, as the CLI prints them; '' when it loads. */
export async function configProblems(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
    return '';
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map(formatProblem).join('\n');
    throw err;
  }
}

/**
 * Diagnostics as the CLI reports them: without links to rule files (the CLI's reports leave
 * the machine; the language server and the API link them), and with the CLI's way of applying
 * a safe fix in the help where an editor or the web page says its own (`hint`).
 */
export function unlinked<T extends { codeDescription?: unknown; data?: { help?: string } }>(diagnostics: readonly T[], hint?: string, format: DocumentFormat = 'txt'): Omit<T, 'codeDescription'>[] {
  return diagnostics.map(({ codeDescription: _link, ...d }) => (hint && d.data?.help?.includes(hint)
    ? { ...d, data: { ...d.data, help: d.data.help.replace(hint, fixHint(format)) } }
    : d));
}

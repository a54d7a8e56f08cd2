/**
 * The package as npm packs it: what an installed copy needs (the CLI, the API with
 * its type declarations, the web page, rules, presets, schemas), and not what it does not (source
 * maps, the build scripts, sources), and no install-time script.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('npm pack ships the CLI, the API and its types, the web page, rules, presets and schemas; no source maps, scripts or sources', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const files: string[] = packed.files.map((f: { path: string }) => f.path);
  for (const f of ['bin/lawreport-lint.js', 'dist/cli.js', 'dist/index.js', 'dist/types/index.d.ts', 'dist/builtin.json', 'dist/web/lawreport-lint.html', 'rules/placeholder.yaml', 'presets/recommended.yaml', 'schema/rule.schema.json', 'README.md']) {
    expect(files, f).toContain(f);
  }
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  expect(files.filter((f) => /^(scripts|src|test)\//.test(f))).toEqual([]);
  expect(packed.unpackedSize).toBeLessThan(6_000_000);
});

test('package.json points at the API and its declarations, and runs nothing when installed', () => {
  expect(pkg.exports['.']).toEqual({ types: './dist/types/index.d.ts', default: './dist/index.js' });
  expect(pkg.types).toBe('dist/types/index.d.ts');
  const declarations = readFileSync(join(ROOT, 'dist', 'types', 'index.d.ts'), 'utf8');
  for (const name of ['lint', 'lintFile', 'lintFiles', 'LinterFactory']) expect(declarations).toMatch(new RegExp(`\\b${name}\\b`));
  expect(declarations).toContain("export type * from './types.js';"); // Diagnostic, ReportDocument, …
  expect(readFileSync(join(ROOT, 'dist', 'types', 'types.d.ts'), 'utf8')).toMatch(/export interface Diagnostic \{/);
  for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook], hook).toBeUndefined();
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers the README's architecture section draws, held by a test: a module may
 * lean on the layers below it, never on one above. A change that makes the report
 * model import the CLI, or a formatter read files, fails here with the import named.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every import of every source file, as [importing file, imported layer]. */
function imports(): { from: string; layer: string; to: string }[] {
  const out: { from: string; layer: string; to: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
          const target = relative(SRC, resolve(dirname(path), m[1]));
          out.push({ from: relative(SRC, path), layer: layerOf(relative(SRC, path)), to: layerOf(target) });
        }
      }
    }
  };
  walk(SRC);
  return out;
}

/** `document/parts.ts` → `document`; a top-level module is its own layer: `lint-draft.ts` → `lint-draft`. */
function layerOf(path: string): string {
  const [head, ...rest] = path.split(/[\\/]/);
  return rest.length ? head : head.replace(/\.(ts|js)$/, '');
}

function offending(layers: string[], forbidden: string[]): string[] {
  return imports()
    .filter((i) => layers.includes(i.layer) && forbidden.includes(i.to))
    .map((i) => `${i.from} → ${i.to}`);
}

const ABOVE_MODEL = ['config', 'io', 'batch', 'formatters', 'present', 'cli', 'lsp', 'web', 'word', 'linter', 'lint-draft', 'review-draft', 'rule-tester', 'index'];

describe('module layers', () => {
  it('sees the imports it checks (a guard against a regex that matches nothing)', () => {
    const all = imports();
    expect(all.length).toBeGreaterThan(200);
    expect(all).toContainEqual({ from: 'checks/define.ts', layer: 'checks', to: 'document' });
  });

  it('the report model, the checks and the engine import nothing above them', () => {
    expect(offending(['types', 'document', 'checks', 'engine'], ABOVE_MODEL)).toEqual([]);
  });

  it('the document model knows nothing of checks or the engine', () => {
    expect(offending(['document'], ['checks', 'engine'])).toEqual([]);
  });

  it('the Word format pieces read and write Word, and lint nothing', () => {
    expect(offending(['word'], ABOVE_MODEL.filter((l) => l !== 'word').concat(['checks', 'engine']))).toEqual([]);
  });

  it('presentation helpers and formatters touch no file, terminal, server or page', () => {
    expect(offending(['present', 'formatters'], ['io', 'batch', 'cli', 'lsp', 'web', 'word', 'lint-draft', 'review-draft'])).toEqual([]);
    expect(offending(['present'], ['formatters'])).toEqual([]);
  });

  it('nothing outside the CLI imports the CLI', () => {
    expect(imports().filter((i) => i.to === 'cli' && i.layer !== 'cli').map((i) => i.from)).toEqual([]);
  });

  it('the language server and the page do not reach into each other or the CLI', () => {
    expect(offending(['lsp'], ['web', 'batch', 'cli'])).toEqual([]);
    expect(offending(['web'], ['lsp', 'batch', 'cli'])).toEqual([]);
  });
});

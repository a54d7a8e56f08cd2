/**
 * One pipeline for linting a file (src/lint-draft.ts): the batch, --fix-dry-run,
 * standard input and the API give the same diagnostics for the same file. A
 * .docx whose first paragraph holds a manual line break (Shift+Enter) used to be
 * reported at 第3段 by the batch and at 第4段 by --fix-dry-run and stdin, which
 * did not map model lines back to Word paragraphs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, test } from 'vitest';
import { main, type CliIO } from '../src/cli/index.js';
import { lintFile } from '../src/index.js';
import type { Diagnostic } from '../src/types.js';
import { corpus, tempDir } from './batch/helpers.js';
import { unlinked } from './helpers.js';

async function cli(argv: string[], cwd: string, stdin = Buffer.alloc(0)): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIO = { stdout: (s) => { stdout += s; }, stderr: () => {}, stdin: async () => stdin, cwd, isTTY: false };
  return { code: await main(argv, io), stdout };
}

const diagnosticsOf = (json: string): Diagnostic[] => (JSON.parse(json) as { diagnostics: Diagnostic[] }[])[0].diagnostics;

async function everyPath(dir: string, name: string): Promise<Record<string, Diagnostic[]>> {
  const bytes = readFileSync(join(dir, name));
  const batch = await cli([name, '-f', 'json', '--no-config-lookup'], dir);
  const dry = await cli([name, '--fix-dry-run', '-f', 'json', '--no-config-lookup'], dir);
  const stdin = await cli(['-', '--stdin-filename', name, '-f', 'json', '--no-config-lookup'], dir, bytes);
  const api = await lintFile(name, { cwd: dir, noConfigLookup: true });
  return { batch: diagnosticsOf(batch.stdout), dry: diagnosticsOf(dry.stdout), stdin: diagnosticsOf(stdin.stdout), api: unlinked(api.diagnostics) as Diagnostic[] };
}

describe('every path gives the same diagnostics for the same file', () => {
  test('a .docx whose first paragraph holds a manual line break: positions are Word paragraphs everywhere', async () => {
    const dir = tempDir('lrl-pipeline-');
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('重庆市青山镇人民政府'), new TextRun({ break: 1 }), new TextRun('关于2023年法治政府建设情况的报告')] }),
          new Paragraph({ children: [new TextRun('一、主要举措和成效')] }),
          new Paragraph({ children: [new TextRun('（一）加强学习。全年组织学法XX次。')] }),
        ],
      }],
    });
    writeFileSync(join(dir, '青山镇.docx'), await Packer.toBuffer(doc));
    const all = await everyPath(dir, '青山镇.docx');
    // model line 3 is the third Word paragraph (index 2)
    const placeholder = all.batch.find((d) => d.code === 'placeholder');
    expect(placeholder?.range.start).toEqual({ line: 2, character: '（一）加强学习。全年组织学法'.length });
    for (const [path, diagnostics] of Object.entries(all)) expect(diagnostics, path).toEqual(all.batch);
  });

  test.each(['tushan-2023.txt', 'xinji-2023.md'])('%s', async (name) => {
    const dir = tempDir('lrl-pipeline-');
    writeFileSync(join(dir, name), corpus(name.replace(/\.\w+$/, '')));
    const { dry, ...all } = await everyPath(dir, name);
    expect(all.batch.length).toBeGreaterThan(3);
    for (const [path, diagnostics] of Object.entries(all)) expect(diagnostics, path).toEqual(all.batch);
    // --fix-dry-run reports what is left after fixing: the findings of the fixed text, linted as a file
    const [{ output }] = JSON.parse((await cli([name, '--fix-dry-run', '-f', 'json', '--no-config-lookup'], dir)).stdout) as { output: string }[];
    writeFileSync(join(dir, name), output);
    expect(dry).toEqual(diagnosticsOf((await cli([name, '-f', 'json', '--no-config-lookup'], dir)).stdout));
  });

  test('--fix-dry-run with a report for programs: the report alone on stdout, with the text --fix would write', async () => {
    const dir = tempDir('lrl-pipeline-');
    writeFileSync(join(dir, 'xinji.txt'), corpus('xinji-2023'));
    const fix = await cli(['xinji.txt', '--fix', '--no-config-lookup'], dir);
    expect(fix.code).toBe(1);
    const fixedText = readFileSync(join(dir, 'xinji.txt'), 'utf8');
    writeFileSync(join(dir, 'xinji.txt'), corpus('xinji-2023'));
    const dry = await cli(['xinji.txt', '--fix-dry-run', '-f', 'json', '--no-config-lookup'], dir);
    const [entry] = JSON.parse(dry.stdout) as { output?: string }[];
    expect(fixedText).not.toBe(corpus('xinji-2023'));
    expect(entry.output).toBe(fixedText);
    expect(readFileSync(join(dir, 'xinji.txt'), 'utf8')).toBe(corpus('xinji-2023'));
  });
});

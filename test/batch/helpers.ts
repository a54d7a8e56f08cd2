import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../src/cli/index.js';
import { encode } from '../../src/io/encoding.js';
import type { Diagnostic } from '../../src/types.js';
import { CORPUS } from '../helpers.js';
import { draftToDocx } from './docx-fixture.js';

export const DRAFTS = ['tianxingsi-2022', 'tushan-2023', 'xinji-2023'];
export const corpus = (name: string) => readFileSync(join(CORPUS, `${name}.txt`), 'utf8');

export function tempDir(prefix = 'lrl-batch-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The acceptance folder of the county-office issue: the three corpus drafts,
 * a .docx of each (Word numbering for what Word can number), a GB18030 copy,
 * an empty file, a binary file and an old .doc.
 */
export async function acceptanceFolder(): Promise<string> {
  const dir = tempDir();
  const sub = join(dir, '乡镇报告');
  mkdirSync(sub);
  for (const n of DRAFTS) {
    const text = corpus(n);
    writeFileSync(join(sub, `${n}.txt`), text);
    writeFileSync(join(sub, `${n}.docx`), await draftToDocx(text, { autoNumber: true }));
  }
  writeFileSync(join(sub, 'tushan-2023-gb18030.txt'), encode(corpus('tushan-2023'), 'gb18030', false));
  writeFileSync(join(sub, '空白.txt'), '');
  writeFileSync(join(sub, '扫描件.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // the first bytes of an OLE2 compound file, as Word 97–2003 writes
  writeFileSync(join(sub, '旧版.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  // Word's lock file while a draft is open: never a draft
  writeFileSync(join(sub, '~$shan-2023.docx'), Buffer.from([0x0b, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
  return dir;
}

export interface Run { code: number; stdout: string; stderr: string }

export async function runCli(argv: string[], cwd: string, tty: { stdout?: boolean; stderr?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    stdin: async () => Buffer.alloc(0),
    cwd,
    isTTY: !!tty.stdout,
    stderrIsTTY: !!tty.stderr,
    columns: 100,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export interface JsonEntry { filePath: string; diagnostics: Diagnostic[]; error?: { code: string; message: string } }

/** A finding without its position: rule, severity and message. */
export const finding = (d: Diagnostic) => `${d.code}|${d.severity}|${d.message}`;

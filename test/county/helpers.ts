import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { corpus, DRAFTS } from '../batch/helpers.js';

/** A county office's folder: the three corpus drafts under 乡镇报告/, and one that cannot be read. */
export function countyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-county-'));
  mkdirSync(join(dir, '乡镇报告'));
  for (const n of DRAFTS) writeFileSync(join(dir, '乡镇报告', `${n}.txt`), corpus(n));
  writeFileSync(join(dir, '乡镇报告', '空白.txt'), '');
  return dir;
}

/** A workbook read back with exceljs's own reader: each sheet as rows of cell texts (rich text flattened). */
export async function readWorkbook(path: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheets = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** The first sheet of a workbook as LibreOffice converts it to CSV (UTF-8), rows of fields. */
export function libreOfficeCsv(xlsx: string): string[][] {
  const out = mkdtempSync(join(tmpdir(), 'lrl-soffice-'));
  // a profile of its own: another LibreOffice running on the machine must not take the conversion over
  const profile = pathToFileURL(join(out, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, xlsx], { stdio: 'ignore', timeout: 120_000 });
  const csv = readdirSync(out).find((f) => f.endsWith('.csv'));
  if (!csv) throw new Error(`LibreOffice wrote no CSV for ${xlsx}`);
  return parseCsv(readFileSync(join(out, csv), 'utf8'));
}

/** RFC 4180 fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

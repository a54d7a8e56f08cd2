import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../src/formatters/context.js';
import { sarif } from '../../src/formatters/sarif.js';
import type { FileResult } from '../../src/types.js';
import { byFile, CWD, corpusResults, formatContext, lintResult, UNREADABLE } from './fixtures.js';

/**
 * The official SARIF 2.1.0 schema (the copy @microsoft/jest-sarif ships) is
 * draft-04; ajv 8 speaks draft-07, which reads it the same once `id` is `$id`.
 * Formats are checked too, so a malformed URI fails.
 */
function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: the schema's language pattern is not valid under the `u` flag
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => { try { return Boolean(new URL(s)); } catch { return false; } });
  ajv.addFormat('uri-reference', (s: string) => { try { return Boolean(new URL(s, 'file:///base/')); } catch { return false; } });
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...schema, $id: id as string, $schema: 'http://json-schema.org/draft-07/schema#' });
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> } }[]; fixes?: { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
}

let validate: ValidateFunction;
let results: FileResult[];
let ctx: FormatContext;
let log: SarifLog;

beforeAll(async () => {
  validate = sarifValidator();
  results = await corpusResults();
  ctx = await formatContext();
  log = JSON.parse(sarif(results, ctx)) as SarifLog;
});

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 against the official schema', () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('lawreport-lint');
  });

  it('the validator rejects what the schema forbids (it is not a no-op)', () => {
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule that ran, with its summary, help text and documentation', () => {
    const rules = log.runs[0].tool.driver.rules;
    const enabled = [...ctx.rules!].filter(([, r]) => r.severity !== 'off').map(([id]) => id);
    expect(rules.map((r) => r.id)).toEqual([...new Set([...enabled, ...results.flatMap((r) => r.diagnostics.map((d) => d.code))])].sort());
    for (const r of rules) {
      const info = ctx.rules!.get(r.id)!;
      expect(r.shortDescription.text).toBe(info.summary);
      expect(r.help.text.length).toBeGreaterThan(0);
      if (info.help) expect(r.help.text).toContain(info.help);
      if (info.reference) expect(r.help.text).toContain(`依据：${info.reference}`);
      // no file: link to the machine that ran the check: the explanation is in the log itself
      expect(r.helpUri).toBeUndefined();
      if (info.docs) expect(r.fullDescription?.text).toBe(info.docs.trim());
      expect(r.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[info.severity as 'error']);
    }
    expect(JSON.stringify(log)).not.toMatch(/file:[^"]*\/rules\//);
  });

  it('a rule whose findings each cite their own basis (wording) is described without one finding’s', async () => {
    const draft = await lintResult('drafts/用词.txt', '关于2023年法治政府建设情况的报告\n纳入法制化轨道。');
    expect(draft.diagnostics.find((d) => d.code === 'wording')?.data?.reference).toContain('宪法');
    const one = JSON.parse(sarif([draft], ctx)) as SarifLog;
    const wording = one.runs[0].tool.driver.rules.find((r) => r.id === 'wording')!;
    expect(wording.help.text).not.toContain('依据');
  });

  it('has one result per finding, pointing at its rule and at the text, relative to the working folder', () => {
    const run = log.runs[0];
    expect(run.results).toHaveLength(results.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(CWD).href}/`);
    const artifact = run.results.find((r) => r.ruleId === 'conversion-artifact')!;
    expect(artifact.level).toBe('error');
    expect(artifact.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'drafts/tushan-2023.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 20, snippet: { text: '[bookmark: _GoBack]' } },
    });
    // a fix becomes a SARIF fix: the Word bookmark is deleted
    const edit = byFile(results, 'tushan-2023.txt').diagnostics.find((d) => d.code === 'conversion-artifact')!.data!.fix!.edits[0];
    expect(artifact.fixes![0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: edit.range.start.line + 1, startColumn: edit.range.start.character + 1, endLine: edit.range.end.line + 1, endColumn: edit.range.end.character + 1 },
      insertedContent: { text: edit.newText },
    });
  });

  it('reports unreadable files as error notifications of the invocation', () => {
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications.map((n) => [n.level, n.message.text])).toEqual(UNREADABLE.map((u) => ['error', `无法检查：${u.error!.message}`]));
    // non-ASCII file names are percent-encoded URIs
    expect(inv.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`drafts/${encodeURIComponent('旧稿.doc')}`);
  });

  it('stays valid without the CLI rule map, taking metadata from the diagnostics', () => {
    const bare = JSON.parse(sarif(results, { color: false, cwd: CWD })) as SarifLog;
    expect(validate(bare), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const rules = bare.runs[0].tool.driver.rules;
    // no rule is known to be enabled: each is listed as the drafts, in path order, first report it
    expect(rules.map((r) => r.id)).toEqual([...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))]);
    for (const r of rules) expect(r.help.text.length).toBeGreaterThan(0);
  });

  it('lists a rule the configuration does not enable after the enabled ones, its results pointing at it', () => {
    const office = { ...results[0].diagnostics[0], code: 'office-extra' };
    const out = JSON.parse(sarif([{ ...results[0], diagnostics: [office, ...results[0].diagnostics] }, ...results.slice(1)], ctx)) as SarifLog;
    expect(validate(out)).toBe(true);
    const ids = out.runs[0].tool.driver.rules.map((r) => r.id);
    expect(ids.at(-1)).toBe('office-extra');
    expect(ids.slice(0, -1)).toEqual([...ids.slice(0, -1)].sort());
    for (const res of out.runs[0].results) expect(ids[res.ruleIndex]).toBe(res.ruleId);
  });

  it('keeps absolute paths outside the working folder as file URIs', () => {
    const r: FileResult = { ...byFile(results, 'xinji-2023.txt'), filePath: '/elsewhere/辛集 乡.txt' };
    const out = JSON.parse(sarif([r], ctx)) as SarifLog;
    expect(validate(out)).toBe(true);
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL('/elsewhere/辛集 乡.txt').href });
  });
});

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../present/version.js';
import type { Diagnostic, FileResult, Range, Severity } from '../types.js';
import { displayPath, enabledRules, quoteOf } from './overview.js';
import type { RuleInfo } from './report-context.js';
import { defineFormat, jsonArray, whole } from './report.js';
import { escapedJson } from './terminal.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };
const LEVEL_OF_NAME = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; the
 * driver lists every rule that ran (summary, docs, help with its legal basis):
 * those enabled, sorted, then any other that reported, as met; columns are
 * UTF-16 code units, as in the diagnostics; files are relative to %SRCROOT%
 * (the working folder); unreadable files are error notifications. The results
 * are held in a spool while the rules and notifications written before them are
 * gathered.
 */
export const sarifReport = escapedJson(defineFormat({ summary: true }, (ctx, sink) => {
  const ruleIds = enabledRules(ctx);
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  // without the CLI's rule map, a rule is described by what its first diagnostic carries
  const samples = new Map<string, Diagnostic>();
  const unreadable: FileResult[] = [];
  const spool = sink.spool();
  const results = jsonArray((text) => spool.write(text), 3);
  return {
    add(r) {
      if (r.error) unreadable.push(r);
      // where the draft is, once per draft (pathToFileURL per finding was a visible share of a batch)
      const file = { location: artifact(r.filePath, ctx.cwd), uri: pathToFileURL(resolve(ctx.cwd, r.filePath)).href };
      r.diagnostics.forEach((d, i) => {
        if (!index.has(d.code)) index.set(d.code, ruleIds.push(d.code) - 1);
        if (!samples.has(d.code)) samples.set(d.code, d);
        results.item(result(r, file, d, i, index));
      });
    },
    end() {
      results.end();
      const out = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'lawreport-lint',
              version: VERSION,
              semanticVersion: VERSION,
              rules: ruleIds.map((id) => descriptor(id, ctx.rules?.get(id), samples.get(id))),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(ctx.cwd) } },
          columnKind: 'utf16CodeUnits',
          invocations: [{
            executionSuccessful: !unreadable.length,
            toolExecutionNotifications: unreadable.map((r) => ({
              level: 'error',
              message: { text: `无法检查：${r.error!.message}` },
              descriptor: { id: r.error!.code },
              locations: [{ physicalLocation: { artifactLocation: artifact(r.filePath, ctx.cwd) } }],
            })),
          }],
          results: RESULTS,
        }],
      };
      // the log as JSON.stringify writes it, the spooled results in place of the marker
      const [head, tail] = JSON.stringify(out, null, 2).split(JSON.stringify(RESULTS));
      sink.write(head);
      spool.drainTo(sink);
      sink.write(`${tail}\n`);
    },
  };
}));

/** Stands for the results array in the log's text; no draft can put it there (JSON escapes it as written). */
const RESULTS = '\u0000results\u0000';

export const sarif = whole(sarifReport);

/** A rule's metadata; without the CLI's rule map, what its first diagnostic carries. */
function descriptor(id: string, info: RuleInfo | undefined, sample: Diagnostic | undefined) {
  const summary = info?.summary ?? sample?.message ?? id;
  const help = info?.help ?? sample?.data?.help;
  // a rule known here has its own reference or none: a finding's may be one entry's (wording)
  const reference = info ? info.reference : sample?.data?.reference;
  const helpText = [help ? `建议：${help}` : summary, reference ? `依据：${reference}` : ''].filter(Boolean).join('\n');
  // the rule's YAML file is a file: URL of the machine that ran the check: dead anywhere
  // else, so only a web address is linked; the explanation itself is in the descriptor
  const href = sample?.codeDescription?.href;
  const level = info && info.severity !== 'off' ? LEVEL_OF_NAME[info.severity] : sample ? LEVEL[sample.severity] : 'warning';
  return {
    id,
    shortDescription: { text: summary },
    ...(info?.docs ? { fullDescription: { text: info.docs.trim() } } : {}),
    help: { text: helpText },
    ...(href && /^https?:/i.test(href) ? { helpUri: href } : {}),
    defaultConfiguration: { level },
    ...(reference ? { properties: { reference } } : {}),
  };
}

function result(r: FileResult, file: { location: ReturnType<typeof artifact>; uri: string }, d: Diagnostic, i: number, index: Map<string, number>) {
  const { location, uri: docUri } = file;
  const quote = quoteOf(r, i);
  const res: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex: index.get(d.code),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: { ...region(d.range), ...(quote ? { snippet: { text: quote } } : {}) } } }],
  };
  if (d.relatedInformation?.length) {
    res.relatedLocations = d.relatedInformation.map((rel, k) => ({
      id: k + 1,
      message: { text: rel.message },
      physicalLocation: {
        artifactLocation: rel.location.uri === docUri ? location : { uri: rel.location.uri },
        region: region(rel.location.range),
      },
    }));
  }
  if (d.data?.fix) {
    res.fixes = [{
      description: { text: d.data.fix.title },
      artifactChanges: [{
        artifactLocation: location,
        replacements: d.data.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      }],
      properties: { safe: d.data.fix.safe },
    }];
  }
  return res;
}

/** SARIF regions are 1-based; end column is exclusive, like the LSP range it comes from. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifact(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(filePath, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

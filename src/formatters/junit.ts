import type { Diagnostic, FileResult } from '../types.js';
import { SEVERITY_WORD, where } from './context.js';
import { displayPath, enabledRules, quoteOf, rulesOfDraft } from './overview.js';
import { defineFormat, whole } from './report.js';

const TYPE: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * `--format junit`: for CI dashboards. One testsuite per draft and one testcase
 * per draft × rule: a rule with any finding in that draft is a failure (type =
 * its most serious severity), otherwise the testcase passes. Every draft lists
 * the rules the configuration enables, and any other rule that reported on it. A
 * file that could not be read is one testcase with an <error>: no rule ran on it.
 * The suites are held in a spool until the totals for <testsuites> are known.
 */
export const junitReport = defineFormat({ summary: true }, (ctx, sink) => {
  const enabled = enabledRules(ctx);
  const suites = sink.spool();
  let tests = 0, failures = 0, errors = 0;
  return {
    add(r) {
      const file = displayPath(r.filePath, ctx.cwd);
      if (r.error) {
        tests++;
        errors++;
        suites.write(
          `  <testsuite name="${attr(file)}" tests="1" failures="0" errors="1" skipped="0">\n` +
          `    <testcase classname="${attr(file)}" name="读取稿件">\n` +
          `      <error message="${attr(r.error.message)}" type="${attr(r.error.code)}">${text(`无法检查：${r.error.message}`)}</error>\n` +
          '    </testcase>\n  </testsuite>\n',
        );
        return;
      }
      const rules = rulesOfDraft(r, enabled, true);
      const cases: string[] = [];
      let failed = 0;
      // the draft's findings by rule once, with their indices (the summary's quotes are parallel)
      const byRule = new Map<string, { d: Diagnostic; i: number }[]>();
      r.diagnostics.forEach((d, i) => {
        const list = byRule.get(d.code);
        if (list) list.push({ d, i });
        else byRule.set(d.code, [{ d, i }]);
      });
      for (const rule of rules) {
        const found = byRule.get(rule) ?? [];
        if (!found.length) {
          cases.push(`    <testcase classname="${attr(file)}" name="${attr(rule)}"/>`);
          continue;
        }
        failed++;
        const worst = found.reduce((m, x) => Math.min(m, x.d.severity), 4);
        const message = found.length > 1 ? `${found.length} 处：${found[0].d.message}` : found[0].d.message;
        const body = found.map((x) => findingLine(r, x.d, quoteOf(r, x.i))).join('\n');
        cases.push(
          `    <testcase classname="${attr(file)}" name="${attr(rule)}">\n` +
          `      <failure message="${attr(message)}" type="${TYPE[worst]}">${text(body)}</failure>\n` +
          '    </testcase>',
        );
      }
      tests += rules.length;
      failures += failed;
      const props = [
        r.summary?.organ ? `      <property name="organ" value="${attr(r.summary.organ)}"/>` : '',
        r.summary?.year !== undefined ? `      <property name="year" value="${r.summary.year}"/>` : '',
      ].filter(Boolean);
      suites.write(
        `  <testsuite name="${attr(file)}" tests="${rules.length}" failures="${failed}" errors="0" skipped="0">\n` +
        (props.length ? `    <properties>\n${props.join('\n')}\n    </properties>\n` : '') +
        cases.join('\n') + (cases.length ? '\n' : '') +
        '  </testsuite>\n',
      );
    },
    end() {
      sink.write('<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<testsuites name="lawreport-lint" tests="${tests}" failures="${failures}" errors="${errors}">\n`);
      suites.drainTo(sink);
      sink.write('</testsuites>\n');
    },
  };
});

export const junit = whole(junitReport);

function findingLine(r: FileResult, d: Diagnostic, quote: string | undefined): string {
  const lines = [`${where(r, d.range.start.line, d.range.start.character)} ${SEVERITY_WORD[d.severity]} ${d.message}`];
  if (quote) lines.push(`  原文：${quote}`);
  if (d.data?.help) lines.push(`  建议：${d.data.help}`);
  if (d.data?.reference) lines.push(`  依据：${d.data.reference}`);
  return lines.join('\n');
}

/** Characters XML 1.0 forbids (Word conversions leave some, e.g. vertical tab) are dropped. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

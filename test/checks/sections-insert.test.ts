/**
 * A missing part inserted by --fix-unsafe (issue 13, §5 item 7) is written as the
 * draft writes its parts: a Markdown draft's parts get its `##` and its blank lines
 * (else the new heading merged into the paragraph before it), an indented draft its
 * indent, and a plain draft without blank lines stays as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentFormat } from '../../src/types.js';
import { linterWith, ROOT } from '../helpers.js';

const linter = await linterWith();
const fixParts = (text: string, format: DocumentFormat) =>
  linter.fix(text, { filePath: format === 'md' ? 'draft.md' : 'draft.txt', format, unsafe: true, rules: new Set(['required-parts', 'other-matters']) });

const TITLE = '青石镇人民政府关于2023年法治政府建设情况的报告';
const DUTIES = '党政主要负责人履行推进法治建设第一责任人职责情况';

describe('an inserted part follows the draft’s heading form', () => {
  it('Markdown: appended at the end with the draft’s “##” and blank lines, read back as a part', async () => {
    const draft = readFileSync(join(ROOT, 'examples', 'sample-draft.md'), 'utf8');
    const { output, result } = fixParts(draft, 'md');
    expect(output).toBe(`${draft.trimEnd()}\n\n## 五、其他需要报告的情况\n\n无。\n`);
    const other = result.document.part('other');
    expect(other?.heading.mdDepth).toBe(2);
    expect(result.document.slice(other!.bodySpan).trim()).toBe('无。');
  });

  it('Markdown: inserted before the next part as its own “##” heading, the parts after it renumbered', () => {
    const draft = `# ${TITLE}\n\n## 一、主要举措和成效\n\n召开会议6次。\n\n## 二、${DUTIES}\n\n书记带头学法4次。\n\n## 三、2024年工作安排\n\n一是加强培训。\n\n## 四、其他需要报告的情况\n\n无。\n`;
    const { output, result } = fixParts(draft, 'md');
    expect(output).toBe(`# ${TITLE}\n\n## 一、主要举措和成效\n\n召开会议6次。\n\n## 二、存在的不足和原因\n\n## 三、${DUTIES}\n\n书记带头学法4次。\n\n## 四、2024年工作安排\n\n一是加强培训。\n\n## 五、其他需要报告的情况\n\n无。\n`);
    expect(result.document.parts.map((p) => [p.kind, p.heading.mdDepth])).toEqual([
      ['achievements', 2], ['shortcomings', 2], ['duties', 2], ['plan', 2], ['other', 2],
    ]);
  });

  it('an indented draft: the heading and its body get the indent', () => {
    const draft = `${TITLE}\n　　一、主要举措和成效\n　　召开会议6次。\n　　二、存在的不足和原因\n　　一是执法力量薄弱，原因是编制不足。\n　　三、${DUTIES}\n　　书记带头学法4次。\n　　四、2024年工作安排\n　　一是充实执法力量。\n`;
    expect(fixParts(draft, 'txt').output).toBe(`${draft}　　五、其他需要报告的情况\n　　无。\n`);
  });

  it('a plain draft without blank lines: no blank line added, the numbering continued', () => {
    const draft = `${TITLE}\n一、主要举措和成效\n召开会议6次。\n二、存在的不足和原因\n一是执法力量薄弱，原因是编制不足。\n三、2024年工作安排\n一是充实执法力量。\n`;
    expect(fixParts(draft, 'txt').output).toBe(`${TITLE}\n一、主要举措和成效\n召开会议6次。\n二、存在的不足和原因\n一是执法力量薄弱，原因是编制不足。\n三、${DUTIES}\n四、2024年工作安排\n一是充实执法力量。\n五、其他需要报告的情况\n无。\n`);
  });

  it('a plain draft with blank lines around its parts: the inserted part has them too', () => {
    const draft = `${TITLE}\n\n一、主要举措和成效\n\n召开会议6次。\n\n二、存在的不足和原因\n\n一是执法力量薄弱，原因是编制不足。\n\n三、${DUTIES}\n\n书记带头学法4次。\n\n四、2024年工作安排\n\n一是充实执法力量。\n`;
    expect(fixParts(draft, 'txt').output).toBe(`${draft}\n五、其他需要报告的情况\n\n无。\n`);
  });
});

/**
 * `--print-document` shows, for every first-level section, the part it was placed
 * in and why — keyword, year, position, content, or an item's heading — and the
 * report kind with what decided it (issue 11).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentJson, printDocument } from '../../src/formatters/document.js';
import { linterWith, ROOT } from '../helpers.js';

const linter = await linterWith();
const labels = Object.fromEntries(linter.config.builder.vocabulary.parts.map((p) => [p.kind, p.short]));
const shape = (name: string) => {
  const file = join(ROOT, 'test', 'fixtures', 'shapes', name);
  return linter.config.builder.build(readFileSync(file, 'utf8'), { path: file, format: 'txt' });
};

describe('--print-document', () => {
  it('every part with its evidence: position and content for a theme, keyword, year', () => {
    const out = printDocument(shape('township-thematic.txt'), labels);
    expect(out).toContain('报告单位：township（乡镇（街道）） 依据：标题中的发文机关“青石镇”');
    expect(out).toContain('  L5 achievements（举措成效）：强化组织领导，夯实法治基础\n    判断：位置：在“第一责任人”之前；内容（举措成效）：数字 1 处，已做的工作 1 处，问题 0 处，原因 0 处，下一步 0 处\n');
    expect(out).toContain('  L18 shortcomings（不足原因） 依据“存在的问题”：存在的问题和不足\n    判断：关键词：标题中的“存在的问题”\n');
    expect(out).toContain('    判断：关键词：标题中的“工作打算”\n');
    const county = printDocument(shape('county-by-place.txt'), labels);
    expect(county).toContain('    判断：年份：标题写的是2023年；关键词：标题中的“工作思路”\n');
  });

  it('an achievements keyword after the closing parts is shown as set aside', () => {
    const out = printDocument(shape('township-duties-unlisted.txt'), labels);
    expect(out).toContain('  L10 unknown（未识别）：领导干部带头推进法治建设情况\n    判断：未能识别属于规定的哪一部分（标题中的“建设情况”（举措成效应在结束部分之前，这一节排在其后，不作依据）；位置和内容也不足以判断）\n');
  });

  it('a part written as an item is shown under its part, and an unplaced section says so', () => {
    const out = printDocument(shape('county-by-place.txt'), labels);
    expect(out).toContain('    其中的条目写的是另一部分：\n      L7 duties（第一责任人） 依据“第一责任人”：加强党的全面领导，履行推进法治建设第一责任人职责\n        判断：条目：条目标题中的“第一责任人”\n');
    expect(printDocument(shape('township-unplaced.txt'), labels)).toContain('  L12 unknown（未识别）：强化示范引领，争当法治表率\n    判断：未能识别属于规定的哪一部分（标题没有关键词，位置和内容也不足以判断）\n');
    expect(printDocument(shape('street-combined.txt'), labels)).toContain('    标题还写了：下年安排\n');
  });

  it('the kind read from the text, and the json view with evidence, items written as parts and the kind', () => {
    const doc = shape('city-unplaced-tail.txt');
    expect(printDocument(doc, labels)).toContain('报告单位：county（县级政府（县、区、市）） 依据：正文自称“我市”');
    const json = JSON.parse(documentJson(shape('county-by-place.txt')));
    expect(json.reportKind).toEqual({ kind: 'county', by: 'title', found: '云溪县' });
    expect(json.parts.map((p: { kind: string; line: number; within?: number }) => [p.kind, p.line, p.within])).toEqual([
      ['achievements', 6, undefined], ['duties', 7, 6], ['shortcomings', 12, undefined], ['plan', 15, undefined],
    ]);
    expect(json.parts[1].evidence).toEqual([{ by: 'item', word: '第一责任人' }]);
  });
});

describe('the README’s model section', () => {
  it('shows output the tool prints today', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section:model -->'), readme.indexOf('<!-- /section:model -->'));
    const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(2);
    const printed = [printDocument(shape('district-duties-first.txt'), labels), printDocument(shape('county-by-place.txt'), labels)];
    blocks.forEach((block, i) => {
      for (const line of block.trimEnd().split('\n')) expect(printed[i].split('\n'), line).toContain(line);
    });
  });
});

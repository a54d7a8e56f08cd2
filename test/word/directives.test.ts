/**
 * Word comments as directives: a comment whose text starts with
 * `lawreport-lint-disable RULE -- 理由` silences RULE on the text it is anchored
 * to, in a batch and on the --fix/stdin path; --report-unused-disable-directives
 * reports one that silences nothing, without offering a fix (a comment is not text).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lintFiles } from '../../src/batch/run.js';
import { main, type CliIO } from '../../src/cli/index.js';
import { tempDir } from '../batch/helpers.js';
import { wordPackage } from './fixtures.js';

const TITLE = '<w:p><w:r><w:t>某镇人民政府关于2023年法治政府建设情况的报告</w:t></w:r></w:p>';
const comment = (id: number, text: string) => `<w:comment w:id="${id}" w:author="起草人"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
const anchored = (id: number, text: string) => `<w:commentRangeStart w:id="${id}"/><w:r><w:t>${text}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

function draft(): Buffer {
  return wordPackage(
    `${TITLE}<w:p><w:r><w:t>全年组织学法</w:t></w:r>${anchored(1, 'XX')}<w:r><w:t>次，开展普法XX场。</w:t></w:r></w:p>`
    + `<w:p>${anchored(2, '一是执法力量薄弱。')}</w:p>`,
    { comments: comment(1, 'lawreport-lint-disable placeholder -- 数字待统计局核定') + comment(2, 'lawreport-lint-disable causes-stated -- 原因另附') },
  );
}

test('a directive comment silences its rule on its range only; an unused one is reported without a fix', async () => {
  const dir = tempDir('lrl-word-directives-');
  writeFileSync(join(dir, '某镇.docx'), draft());
  const [r] = await lintFiles(['某镇.docx'], { cwd: dir, noConfigLookup: true, reportUnusedDirectives: true }).results();
  const placeholders = r.diagnostics.filter((d) => d.code === 'placeholder');
  // the commented XX is silenced, the other one (paragraph 1, after “次，开展普法”) is not
  expect(placeholders.map((d) => d.range.start)).toEqual([{ line: 1, character: '全年组织学法XX次，开展普法'.length }]);
  const unused = r.diagnostics.filter((d) => d.code === 'unused-disable-directive');
  expect(unused).toHaveLength(1);
  expect(unused[0].message).toBe('Word 批注中的禁用指令没有屏蔽任何问题（causes-stated），可以删除这条批注');
  expect(unused[0].range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
  expect(unused[0].data?.fix).toBeUndefined();
});

test('the stdin path reads the same directives', async () => {
  const io = { out: '', err: '', cwd: tempDir('lrl-word-directives-'), isTTY: false, stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; }, stdin: async () => draft() } satisfies CliIO & { out: string; err: string };
  await main(['-', '--stdin-filename', '某镇.docx', '-f', 'json', '--no-config-lookup'], io);
  const [r] = JSON.parse(io.out);
  expect(r.diagnostics.filter((d: { code: string }) => d.code === 'placeholder')).toHaveLength(1);
});

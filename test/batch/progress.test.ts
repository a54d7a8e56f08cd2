import { expect, test } from 'vitest';
import { createProgress } from '../../src/batch/progress.js';
import { acceptanceFolder, runCli } from './helpers.js';

test('a progress line on stderr when stderr is a terminal: done/total and the current file', async () => {
  const dir = await acceptanceFolder();
  const r = await runCli(['乡镇报告', '-f', 'json'], dir, { stderr: true });
  expect(r.stderr).toContain('\r\u001b[2K检查 [');
  expect(r.stderr).toMatch(/0\/10 乡镇报告\/tianxingsi-2022\.docx/);
  expect(r.stderr).toMatch(/10\/10 /);
  // erased before the report is written: stdout is untouched and stays valid JSON
  expect(r.stdout).not.toContain('检查 [');
  expect(() => JSON.parse(r.stdout)).not.toThrow();
  expect(r.stderr.lastIndexOf('\r\u001b[2K')).toBeGreaterThan(r.stderr.lastIndexOf('10/10'));
});

test('nothing of it when stderr is not a terminal', async () => {
  const dir = await acceptanceFolder();
  const r = await runCli(['乡镇报告', '-f', 'json'], dir, { stderr: false });
  expect(r.stderr).not.toContain('检查 [');
  expect(r.stderr).not.toContain('\u001b');
});

test('the bar fills with the drafts done and long paths are cut from the left to fit', () => {
  const out: string[] = [];
  const p = createProgress((s) => out.push(s), 40);
  p.update(0, 4, '很长的文件夹名称/另一个很长的文件夹名称/涂山镇2023年法治政府建设情况报告.docx');
  p.update(4, 4, 'done.txt');
  p.end();
  expect(out[0]).toMatch(/^\r\u001b\[2K检查 \[░{20}\] 0\/4 …/);
  expect(out[0]).toContain('.docx');
  expect(out[1]).toContain(`[${'█'.repeat(20)}] 4/4 done.txt`);
  expect(out[2]).toBe('\r\u001b[2K');
});

/**
 * `lawreport-lint web [--out FILE]`: the page the build made (dist/web/), copied
 * where the user wants it, and where that is.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/index.js';
import { ROOT } from '../helpers.js';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), isTTY: false };
  return { code: await main(args, io), stdout, stderr };
}

const built = () => readFileSync(join(ROOT, 'dist', 'web', 'lawreport-lint.html'));

describe('lawreport-lint web', () => {
  it('writes the page to --out and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-web-cmd-'));
    const r = await run(['web', '--out', '发给乡镇/检查.html'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lawreport-lint web: 无法写入 发给乡镇/检查.html：文件夹 ${join(dir, '发给乡镇')} 不存在；请先创建它，或换一个输出路径\n`);
    mkdirSync(join(dir, '发给乡镇'));
    const ok = await run(['web', '--out', '发给乡镇/检查.html'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(`已写入离线检查网页：${join(dir, '发给乡镇', '检查.html')}`);
    expect(readFileSync(join(dir, '发给乡镇', '检查.html'))).toEqual(built());
  });

  it('writes lawreport-lint.html into the working folder, or into a folder given as --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-web-cmd-'));
    expect((await run(['web'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'lawreport-lint.html'))).toEqual(built());
    mkdirSync(join(dir, 'out'));
    expect((await run(['web', '-o', 'out'], dir)).stdout).toContain(join(dir, 'out', 'lawreport-lint.html'));
  });

  it('an unknown argument is one clear line and exit code 2', async () => {
    const r = await run(['web', '--outt', 'x.html'], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('lawreport-lint web: 不认识的参数 “--outt”');
  });
});

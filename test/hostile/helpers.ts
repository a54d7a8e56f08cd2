import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../src/cli/index.js';

export interface Run { code: number; stdout: string; stderr: string }

/** The CLI in this process (main(argv, io)), from `cwd`; without colour unless `color` (which also needs `tty`). */
export async function cli(argv: string[], cwd: string, options: { stdin?: Buffer | string; tty?: boolean; color?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    stdin: async () => Buffer.from(options.stdin ?? ''),
    cwd,
    isTTY: !!options.tty,
  };
  const code = await main(options.color ? argv : ['--no-color', ...argv], io);
  return { code, stdout, stderr };
}

/** A fresh folder under the run's temporary folder. */
export function tempDir(name = 'hostile'): string {
  return mkdtempSync(join(tmpdir(), `lrl-${name}-`));
}

/** A short draft with two safe fixes: half-width commas between Chinese characters. */
export const DRAFT = [
  '关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '组织干部学法,开展普法宣传,共计78场。',
  '二、存在的不足和原因',
  '一是认识不到位。原因是重视不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '书记带头学法4次。',
  '四、2024年工作安排',
  '加强学习。',
  '五、其他需要报告的情况',
  '无。',
  '',
].join('\n');

/** DRAFT after --fix: the commas full-width, nothing else. */
export const FIXED = DRAFT.replace('学法,开展', '学法，开展').replace('宣传,共计', '宣传，共计');

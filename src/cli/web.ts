import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtScript } from '../config/paths.js';
import { writeFileAtomic } from '../io/write.js';
import type { CliIO } from './index.js';

/** Where the build writes the offline web page, inside dist/. */
export const WEB_PAGE = 'web/lawreport-lint.html';
const NAME = 'lawreport-lint.html';

const HELP = `用法 / usage: lawreport-lint web [--out 文件或文件夹]

写出离线检查网页（一个 HTML 文件）。用浏览器打开即可检查稿件，不需要联网，
稿件不会上传；可以把这个文件发给各乡镇（街道），或放在内网上。
Writes the offline web page (one HTML file) to --out (default ./${NAME}).
`;

/** `lawreport-lint web [--out FILE]`: a copy of the page the build made, where the user wants it, and where that is. */
export function webCommand(args: string[], io: CliIO): number {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      io.stdout(HELP);
      return 0;
    }
    if ((a === '--out' || a === '-o') && args[i + 1] !== undefined) out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else {
      io.stderr(`lawreport-lint web: 不认识的参数 “${a}”\n${HELP}`);
      return 2;
    }
  }
  const page = builtScript(WEB_PAGE);
  if (!page) {
    io.stderr(`lawreport-lint web: 找不到网页文件 dist/${WEB_PAGE}；请在 lawreport-lint 的源码目录中运行 npm run build\n`);
    return 2;
  }
  let target = resolve(io.cwd, out ?? NAME);
  if (isFolder(target)) target = join(target, NAME);
  else if (!isFolder(dirname(target))) {
    io.stderr(`lawreport-lint web: 无法写入 ${out}：文件夹 ${dirname(target)} 不存在；请先创建它，或换一个输出路径\n`);
    return 2;
  }
  writeFileAtomic(target, readFileSync(page));
  io.stdout(`已写入离线检查网页：${target}\n用 Edge、Chrome 或 Firefox 浏览器打开这个文件即可检查稿件，不需要联网，稿件不会上传。\n`);
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

#!/usr/bin/env node
// Thin entry: the CLI lives in dist/cli.js (built by `npm run build`; an installed package ships it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('lawreport-lint: 还没有构建（缺少 dist/cli.js）。在源码文件夹中先运行 npm ci && npm run build。\n');
  process.exit(2);
}
const { main } = await import(cli.href);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything is written: leave now. Left to itself, Node would first wait for V8's
    // background compiler to finish optimizing functions nothing will run again —
    // 10–30 ms after a 1,000-draft batch. Output still queued in a stream is waited for.
    if (!process.stdout.writableLength && !process.stderr.writableLength) process.exit();
  },
  (err) => {
    process.stderr.write(`lawreport-lint: 内部错误 / internal error: ${err?.stack ?? err}\n请把这条信息连同稿件一起报告给开发者。\n`);
    process.exitCode = 2;
  },
);

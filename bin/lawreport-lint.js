#!/usr/bin/env node
// Thin entry: the CLI lives in dist/cli.js (built by `npm ci` / `npm run build`).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`lawreport-lint: 内部错误 / internal error: ${err?.stack ?? err}\n请把这条信息连同稿件一起报告给开发者。\n`);
    process.exitCode = 2;
  },
);

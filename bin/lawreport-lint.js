#!/usr/bin/env node
// Thin entry: the CLI lives in dist/cli.js (built by `npm ci` / `npm run build`).
import { setFlagsFromString } from 'node:v8';

// A batch runs the same few hundred functions on every draft, and V8's default
// eagerness to re-optimize them cost more than it won back: with a budget 4×
// the default, 1,000 drafts lint ~20% faster in one thread (`npm run bench batch`).
// Set here, in the executable only; the library leaves its host's V8 alone.
// Worker threads share the flag.
setFlagsFromString('--interrupt-budget=270336');

const { main } = await import('../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`lawreport-lint: 内部错误 / internal error: ${err?.stack ?? err}\n请把这条信息连同稿件一起报告给开发者。\n`);
    process.exitCode = 2;
  },
);

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package folder (holding rules/ and presets/), from src/ in tests or dist/ when installed. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error('找不到 lawreport-lint 的安装目录（缺少 rules/ 文件夹）');
}

/** A script the build writes into dist/ (the batch's worker and reader threads); undefined when not built. */
export function builtScript(name: string): string | undefined {
  try {
    const f = join(packageRoot(), 'dist', name);
    return existsSync(f) ? f : undefined;
  } catch {
    return undefined;
  }
}

/**
 * dist/validate-config.cjs and dist/validate-rule.cjs: each validator as code, and
 * the schema text it was generated from. Two files: the rule validator is 0.5 MB
 * of code, which a run with only a config file need not load (~10 ms).
 */
export const validatorFile = (kind: 'rule' | 'config'): string => `validate-${kind}.cjs`;

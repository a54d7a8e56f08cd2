/**
 * `lawreport-lint --init`: a `.lawreport-lint.yaml` and an example office rule
 * folder in the current folder, whose `$schema` lines point at this installation's
 * schemas (global or local), so an editor with a YAML plug-in completes and checks
 * them at once. Nothing existing is overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../config/paths.js';

export const RULES_FOLDER = '本单位规则';
const RULE_FILE = 'agency-old-name.yaml';

/** How a file in `fromDir` names a schema of this installation: a relative path, or a file URL across drives. */
export function schemaRef(fromDir: string, schema: 'config' | 'rule'): string {
  const target = join(packageRoot(), 'schema', `${schema}.schema.json`);
  const rel = relative(fromDir, target);
  return isAbsolute(rel) ? pathToFileURL(target).href : rel.split(sep).join('/');
}

const config = (schema: string) => `# yaml-language-server: $schema=${schema}
# lawreport-lint 的配置：从稿件所在文件夹向上查找。说明见 README“配置”一节。
extends: recommended            # 预设：recommended、strict、county、department
rules: {}                       # 调整内置规则，如 part-order: off（off | info | warning | error）
rulesDir: ${RULES_FOLDER}               # 本单位自己的规则；用 lawreport-lint --test-rules ${RULES_FOLDER} 运行它们的示例
`;

const rule = (schema: string) => `# yaml-language-server: $schema=${schema}
# 一条本单位规则的示例：复制本文件，改 id（与文件名相同）、词语、消息和示例。
id: agency-old-name
type: existence
summary: 不再使用机构改革前的“县法制办”等旧称
severity: warning
reference: 机构改革方案（2019年）
docs: |
  2019年机构改革后，县政府法制办公室的职责并入县司法局。稿件中仍写“县法制办”的，
  说明沿用了旧稿，审核时会被退回。
patterns:
  - words: [县政府法制办公室, 县法制办公室, 县法制办]
    fix: { replace: 县司法局, safe: false, title: 改为“县司法局” }
message: 机构旧称“{{found}}”：其职责已并入县司法局
help: 改为“县司法局”。
examples:
  valid:
    - "规范性文件报县司法局进行合法性审核。"
  invalid:
    - text: "规范性文件报县法制办进行合法性审核。"
      at: 县法制办
      output: "规范性文件报县司法局进行合法性审核。"
`;

export function init(io: { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }): number {
  const configFile = join(io.cwd, '.lawreport-lint.yaml');
  const ruleFile = join(io.cwd, RULES_FOLDER, RULE_FILE);
  const existing = [configFile, ruleFile].filter((f) => existsSync(f));
  if (existing.length) {
    io.stderr(`lawreport-lint: 已有 ${existing.map((f) => relative(io.cwd, f)).join('、')}，未改动任何文件；要重新生成，请先删除或改名\n`);
    return 2;
  }
  mkdirSync(dirname(ruleFile), { recursive: true });
  writeFileSync(ruleFile, rule(schemaRef(dirname(ruleFile), 'rule')), { flag: 'wx' });
  writeFileSync(configFile, config(schemaRef(io.cwd, 'config')), { flag: 'wx' });
  io.stdout(`已写入：
  .lawreport-lint.yaml            配置（预设、规则的严重程度、本单位规则文件夹）
  ${RULES_FOLDER}/${RULE_FILE}   一条本单位规则的示例
下一步：
  lawreport-lint --test-rules ${RULES_FOLDER}   运行规则自带的示例
  lawreport-lint 稿件.docx                 检查稿件（本单位规则一并启用）
`);
  return 0;
}

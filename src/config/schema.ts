import { checkTypes } from '../checks/index.js';
import { REPORT_KINDS, type CheckType } from '../types.js';

/**
 * JSON Schemas for rule files and config files. The rule schema is generated from
 * the check types' own option declarations, so validation, --explain and editors
 * (schema/*.json via `# yaml-language-server: $schema=…`) share one source.
 */
export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
/** Other words accepted for a severity (ESLint's and Vale's spelling), and what they mean. */
export const SEVERITY_ALIASES: Readonly<Record<string, (typeof SEVERITIES)[number]>> = Object.freeze(Object.assign(Object.create(null), { warn: 'warning' }));
/** Every word a config or rule file may write for a severity. */
const SEVERITY_WORDS = [...SEVERITIES, ...Object.keys(SEVERITY_ALIASES)];

/** A severity as written (an alias included) → its name; other values are returned as they are. */
export function severityName<T>(v: T): T | (typeof SEVERITIES)[number] {
  return typeof v === 'string' && Object.hasOwn(SEVERITY_ALIASES, v) ? SEVERITY_ALIASES[v] : v;
}

const example = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object', additionalProperties: false, required: ['text'],
      properties: {
        text: { type: 'string', minLength: 1 },
        at: { type: 'string', minLength: 1, description: '诊断范围必须恰好覆盖的文字' },
        output: { type: 'string', description: '应用修复后的全文' },
        previous: { type: 'string', description: '上一年度的报告（跨年度规则用）' },
        description: { type: 'string' },
        options: { type: 'object' },
      },
    },
  ],
};

export const COMMON_RULE_PROPERTIES: Record<string, object> = {
  $schema: { type: 'string' },
  id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: '规则 id，须与文件名相同（kebab-case）' },
  type: { type: 'string', description: '规则类型（src/checks/ 中的一个文件）' },
  summary: { type: 'string', minLength: 1, description: '一句话说明规则检查什么' },
  name: { type: 'string', minLength: 1, maxLength: 8, description: '规则的简称（几个汉字，如“半角标点”），用作报告的表头' },
  severity: { enum: SEVERITY_WORDS, description: '默认严重程度：error、warning（或 warn）、info、off' },
  status: { enum: ['stable', 'experimental', 'deprecated'] },
  reference: { type: 'string', description: '所依据的规定条款' },
  docs: { type: 'string', description: '为什么要检查（Markdown）' },
  help: { type: 'string', description: '怎样改正' },
  message: { type: 'string', description: '诊断消息，可用 {{占位符}}' },
  messages: { type: 'object', additionalProperties: { type: 'string' }, description: '消息 id → 消息' },
  replacedBy: { type: 'string' },
  examples: {
    type: 'object', additionalProperties: false, required: ['valid', 'invalid'],
    properties: { valid: { type: 'array', items: example, minItems: 1 }, invalid: { type: 'array', items: example, minItems: 1 } },
  },
};

export function typeOptionSchema(t: CheckType<any>): object {
  return { type: 'object', properties: t.options, required: t.required ?? [], additionalProperties: false };
}

export function ruleSchema(types: Record<string, CheckType<any>> = checkTypes): object {
  const names = Object.keys(types);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://lawreport-lint/schema/rule.schema.json',
    title: 'lawreport-lint 规则文件',
    type: 'object',
    required: ['id', 'type', 'summary', 'severity', 'examples'],
    properties: { ...COMMON_RULE_PROPERTIES, type: { ...COMMON_RULE_PROPERTIES.type, enum: names } },
    allOf: names.map((n) => ({
      if: { properties: { type: { const: n } }, required: ['type'] },
      then: {
        properties: { ...COMMON_RULE_PROPERTIES, ...types[n].options },
        required: types[n].required ?? [],
        additionalProperties: false,
      },
    })),
  };
}

const ruleSetting = {
  oneOf: [
    { enum: SEVERITY_WORDS, description: '严重程度' },
    { type: 'object', properties: { severity: { enum: SEVERITY_WORDS } }, description: '{severity, …该规则类型的选项}' },
  ],
};
const stringOrList = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

export function configSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://lawreport-lint/schema/config.schema.json',
    title: 'lawreport-lint 配置（.lawreport-lint.yaml 与 presets/*.yaml）',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string' },
      extends: { ...stringOrList, description: '预设名（recommended、strict、county、department）或 YAML 文件路径' },
      reportKind: {
        enum: ['auto', ...REPORT_KINDS],
        description: '报告单位的类型：auto（默认，从标题中的发文机关判断）、township 乡镇（街道）、county 县级政府、department 政府部门',
      },
      rules: { type: 'object', additionalProperties: ruleSetting, description: '规则 id → 严重程度，或 {severity, …选项}' },
      rulesDir: { ...stringOrList, description: '本单位自定义规则所在的文件夹' },
      lexicons: { type: 'object', additionalProperties: { type: 'string' }, description: '词表名 → YAML 文件路径，替换内置词表' },
      ignore: { type: 'array', items: { type: 'string' }, description: '不检查的文件（glob）' },
      overrides: {
        type: 'array',
        items: {
          type: 'object', additionalProperties: false, required: ['files'],
          properties: { files: stringOrList, rules: { type: 'object', additionalProperties: ruleSetting } },
        },
      },
    },
  };
}

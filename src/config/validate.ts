import type { ConfigProblem } from './errors.js';
import { didYouMean } from './errors.js';
import type { ConfigHost } from './host.js';
import { lexiconSchema } from './lexicon-schemas.js';
import { configSchema, ruleSchema } from './schema.js';
import type { YamlSource } from './yaml-source.js';
import { clip } from './regex.js';

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvError { instancePath: string; keyword: string; params: Record<string, any>; message?: string; schemaPath: string; parentSchema?: any; propertyName?: string }
type Ajv = { compile(schema: object): Validator };
/** ajv's class, as a ConfigHost gives it. */
export type AjvClass = new (options: typeof AJV_OPTIONS) => Ajv;

/** ajv's options, here and for the validators the build generates (scripts/build.mjs): their errors must be the same. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

type Prebuilt = Validator & { source: string };

/** Each host's ajv instance and validators, made on first use. */
interface Validators { ajv?: Ajv; files: Partial<Record<'rule' | 'config', Validator>>; options: Map<string, Validator>; lexicons: Map<string, Validator> }
const validators = new WeakMap<ConfigHost, Validators>();

function validatorsOf(host: ConfigHost): Validators {
  let v = validators.get(host);
  if (!v) validators.set(host, (v = { files: {}, options: new Map(), lexicons: new Map() }));
  return v;
}

/**
 * A validator on first use only: a run that reads a .lawreport-lint.yaml but no
 * office rules never touches the (much larger) rule schema. The build generates
 * them as code: loading ajv and compiling the config schema cost ~55 ms of every
 * run with a config file. A build from other schemas (sources changed since) is
 * not used: ajv compiles the current ones instead.
 */
function validatorFor(kind: 'rule' | 'config', host: ConfigHost): Validator {
  const v = validatorsOf(host);
  if (v.files[kind]) return v.files[kind];
  const schema = schemaOf(kind);
  return (v.files[kind] = usableValidator(host.generatedValidator(kind), schema) ?? compile(schema, host));
}

/** The JSON Schema a config or rule file is validated against. */
export const schemaOf = (kind: 'rule' | 'config'): object => (kind === 'rule' ? ruleSchema() : configSchema());

/** A validator the build generated (the module's exports), if it was generated from `schema`. */
export function usableValidator(generated: unknown, schema: object): Validator | undefined {
  return generated && (generated as Prebuilt).source === JSON.stringify(schema) ? generated as Validator : undefined;
}

/** One ajv instance per host for every schema: loading and configuring it costs ~25 ms. */
function compile(schema: object, host: ConfigHost): Validator {
  const v = validatorsOf(host);
  v.ajv ??= new (host.ajv())(AJV_OPTIONS);
  return v.ajv.compile(schema);
}

type Kind = 'rule' | 'config' | 'lexicon';
const KIND: Record<Kind, string> = { rule: '规则文件', config: '配置文件', lexicon: '词表文件' };

/** Validates a rule or config file; every problem carries file:line:col and a hint. */
export function validateSource(kind: 'rule' | 'config', src: YamlSource, host: ConfigHost): ConfigProblem[] {
  return validateSourceDetailed(kind, src, host).problems;
}

/**
 * Like validateSource, plus the YAML path of each problem, so a caller can drop
 * just the bad entries and keep checking the rest (problems are collected, not
 * reported one at a time).
 */
export function validateSourceDetailed(kind: 'rule' | 'config', src: YamlSource, host: ConfigHost): { problems: ConfigProblem[]; paths: string[][] } {
  return problemsOf(validatorFor(kind, host), kind, src);
}

/**
 * Validates a lexicon (rules/lexicon/<name>.yaml, or the file a config names for it)
 * against its schema; a lexicon under a name the package does not ship has none.
 */
export function validateLexicon(name: string, src: YamlSource, host: ConfigHost): ConfigProblem[] {
  const schema = lexiconSchema(name);
  if (!schema) return [];
  const { lexicons } = validatorsOf(host);
  let validate = lexicons.get(name);
  if (!validate) lexicons.set(name, (validate = compile(schema, host)));
  return problemsOf(validate, 'lexicon', src).problems;
}

function problemsOf(validate: Validator, kind: Kind, src: YamlSource): { problems: ConfigProblem[]; paths: string[][] } {
  if (validate(src.value)) return { problems: [], paths: [] };
  const errors = (validate.errors ?? []).filter((e) => !otherBranch(e, src.value));
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  const paths: string[][] = [];
  for (const e of errors) {
    // a key not allowed is reported once, by the error of the rule its name breaks
    if (e.keyword === 'if' || e.keyword === 'propertyNames' || e.keyword === 'oneOf' && hasDeeper(e, errors)) continue;
    const path = e.instancePath.split('/').slice(1).map(unescape);
    const p = describe(kind, e, path, src.value);
    const key = `${p.path.join('/')}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push(p.path);
    problems.push(src.problem(p.path, p.message, p.hint, p.key));
  }
  return { problems, paths };
}

/**
 * In a oneOf (a severity word, or {severity, …options}), the branch written for
 * another JSON type has nothing to say: “part-order: warn” should get “not an
 * allowed value”, not also “should be a map”.
 */
function otherBranch(e: AjvError, root: unknown): boolean {
  if (!/\/oneOf\/\d+\/(?:type|enum)$/.test(e.schemaPath)) return false;
  const s = e.parentSchema ?? {};
  const branchType = typeof s.type === 'string' ? s.type : Array.isArray(s.enum) && s.enum.length ? jsonType(s.enum[0]) : undefined;
  const actual = jsonType(getAt(root, e.instancePath.split('/').slice(1).map(unescape)));
  return branchType !== undefined && branchType !== actual && !(branchType === 'integer' && actual === 'number');
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function unescape(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function hasDeeper(e: AjvError, all: AjvError[]): boolean {
  const inside = (p: string) => p === e.instancePath || p.startsWith(`${e.instancePath}/`);
  return all.some((o) => o !== e && inside(o.instancePath) && o.keyword !== 'oneOf' && o.keyword !== 'if');
}

function describe(kind: Kind, e: AjvError, path: string[], value: unknown) {
  const where = path.length ? `“${path.join('.')}”` : KIND[kind];
  if (e.propertyName !== undefined) {
    // a key whose name is not allowed (parts.yaml's “shortcoming:” for “shortcomings:”)
    const allowed = e.keyword === 'enum' ? (e.params.allowedValues as unknown[]).map(String) : [];
    const guess = didYouMean(e.propertyName, allowed);
    return {
      path: [...path, e.propertyName], key: true,
      message: `${where}中不能有 “${clip(e.propertyName)}” 这个键`,
      hint: `${guess ? `是否想写 “${guess}”？` : ''}${allowed.length ? `可用的键：${allowed.join(', ')}` : e.parentSchema?.description ?? (e.params.pattern ? `键名应匹配 ${e.params.pattern}` : '')}`,
    };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys(e.parentSchema?.properties ?? {}).filter((k) => k !== '$schema');
      const type = kind === 'rule' && path.length === 0 ? (value as any)?.type : undefined;
      const guess = didYouMean(key, allowed);
      return {
        path: [...path, key], key: true,
        message: type ? `${type} 类型没有 “${clip(key)}” 这个键` : `${where}中没有 “${clip(key)}” 这个键`,
        hint: `${guess ? `是否想写 “${guess}”？` : ''}可用的键：${allowed.join(', ')}`,
      };
    }
    case 'required':
      return { path, key: false, message: `${where}缺少必需的键 “${e.params.missingProperty}”`, hint: undefined };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const guess = didYouMean(String(e.params.allowedValues && getAt(value, path)), allowed);
      return {
        path, key: false,
        message: `${where} 的值 “${clip(String(getAt(value, path)))}” 不允许`,
        hint: `${guess ? `是否想写 “${guess}”？` : ''}可用的值：${allowed.join(', ')}`,
      };
    }
    case 'type':
      return { path, key: false, message: `${where} 应为${typeName(e.params.type)}`, hint: e.parentSchema?.description };
    case 'minItems':
      return { path, key: false, message: `${where} 至少要有 ${e.params.limit} 项`, hint: undefined };
    case 'pattern': {
      const v = String(getAt(value, path));
      // a rule id: offer the nearest valid one (my_rule → my-rule), which the file is then renamed to
      const id = kind === 'rule' && path.join('.') === 'id' ? kebab(v) : undefined;
      return {
        path, key: false,
        message: `${where} 的写法不对（应匹配 ${e.params.pattern}）`,
        hint: id ? `规则 id 只用小写字母、数字和连字符，以字母开头：可改为 “${id}”，并把文件改名为 “${id}.yaml”` : e.parentSchema?.description,
      };
    }
    case 'oneOf': {
      // say what each alternative accepts: “error, warning, info, off 之一，或 {severity, …选项}”
      const v = getAt(value, path);
      const branches = ((e.parentSchema?.oneOf ?? []) as { enum?: unknown[]; type?: string; description?: string }[]).map((b) =>
        b.enum ? `${b.enum.map(String).join(', ')} 之一` : b.description ?? typeName(String(b.type)));
      const written = typeof v === 'object' ? '' : ` ${JSON.stringify(v)} `;
      return {
        path, key: false,
        message: `${where} 的值${written}不对${branches.length ? `：应为 ${branches.join('，或 ')}` : ''}`,
        hint: typeof v === 'number'
          ? '严重程度只能写成词语，不接受数字（ESLint 的 0、1、2 在这里不用）：off 关闭、info 提示、warning 警告、error 错误'
          : e.parentSchema?.description ?? '见 schema/ 中的说明',
      };
    }
    default:
      return { path, key: false, message: `${where} ${e.message ?? '不符合要求'}`, hint: undefined };
  }
}

/** The nearest kebab-case id to what was written: “My_Rule 2” → “my-rule-2”; undefined when nothing is left. */
export function kebab(s: string): string | undefined {
  const k = s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return k || undefined;
}

function typeName(t: string): string {
  return ({ string: '文字', array: '列表', object: '键值表', boolean: 'true 或 false', number: '数字', integer: '整数' } as Record<string, string>)[t] ?? t;
}

function getAt(value: unknown, path: string[]): unknown {
  let v: any = value;
  for (const p of path) v = v?.[p];
  return v;
}

/**
 * Validates option overrides from a config against the rule type's schema. Each
 * problem carries its path inside the options, for the caller to locate in YAML.
 */
export function validateRuleOptions(type: string, schema: object, options: Record<string, unknown>, file: string, ruleId: string, host: ConfigHost): (ConfigProblem & { path: string[]; key: boolean })[] {
  const { options: optionValidators } = validatorsOf(host);
  let v = optionValidators.get(type);
  if (!v) {
    v = compile(schema, host);
    optionValidators.set(type, v);
  }
  if (v(options)) return [];
  return (v.errors ?? []).map((e) => {
    const path = e.instancePath.split('/').slice(1).map(unescape);
    const d = describe('rule', e, path, options);
    return { file, message: `规则 ${ruleId} 的选项${d.message.replace(/^规则文件/, '')}`, hint: d.hint, path: d.path, key: d.key };
  });
}

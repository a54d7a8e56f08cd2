import { PART_KINDS, REPORT_KINDS } from '../types.js';

/**
 * JSON Schemas of the lexicons (rules/lexicon/*.yaml, and the files an office's
 * config puts in their place with `lexicons:`), by lexicon name. A lexicon is
 * validated when it loads, with the same file:line:col messages as a rule file:
 * a `keyword:` for `keywords:` in parts.yaml is an error, not a draft in which no
 * part is recognised. The build writes them to schema/lexicon/<name>.schema.json
 * for editors. A lexicon an office adds under a name of its own has no schema.
 */

const words = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });
const text = (description: string) => ({ type: 'string', minLength: 1, description });
const table = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties });
/** Group name → words, or {label, words} (coverage groups, correspondence topics). */
const groups = (description: string) => ({
  type: 'object',
  additionalProperties: {
    oneOf: [
      words('这一组的词语'),
      table({ label: text('这一组在消息中的名称'), words: words('这一组的词语') }, ['words']),
    ],
  },
  description,
});
const PARTS = PART_KINDS.filter((k) => k !== 'unknown');

const SCHEMAS: Record<string, { title: string; schema: object }> = {
  causes: {
    title: '原因分析的用词（causes-stated、plan-answers-shortcomings）',
    schema: table({
      words: words('表明在分析原因的词，如“原因”“由于”'),
      leads: words('以这些词开头的条目是原因分析，不是一项不足'),
      intros: words('引出问题清单、本身不是一项不足的开头语'),
    }, ['words']),
  },
  checklist: {
    title: '审核清单的要求（--format checklist）',
    schema: table({
      requirements: {
        type: 'array', minItems: 1,
        items: table({
          id: text('要求的 id'),
          label: text('清单上的说法'),
          help: text('补充说明'),
          rules: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '判定这项要求的规则 id' },
        }, ['id', 'label', 'rules']),
        description: '清单中的各项要求，按顺序',
      },
    }, ['requirements']),
  },
  debris: {
    title: 'Word 转换残留（conversion-artifact 与大纲识别）',
    schema: table({
      fields: words('方括号中的域名，如 bookmark'),
      invisible: text('不可见字符（写成 \\u 转义）'),
    }),
  },
  duties: {
    title: '第一责任人职责的词组（first-responsible-person）',
    schema: { type: 'object', additionalProperties: groups('组名 → 词语，或 {label, words}'), description: 'groups（乡镇）、county、department 等各自一组词组' },
  },
  'duty-clauses': {
    title: '职责规定的条文（duties-restated）',
    schema: table({ clauses: { ...words('常被照抄的职责条文'), minItems: 1 } }, ['clauses']),
  },
  'generic-terms': {
    title: '不能说明对应关系的常见词（plan-answers-shortcomings）',
    schema: table({ words: words('过于常见的词') }, ['words']),
  },
  kinds: {
    title: '报告单位的类型：乡镇（街道）、县级政府、政府部门',
    schema: table({
      governments: words('判断单位类型前从机关名称末尾去掉的词，如“人民政府”'),
      default: { enum: [...REPORT_KINDS], description: '标题和正文都看不出类型时用哪一种' },
      kinds: {
        type: 'object',
        propertyNames: { enum: [...REPORT_KINDS] },
        additionalProperties: table({
          label: text('类型的名称'),
          ends: words('这一类机关名称的结尾，如“镇”“县”“局”'),
          self: words('正文中对本单位的称呼，如“我镇”'),
          words: {
            type: 'object',
            propertyNames: { pattern: '^[\\w-]+$' },
            additionalProperties: { type: 'string' },
            description: '消息中的示例：占位符名 → 文字，如 organExample: 辛集乡人民政府',
          },
        }, ['label', 'ends']),
        description: 'township、county、department 各自的写法',
      },
    }, ['kinds']),
  },
  parts: {
    title: '报告的五个部分：标题关键词、名称和内容特征',
    schema: table({
      parts: {
        type: 'object',
        propertyNames: { enum: PARTS },
        additionalProperties: table({
          name: text('部分的名称，用在消息和插入的标题中'),
          short: text('表头和顺序列表中的简称'),
          official: text('督察工作规定中的说法'),
          keywords: words('标题中出现即属于这一部分的词'),
          weak: words('只在不是主题式的标题中才算数的关键词'),
          items: table({
            keywords: words('别的部分中以这些词开头的条目报告的是这一部分'),
            inThemes: { type: 'boolean', description: '主题式的条目标题中也算数' },
            opening: {
              type: 'array', items: words('一组词'), minItems: 1,
              description: '条目标题没有写明、但正文第一个分句里每组词各出现一个的条目，报告的也是这一部分（如“（一）压实法治建设责任。局党组书记、局长切实履行推进法治建设第一责任人职责，……”：谁做的、什么职责）',
            },
            actions: { type: 'integer', minimum: 0, description: '按 opening 找到的条目还须写到第一责任人职责（duties.yaml 的 groups）的几个方面，否则只算顺带提及' },
          }),
          mentions: words('在别处出现即说明顺带提到了这一部分'),
          paragraphs: words('另一部分中的一段在第一个分句里写了这些词，即在那里报告了这一部分'),
        }, ['name', 'keywords']),
        description: `各部分：${PARTS.join('、')}`,
      },
      content: table({
        past: words('说明写的是本年度已做工作的词'),
        problems: words('说明写的是问题的词'),
        future: words('说明写的是今后打算的词'),
      }),
    }, ['parts']),
  },
  punctuation: {
    title: '中文标点（fullwidth-punctuation、wording）',
    schema: table({
      fullwidth: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, description: '半角标点 → 全角标点' },
      pairs: { type: 'array', items: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1 }, minItems: 2, maxItems: 2 }, description: '成对判断的括号' },
      chinese: text('一个中文字符或中文标点（正则的字符类）'),
      numeral: text('数量可以结尾的数字（正则的字符类）'),
    }),
  },
  quantities: {
    title: '具体数字：量词、约数和不算数字的说法（concrete-numbers、duties-concrete）',
    schema: table({
      units: words('数字后的量词或单位'),
      approxBefore: words('写在数字前的约数词，如“近”“约”'),
      approxAfter: words('写在数字后的约数词，如“余”“多”'),
      notFigures: words('含数字却不是计数的词，如“一次性”'),
      setPhrases: words('政治、行政用语中的固定说法，如“两个维护”'),
    }, ['units']),
  },
  title: {
    title: '报告标题的组成（title-format）',
    schema: table({
      subject: words('事由中的词，如“法治政府建设”'),
      about: text('连接发文机关和事由的词，如“关于”'),
      report: words('法定文种，如“报告”'),
      summary: words('审核时会退回的文种，如“工作总结”'),
      organSuffixes: words('发文机关名称的结尾'),
      determiners: words('放在“县、镇、局”等结尾前面时是指代、不是名称的字（“全县”“我镇”“该局”不是发文机关；“沛县”“滑县”是）'),
    }, ['subject', 'report']),
  },
  topics: {
    title: '法治政府建设的工作领域（off-topic-achievement、plan-answers-shortcomings）',
    schema: table({
      groups: groups('领域名 → 词语'),
      weights: { type: 'object', additionalProperties: { type: 'number', minimum: 0 }, description: '领域名 → 匹配时的权重（默认 1）' },
      labels: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, description: '领域名 → 给人看的名称（--explain-matches 的“共同领域”）' },
    }, ['groups']),
  },
  units: {
    title: '认出两年报告是同一单位的用词（--previous、--compare）',
    schema: table({
      bodySuffixes: words('从机关名称末尾去掉的词'),
      partyPrefixes: words('从机关名称开头去掉的词'),
      fileNameNoise: words('文件名中不说明单位的词'),
      regionSuffixes: words('单位名称前的上级行政区划的结尾'),
    }),
  },
  years: {
    title: '指文件而不是工作年度的年份（year-consistency）',
    schema: table({
      documents: table({
        verbs: words('年份前的起草动词，如“制定”'),
        nouns: words('年份后的文件名词，如“工作要点”'),
        effective: words('施行日期的说法，如“起施行”'),
      }),
    }),
  },
};

/** The lexicon names that have a schema. */
export const LEXICON_NAMES: readonly string[] = Object.keys(SCHEMAS);

/** The JSON Schema of a lexicon, or undefined for a name the package does not ship. */
export function lexiconSchema(name: string): object | undefined {
  const s = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  return s && {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://lawreport-lint/schema/lexicon/${name}.schema.json`,
    title: `lawreport-lint 词表 ${name}：${s.title}`,
    ...s.schema,
  };
}

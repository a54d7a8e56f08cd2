/**
 * A rule file's messages are checked against its type's contract when it loads
 * (issue 13 §3): an unknown message id or placeholder, an id an option names that
 * the rule does not word, a fix title or word the rule's options need — each a
 * load error at file:line:col with “是否想写 …”, never a `{{replace}}` printed in a
 * diagnostic or a message silently replaced by another.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../src/config/compile.js';
import { loadBuiltins } from '../src/config/builtin.js';
import { resolveConfig } from '../src/config/load.js';
import { checkMessages, kindWordsOf } from '../src/config/messages.js';
import { Linter } from '../src/linter.js';
import { configProblems } from './helpers.js';

const HEAD = 'id: my-rule\nsummary: 测试规则\nseverity: warning\nexamples:\n  valid: ["无。"]\n  invalid: ["无。"]\n';

/** An office folder with `rules/my-rule.yaml` (HEAD + `body`) and a config (plus `config`); the linter it loads. */
async function office(body: string, config = ''): Promise<Linter> {
  const dir = mkdtempSync(join(tmpdir(), 'lrl-messages-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'my-rule.yaml'), HEAD + body);
  writeFileSync(join(dir, '.lawreport-lint.yaml'), `extends: []\nrulesDir: rules\n${config}`);
  return new Linter(await compileConfig(await resolveConfig({ configFile: join(dir, '.lawreport-lint.yaml'), cwd: dir })));
}
const problems = (body: string, config?: string) => configProblems(() => office(body, config));

describe('message ids', () => {
  it('an id the type never reports with (“mising” for “missing”): at its key, with did-you-mean', async () => {
    const text = await problems('type: title\nmessages:\n  mising: 没有找到标题\n  organ: 标题“{{found}}”中没有发文机关\n');
    expect(text).toMatch(/my-rule\.yaml:9:3 {2}错误 {2}title 类型没有 “mising” 这个消息 id/);
    expect(text).toContain('提示：是否想写 “missing”？title 的消息 id：default, missing, organ');
    expect(text.match(/错误/g)).toHaveLength(1);
  });

  it('an id an option names must be worded: at the option, with did-you-mean among the rule’s messages', async () => {
    const text = await problems('type: existence\npatterns:\n  - words: [开展普法]\n    messageId: outdated\nmessages:\n  outdate: 旧称“{{found}}”\n');
    expect(text).toMatch(/my-rule\.yaml:10:16 {2}错误 {2}patterns\.0\.messageId 指定的消息 “outdated” 在 messages 中没有/);
    expect(text).toContain('是否想写 “outdate”？');
  });

  it('an id a config’s option override names must be worded too: at the config’s line', async () => {
    const text = await configProblems(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lrl-messages-'));
      writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rules:\n  wording:\n    entries:\n      - { find: 甲, replace: 乙, messageId: typoo }\n');
      return compileConfig(await resolveConfig({ configFile: join(dir, '.lawreport-lint.yaml'), cwd: dir }));
    });
    expect(text).toMatch(/\.lawreport-lint\.yaml:4:43 {2}错误 {2}规则 wording 的选项：entries\.0\.messageId 指定的消息 “typoo” 在 messages 中没有/);
    expect(text).toContain('是否想写 “typo”？');
  });
});

describe('placeholders', () => {
  it('{{replace}} (the option’s name) and {{foun}}: each at its own column, with the placeholder meant', async () => {
    const text = await problems('type: substitution\nentries:\n  - find: 余其\n    replace: 余起\n    title: 改为“{{expected}}”\nmessages:\n  default: “{{foun}}”应为“{{replace}}”\n');
    expect(text).toMatch(/my-rule\.yaml:13:13 {2}错误 {2}消息 default 中的占位符 “\{\{foun\}\}” 不存在\n[^]*?\^{8}\n[^]*?提示：是否想写 “\{\{found\}\}”？/);
    expect(text).toMatch(/my-rule\.yaml:13:25 {2}错误 {2}消息 default 中的占位符 “\{\{replace\}\}” 不存在\n[^]*?\^{11}\n[^]*?提示：是否想写 “\{\{expected\}\}”？/);
    expect(text.match(/错误/g)).toHaveLength(2);
  });

  it('a placeholder of another id of the type is not one of this id', async () => {
    const text = await problems('type: title\nmessages:\n  organ: 标题“{{found}}”没有发文机关\n  missing: 没有找到标题“{{found}}”\n');
    expect(text).toMatch(/my-rule\.yaml:10:19 {2}错误 {2}消息 missing 中的占位符 “\{\{found\}\}” 不存在/);
    expect(text).toContain('可用的占位符：{{organExample}} {{leadersExample}} {{meetingExample}}');
  });

  it('the report kind’s words are placeholders of every message and of help', async () => {
    expect(await problems('type: title\nmessages:\n  organ: 应写明发文机关，如“{{organExample}}”\nhelp: 如“{{organExample}}”\n')).toBe('');
  });

  it('help may use any placeholder of the type, and only those', async () => {
    expect(await problems('type: quantity\nscope: { part: achievements }\nmessage: “{{item}}”没有数字\nhelp: 为“{{part}}”补上每千字{{density}}个数字\n')).toBe('');
    expect(await problems('type: quantity\nscope: { part: achievements }\nmessage: “{{item}}”没有数字\nhelp: 为“{{iten}}”补上数字\n')).toMatch(/my-rule\.yaml:10:9 .*help 中的占位符 “\{\{iten\}\}” 不存在[^]*是否想写 “\{\{item\}\}”？/);
  });

  it('a fix title an option writes is a template: its placeholders are checked too', async () => {
    const text = await problems('type: existence\npatterns:\n  - words: [县法制办]\n    fix:\n      replace: 县司法局\n      title: 删除“{{fonud}}”\nmessage: 旧称“{{found}}”\n');
    expect(text).toMatch(/my-rule\.yaml:12:17 {2}错误 {2}patterns\.0\.fix\.title 中的占位符 “\{\{fonud\}\}” 不存在[^]*是否想写 “\{\{found\}\}”？/);
  });

  it('what is written between {{ }} must be a name', async () => {
    expect(await problems('type: title\nmessages:\n  organ: 标题{{ 标题 }}没有发文机关\n')).toMatch(/“\{\{ 标题 \}\}” 写法不对/);
  });

  it('default stands in for the finding messages a rule does not word: only placeholders all of them have', async () => {
    const text = await problems('type: sections\nrequire: [other]\nmessages:\n  default: 缺少“{{part}}”部分，只在{{where}}提到\n');
    expect(text).toMatch(/my-rule\.yaml:10:29 {2}错误 {2}消息 default 代替没有写出的 missing、mentioned、asItem、combined、inParagraph、unplaced，其中有的没有占位符 “\{\{where\}\}”/);
    expect(await problems('type: sections\nrequire: [other]\nmessages:\n  default: 缺少“{{part}}”部分\n  mentioned: 缺少“{{part}}”部分，只在{{where}}提到\n  asItem: “{{part}}”写在{{where}}\n  inItem: “{{title}}”\n  inPart: “{{title}}”部分\n')).toBe('');
  });
});

describe('fix titles and words the rule’s options need', () => {
  it('spaces: true needs the fix title and the words for where the spaces are, at the option', async () => {
    const text = await problems('type: title\nspaces: true\nmessages:\n  spaces: 标题行{{where}}有空格\n  atStart: 开头\n');
    expect(text).toMatch(/my-rule\.yaml:8:9 {2}错误 {2}messages 中缺少 “fix”：删除标题首尾空格的修复的标题/);
    expect(text).toMatch(/my-rule\.yaml:8:9 {2}错误 {2}messages 中缺少 “atEnd”/);
    expect(text).not.toContain('“atStart”');
  });

  it('a word is needed only where the rule’s wording uses its placeholder', async () => {
    const needs = await problems('type: coverage\nscope: { part: duties }\ngroups: { lead: [亲自部署] }\nmessage: 只写到了：{{found}}\n');
    expect(needs).toMatch(/messages 中缺少 “none”：一组也没有提到时 \{\{found\}\} 的写法/);
    expect(await problems('type: coverage\nscope: { part: duties }\ngroups: { lead: [亲自部署] }\nmessage: “{{part}}”没有写到亲自部署\n')).toBe('');
  });

  it('a substitution without titles needs “fix” for replacing and “fixDelete” for deleting, at the entry', async () => {
    const text = await problems("type: substitution\nentries:\n  - { find: 余其, replace: 余起 }\n  - { find: 、, replace: '' }\nmessage: “{{found}}”应为“{{expected}}”\n");
    expect(text).toMatch(/my-rule\.yaml:9:5 {2}错误 {2}messages 中缺少 “fix”/);
    expect(text).toMatch(/my-rule\.yaml:10:5 {2}错误 {2}messages 中缺少 “fixDelete”/);
  });

  it('worded, the titles are the rule file’s, filled with what the fix changes', async () => {
    const sub = await office("type: substitution\nentries:\n  - { find: 余其, replace: 余起 }\n  - { find: ' 、', replace: '' }\nmessages:\n  default: “{{found}}”应为“{{expected}}”\n  fix: 改为“{{expected}}”\n  fixDelete: 删除“{{found}}”\n");
    expect(sub.lint('调解160余其矛盾《宪法》 、《民法典》').diagnostics.map((d) => d.data?.fix?.title)).toEqual(['改为“余起”', '删除“ 、”']);
    const ex = await office('type: existence\npatterns:\n  - words: [县法制办]\n    fix: { replace: 县司法局 }\nmessages:\n  default: 旧称“{{found}}”\n  fix: 把“{{found}}”改为县司法局\n');
    expect(ex.lint('报县法制办审核').diagnostics.map((d) => [d.data?.fix?.title, d.data?.messageId])).toEqual([['把“县法制办”改为县司法局', 'default']]);
  });
});

describe('the shipped rules', () => {
  it('every one words its messages as its type’s contract says', async () => {
    const b = await loadBuiltins();
    const words = kindWordsOf(b.lexicons);
    expect(words.sort()).toEqual(['leadersExample', 'meetingExample', 'organExample']);
    for (const def of b.rules) expect(checkMessages(def, {}, words), def.id).toEqual([]);
  });
});

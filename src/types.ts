/**
 * The shared vocabulary of lawreport-lint. Every module speaks in these types:
 * the document model (what a draft *is*), findings (what a check *says*), and
 * LSP-shaped diagnostics (what users and tools *see*).
 */

/** UTF-16 offsets into `ReportDocument.text`, end exclusive. */
export type Span = readonly [start: number, end: number];

/** LSP severities: 1 error, 2 warning, 3 information, 4 hint. */
export type Severity = 1 | 2 | 3 | 4;
/** The only spelling of a severity in YAML. */
export type SeverityName = 'error' | 'warning' | 'info' | 'off';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface Fix { title: string; safe: boolean; edits: TextEdit[] }

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: 'lawreport-lint';
  message: string;
  codeDescription?: { href: string };
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  /**
   * `messageId`: the id the rule reported the finding with (`default` when it named
   * none), whichever of the rule file's messages worded it.
   */
  data?: { fix?: Fix; help?: string; reference?: string; ruleType?: string; messageId?: string };
}

/**
 * Something the reading or the running of a draft found, reported beside the
 * rules' findings with a code of its own: bytes that did not decode (`encoding`),
 * a rule that ran out of its time (`rule-timeout`).
 */
export interface Note { code: string; span: Span; severity: Severity; message: string; help?: string }

// ───────────────────────────── document model ─────────────────────────────

export type PartKind = 'achievements' | 'shortcomings' | 'duties' | 'plan' | 'other' | 'unknown';
export const PART_KINDS: readonly PartKind[] = ['achievements', 'shortcomings', 'duties', 'plan', 'other', 'unknown'];

/** Who reports (DOMAIN.md §7): a township or street, a county-level government, a government department. */
export type ReportKind = 'township' | 'county' | 'department';
export const REPORT_KINDS: readonly ReportKind[] = ['township', 'county', 'department'];
/** The config's `reportKind`: `auto` reads the kind from each draft's title. */
export type ReportKindSetting = ReportKind | 'auto';

export interface ReportKindInfo {
  kind: ReportKind;
  /** The kind's name in kinds.yaml: 乡镇（街道）… */
  label: string;
  /** config: `reportKind` set; title: the title's organ; text: 我镇/我局… in the text; default: nothing said. */
  by: 'config' | 'title' | 'text' | 'default';
  /** What decided it: the organ (“城口县”) or the self-reference (“我局”). */
  found?: string;
  /** The kind's own examples for messages (rules/lexicon/kinds.yaml), filling {{organExample}} … */
  words: Readonly<Record<string, string>>;
}

/**
 * Why a section was given its part (shown by --print-document): a keyword of its
 * heading (weak when the heading is a theme, “补齐短板，提升执法水平”), a year of N+1,
 * its position among the parts keywords placed, what its text says, or the heading
 * of an item that reports a part of its own.
 */
export type PartEvidence =
  | { by: 'keyword'; word: string; kind: PartKind; weak?: boolean; /** Out of place (achievements after a closing part): not counted. */ setAside?: boolean }
  | { by: 'year'; year: number }
  | { by: 'position'; before?: PartKind; after?: PartKind }
  | { by: 'content'; kind: PartKind; figures: number; past: number; future: number; problems: number; causes: number }
  | { by: 'item'; word: string; /** Found in the first clause of the item's text, not in its heading. */ opening?: boolean };

/** Outline marker families, named after their look. */
export type MarkerStyle =
  | 'cn-dun'      // 一、
  | 'cn-paren'    // （一）
  | 'ar-dot'      // 1.  1、 1．
  | 'ar-paren'    // （1）
  | 'circled'     // ①
  | 'cn-di'       // 第一，
  | 'md';         // a Markdown `#` heading without a Chinese marker

export interface Marker {
  text: string;          // exactly as written, e.g. "(三)" or "1、"
  span: Span;
  style: MarkerStyle;
  ordinal: number;       // 1-based value of the numeral
  halfWidth: boolean;    // "(三)" written with ASCII brackets
  /** Punctuation written right after the numeral or bracket, e.g. "、" in "（一）、" or "." in "一." */
  punct: string;
}

export interface Heading {
  span: Span;            // marker + title (+ the 。 that ends a run-in heading)
  marker?: Marker;
  title: string;         // heading text without marker
  titleSpan: Span;
  line: number;          // 0-based line of the heading
  /** 1 = part level. Inferred from the marker family per part. */
  level: number;
  /** Markdown `#` depth when the heading came from Markdown syntax. */
  mdDepth?: number;
  /** Offset where the heading's own body starts (after a run-in heading's 。, or the next line). */
  bodyStart: number;
}

export interface Section {
  heading: Heading;
  span: Span;            // heading start … end of the section
  bodySpan: Span;        // after the heading … end of the section
  children: Section[];
}

export type ItemKind = 'heading' | 'enumeration' | 'paragraph' | 'sentence';

export interface Item {
  kind: ItemKind;
  span: Span;
  /** The item's own heading (or enumeration marker) when it has one. */
  headingSpan?: Span;
  bodySpan: Span;
  /** Short human label to quote in messages: the heading, or the first words. */
  label: string;
  section?: Section;
}

export interface Part {
  kind: PartKind;
  heading: Heading;
  span: Span;
  bodySpan: Span;
  /** A year written in the heading, e.g. 2024 in “四、2024年推进…安排”. */
  year?: number;
  items: Item[];
  section: Section;
  /** Which lexicon keyword classified the part (for --print-document). */
  matched?: string;
  /** Why the part has its kind, the deciding evidence first (empty for unknown). */
  evidence: readonly PartEvidence[];
  /** For a part written as an item of another part (duties as “（一）…履行第一责任人职责”): that part. */
  within?: Part;
  /** Other parts the heading names too (“存在的问题及下一步打算”). */
  alsoNames?: readonly PartKind[];
}

export interface Title {
  span: Span;
  text: string;
  organ?: { span: Span; text: string };
  year?: number;
  yearSpan?: Span;
  /** Statutory document type: 报告; 总结 is a finding; other when neither. */
  kind: 'report' | 'summary' | 'other';
}

export interface Line { start: number; end: number }

export interface Paragraph { span: Span; line: number }

export interface Sentence { span: Span }

export interface Quantity {
  span: Span;
  text: string;
  value?: number;
  unit?: string;
  approx: boolean;
}

/** A year written in running text, with whether it is a claim (not inside 《》, a range or a document number). */
export interface YearMention { span: Span; year: number; claim: boolean }

export interface Directive {
  /** 'range': a Word comment, silencing its rules on the text it is anchored to (`span`). */
  kind: 'disable' | 'enable' | 'disable-next-line' | 'range';
  rules: string[];       // empty = all rules
  span: Span;
  /** Offset right after the rule list (before any `-- reason`): where another rule is added. */
  rulesEnd: number;
  line: number;
  reason?: string;
  /** 'range' only: the Word comment's w:id. */
  comment?: string;
}

export type DocumentFormat = 'md' | 'txt' | 'docx';

export interface ReportDocument {
  readonly text: string;
  readonly path?: string;
  readonly format: DocumentFormat;
  readonly lines: readonly Line[];
  readonly title?: Title;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  /** The first-level sections, each placed in a part (or unknown), in document order. */
  readonly parts: readonly Part[];
  /** Parts written as an item of another part (duties as an achievements item), in document order. */
  readonly itemParts: readonly Part[];
  readonly reportKind: ReportKindInfo;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly quantities: readonly Quantity[];
  readonly years: readonly YearMention[];
  readonly directives: readonly Directive[];
  /** Report year N (from the title). */
  readonly year?: number;
  /** Spans that rules must treat as non-text: code fences, HTML comments. */
  readonly ignored: readonly Span[];
  slice(span: Span): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** The first part of this kind: a first-level one, else one written as an item. */
  part(kind: PartKind): Part | undefined;
  /** Every part of this kind, first-level and written as items, in document order. */
  partsOf(kind: PartKind): readonly Part[];
  /** The first-level part at this offset. */
  partAt(offset: number): Part | undefined;
}

// ───────────────────────────── checks ─────────────────────────────

export interface FindingEdit { span: Span; text: string }

/**
 * A placeholder's value worded by the rule file: its message `messageId`, filled
 * from `data` (then the finding's) — a word such as “无” or “开头” that a check
 * must not write in TypeScript.
 */
export interface Worded { messageId: string; data?: Record<string, string | number> }

/** What fills a finding's placeholders. */
export type MessageData = Record<string, string | number | Worded>;

/** What a check reports; the engine turns it into a Diagnostic. */
export interface Finding {
  span: Span;
  messageId?: string;
  /**
   * At most this severity, whatever the rule's: a finding the model is not sure of
   * (a part that may hide in a section it could not place) is never an error.
   */
  severity?: 'warning' | 'info';
  data?: MessageData;
  /**
   * Places that explain the finding. Their text is the rule file's message `messageId`
   * (filled from `data`, then the finding's data), or a literal `message`.
   */
  related?: { span: Span; message?: string; messageId?: string; data?: MessageData; document?: 'previous' }[];
  /**
   * The fix's title is the rule file's message `messageId` (filled from `data`, then the
   * finding's data), or `title`, a template the rule file wrote in its options.
   */
  fix?: { messageId?: string; title?: string; data?: MessageData; edits: FindingEdit[]; safe: boolean };
  /** The finding's own legal basis instead of the rule's (a substitution entry's); '' for none. */
  reference?: string;
}

/**
 * A requirement that holds, with the text that satisfies it (for a checklist).
 * Worded like a finding: the rule file's message `messageId`, filled from `data`;
 * a rule that words none shows its summary.
 */
export interface Evidence { span?: Span; messageId: string; data?: MessageData }

/** Evidence in words, as the engine returns it (message '' when only its presence was asked for). */
export interface PassEvidence { span?: Span; message: string }

/**
 * What a consumer reads of a draft's summary: all of it (true), nothing (false),
 * or only the verdicts — whether each rule found what satisfies it, as jsonl's
 * review records — for which the checks' evidence is kept without its words.
 */
export type SummaryUse = boolean | 'verdicts';

export interface CheckContext {
  doc: ReportDocument;
  /** The same unit's previous-year report, for cross-year rules. */
  previous?: ReportDocument;
  report(finding: Finding): void;
  /**
   * Records evidence for the checklist; absent when nobody will read it (a batch
   * written as json), so call it as `pass?.({…})`: the evidence is then not even built.
   */
  pass?(evidence: Evidence): void;
}

export type Check = (ctx: CheckContext) => void;

/** JSON Schema for one option (a subset: what ajv validates and --explain shows). */
export type OptionSchema = Record<string, unknown> & { description?: string };

/** What checks use of a compiled regex: a native RegExp, or an office pattern on the linear-time engine. */
export interface Pattern {
  lastIndex: number;
  readonly source: string;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

export interface CompileEnv {
  lexicons: Lexicons;
  /**
   * Compiles a regex of a rule; an office-written one runs on a linear-time engine
   * with the rule's time limit. Throws ConfigProblem-friendly errors.
   */
  regex(source: string, flags?: string): Pattern;
}

/** What a message of a check type is for: how the engine uses it, and what a missing wording falls back to. */
export type MessageRole =
  | 'finding'   // a finding's message; unworded, the rule's `default` (then its summary) stands in
  | 'related'   // a related place's note, filled from its own data and the finding's
  | 'pass'      // evidence for the checklist; unworded, the rule's summary
  | 'fix'       // a fix's title, filled from the fix's data and the finding's
  | 'word';     // a word the type puts into a placeholder of its other messages (“无”, “开头”)

/**
 * One message id of a check type, as its contract with rule files (ESLint's
 * `meta.messages`, for YAML): what it says and the placeholders the type fills.
 * A rule file wording an id its type does not declare, or a placeholder the id
 * does not get, fails to load.
 */
export interface MessageContract {
  /** What the message says (for --explain and rule authors). */
  description: string;
  /** The {{placeholders}} the type fills for it. */
  placeholders: readonly string[];
  /** 'finding' when absent. */
  role?: MessageRole;
  /**
   * When a rule uses this id: the YAML path of the option that makes it (`[]` for
   * every rule of the type), undefined when it does not. Absent: every rule. A rule
   * that uses a fix title or a word must word it (there is nothing to fall back to).
   */
  usedBy?(options: any): (string | number)[] | undefined;
  /** A word: the placeholder it fills, in which of the type's messages. Needed only where a rule's wording of those uses it. */
  fills?: { placeholder: string; in: readonly string[] };
}

/**
 * Message ids and templates a rule's own options hold (existence's
 * `patterns[].messageId`, a pattern's fix `title`), each found at its YAML path.
 */
export interface OptionMessages {
  /** For --explain: which options, and what they word. */
  description: string;
  /** The placeholders the type fills for every one of them. */
  placeholders: readonly string[];
  find(options: any): { path: (string | number)[]; id?: string; template?: string }[];
}

export interface CheckType<O = Record<string, unknown>> {
  type: string;
  summary: string;
  /** Options this type accepts, by key; also the source of schema/rule.schema.json. */
  options: Record<string, OptionSchema>;
  required?: string[];
  /**
   * Every message id this type reports with — findings (`default` for those it
   * names no id for), related places, evidence, fix titles and words — each with
   * its placeholders. Checked against every rule file when it loads.
   */
  messages: Readonly<Record<string, MessageContract>>;
  /** Message ids and templates the rule's options name or write, when the type has such options. */
  optionMessages?: OptionMessages;
  /** Names a rule author may write for a placeholder (an option's name: {{replace}}), and the placeholder meant ({{expected}}). */
  placeholderAliases?: Readonly<Record<string, string>>;
  compile(options: O, env: CompileEnv): Check;
}

/** Word lists and tables from rules/lexicon/*.yaml, by file name. */
export type Lexicons = Readonly<Record<string, unknown>>;

// ───────────────────────────── rules and config ─────────────────────────────

export interface RuleExample {
  text: string;
  at?: string;
  output?: string;
  /** Last year's report, for cross-year rules. */
  previous?: string;
  description?: string;
  options?: Record<string, unknown>;
}

export interface RuleDefinition {
  id: string;
  type: string;
  summary: string;
  /** A short Chinese name (半角标点), for table headers; the id when absent. */
  name?: string;
  severity: SeverityName;
  status: 'stable' | 'experimental' | 'deprecated';
  reference?: string;
  docs?: string;
  help?: string;
  messages: Record<string, string>;
  replacedBy?: string;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  /** Type-specific keys. */
  options: Record<string, unknown>;
  /** Where the rule came from, for errors and --explain. */
  file?: string;
}

export interface CompiledRule {
  def: RuleDefinition;
  severity: Severity;
  check: Check;
}

export interface FileResult {
  filePath: string;
  diagnostics: Diagnostic[];
  error?: { code: string; message: string };
  /** --quiet: how many warnings and notes were left out of `diagnostics`. */
  hidden?: number;
  /** --fix-dry-run: the text --fix would write, when it differs from the draft's. */
  output?: string;
  /** For human formatters and the checklist; not part of the json contract. */
  summary?: DraftSummary;
  /** A batch with --previous: last year's report it was paired with (absolute path), null when none was found. */
  previous?: string | null;
}

/**
 * What batch formatters (table, html, checklist) need to know about a draft,
 * serialisable so worker threads can send it back.
 */
export interface DraftSummary {
  organ?: string;
  year?: number;
  title?: string;
  /** Parts found, in document order. */
  parts: { kind: PartKind; title: string; line: number }[];
  /** Requirements that hold, per rule, with their evidence (CheckContext.pass). */
  passes: { rule: string; evidence: { message: string; line?: number }[] }[];
  /** The text each diagnostic's range covers, parallel to `diagnostics` (clipped to 80 characters). */
  quotes: string[];
  /**
   * The sentence around each diagnostic's range, parallel to `diagnostics`: the text of
   * that sentence before and after the range (clipped, with “…”), so a report can quote
   * the sentence with the range marked instead of a lone “,”.
   */
  contexts?: [before: string, after: string][];
}

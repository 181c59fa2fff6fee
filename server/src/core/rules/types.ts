/** The contract between the validation engine and its rules. */
import type { Catalogue, CatalogueFacts } from '../catalogue';
import type { ResolutionDocument, TextKind } from '../model';
import type { DrafterSettings } from '../settings';
import type { Span } from '../text';
import type { RuleMemo } from './by-paragraph';

/** How serious a finding is, as LSP and the command line show it. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The language of the messages. English is complete; Chinese is given for every message too. */
export type Locale = 'en' | 'zh';

export type MessageParams = Record<string, string | number>;
/**
 * Each rule keeps its message strings in one table, keyed by message id, with an English and a
 * Chinese text. The engine picks the text for `context.locale`.
 */
export type MessageTable<K extends string = string> = Record<Locale, Record<K, (p: MessageParams) => string>>;

/** A place elsewhere in the draft that explains a finding (the first use of a footnote number …). */
export interface RelatedSpan {
  span: Span;
  message: string;
}

/** What a rule reports: where, what, and what a quick fix needs. */
export interface RuleFinding {
  span: Span;
  message: string;
  /** A finding may be milder than its rule's default (a style remark); settings still override it. */
  severity?: Severity;
  related?: RelatedSpan[];
  /** What a quick fix needs (see core/fixes). */
  data?: FindingData;
}

/** The quick-fix payload; `fix` names the fix that applies. */
export type FindingData =
  | { fix: 'renumber-paragraphs' }
  | { fix: 'reletter-subparagraphs' }
  /**
   * `together`: what the fix writes instead when all the rule's findings are fixed at once (fix-all),
   * where fixing the earlier ones changes what a later one should write (又, then 还).
   */
  | { fix: 'replace'; newText: string; title: string; together?: string }
  | { fix: 'insert'; at: number; newText: string; title: string; together?: string }
  | { fix: 'edits'; edits: { span: Span; newText: string }[]; title: string }
  | { fix: 'renumber-footnotes'; separateReuses?: boolean }
  | { fix: 'footnote-stub'; number: number }
  | { fix: 'remove-footnote'; line: number };

/** A finding with its rule and effective severity, as `validate` returns it. */
export interface Finding extends RuleFinding {
  rule: string;
  severity: Severity;
}

/** What validation may know besides the draft itself. */
export interface ValidationContext {
  /** The corpus catalogue: dates of cited resolutions. */
  catalogue?: Catalogue;
  /** What the rules look up in the corpus catalogues (an index of them); when given, `catalogue` is not read. */
  facts?: CatalogueFacts;
  /** Today's date (for symbols of sessions still to come, dates in the future); defaults to now. */
  today?: Date;
  /** The language of the messages; English by default. */
  locale?: Locale;
  /** Told when a rule fails (a bug): the other rules still run. */
  onRuleError?: (rule: string, error: unknown) => void;
  /**
   * What the paragraph-local rules found on the previous version of the same draft: given, they
   * check only the lines that changed (the findings are the same as without it).
   */
  memo?: RuleMemo;
}

/** What a rule's check receives. */
export interface RuleContext {
  model: ResolutionDocument;
  settings: DrafterSettings;
  catalogue?: Catalogue;
  /** The corpus catalogues' facts, looked up by key: what the rules read of `catalogue` (or of an index of it). */
  facts?: CatalogueFacts;
  today: Date;
  locale: Locale;
  /**
   * Given to a paragraph-local rule checked on some lines only: those lines (the model holds only
   * what the parser found on them, its line index all of them). Absent: every line.
   */
  lines?: readonly number[];
  /** The draft's memo, when validation has one: a document-wide rule may keep per-line summaries in it (`RuleMemo.summaries`). */
  memo?: RuleMemo;
  /** The message `key` of `table` in the context's locale (English when missing). */
  say<K extends string>(table: MessageTable<K>, key: K, params?: MessageParams): string;
}

/** One convention, checked. */
export interface Rule {
  /** Stable id, used in settings, suppression comments and diagnostic codes. */
  id: string;
  defaultSeverity: Severity;
  /** One line a drafter understands. */
  description: string;
  messages: MessageTable;
  /**
   * The organs and kinds of text whose convention this is; absent: every text. An organ is named
   * as the parser gives it (`大会`); a draft whose organ is not known yet is checked.
   */
  appliesTo?: { organs?: readonly string[]; kinds?: readonly TextKind[] };
  /**
   * `paragraph`: the rule's findings on each line depend only on that line and what the parser
   * found on it (see by-paragraph.ts for the exact contract); after an edit it is checked again
   * only on the lines that changed. Absent: document-wide, checked on the whole draft every time.
   */
  scope?: 'paragraph';
  check(ctx: RuleContext): RuleFinding[];
}

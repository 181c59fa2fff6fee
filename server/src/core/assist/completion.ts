/**
 * Completion: agreed language at the drafter's fingertips. What is offered depends on where the
 * cursor is: the start of a paragraph (openers and operative verbs, ranked by corpus use, with
 * 又/还 when the opener was used above), inside 《 (titles), after 第 and digits (resolutions with
 * their dates), after a footnote marker being typed (reuse or a new footnote), and anywhere else
 * in a paragraph (continuations of agreed language from the phrase index).
 */
import type { PhraseSource } from '../agreed/types';
import type { Paragraph, Part, ResolutionDocument } from '../model';
import { insertFootnote } from '../navigation/footnotes';
import { fromSuperscript, isSuperscriptDigit, toSuperscript } from '../parse/superscript';
import { reuseAllowed } from '../rules/footnote-reuse';
import { sameVerb } from '../rules/repeated-opener';
import { defaultSettings, type DrafterSettings } from '../settings';
import type { Locale } from '../rules/types';
import type { Span } from '../text';
import { knownTitle, openerDocumentCount, type CorpusKnowledge, type OpenerUse } from './knowledge';
import { escapeMarkdown } from './markdown';
import { placeName, writtenDate } from './words';

/** A replacement of the draft's text at `span` (an insertion when the span is empty). */
export interface AssistEdit {
  span: Span;
  newText: string;
}

export type AssistItemKind = 'opener' | 'phrase' | 'title' | 'resolution' | 'footnote-reuse' | 'footnote-new' | 'footnote-text';

/** One completion, as plain data: the LSP layer converts it. */
export interface AssistItem {
  label: string;
  kind: AssistItemKind;
  detail?: string;
  /** Markdown; corpus text in it is escaped. */
  documentation?: string;
  /** The main edit: replaces what was typed, on the cursor's line. */
  edit: AssistEdit;
  /** Edits elsewhere, applied with the item (a new footnote's text line). */
  additionalEdits?: AssistEdit[];
  /**
   * Where the cursor goes inside the main edit's text, when not at its end: a new footnote at the
   * very end of the draft is one edit (marker, separator, footnote line), and the drafter goes on
   * typing after the marker, not in the footnote.
   */
  cursorAt?: number;
  /** What the editor filters against what was typed (the label when absent). */
  filterText?: string;
  /** Order of the items as ranked here. */
  sortText: string;
}

/** Where the cursor stands, as completion sees it. */
export type AssistContext = 'opener' | 'phrase' | 'title' | 'resolution' | 'footnote' | 'none';

export interface CompletionAnswer {
  context: AssistContext;
  items: AssistItem[];
  /** Always true: the next keystroke asks again (a new context may begin at any character). */
  isIncomplete: boolean;
}

/** How many items a list holds at most: short enough to read. */
export const COMPLETION_LIMIT = 25;

const squeeze = (s: string) => s.replace(/\s+/g, '');

// The titles and resolution numbers of a knowledge without spaces, made once per knowledge: a
// large corpus has tens of thousands, and squeezing them all again at every keystroke costs ms.
const squeezedLists = new WeakMap<CorpusKnowledge, { titles: string[]; numbers: string[] }>();
function squeezed(knowledge: CorpusKnowledge): { titles: string[]; numbers: string[] } {
  let lists = squeezedLists.get(knowledge);
  if (!lists) {
    lists = { titles: knowledge.titles.map((x) => squeeze(x.title)), numbers: knowledge.resolutions.map((r) => squeeze(r.number)) };
    squeezedLists.set(knowledge, lists);
  }
  return lists;
}

/** The items of `list` whose key passes `test`, in order, at most `limit` (the list is not read further). */
function firstMatching<T>(list: readonly T[], keys: readonly string[], test: (key: string) => boolean, limit: number): T[] {
  const found: T[] = [];
  for (let i = 0; i < list.length && found.length < limit; i++) if (test(keys[i])) found.push(list[i]);
  return found;
}

/**
 * Paragraph text as language, without its formatting: no `**` emphasis, no footnote markers (nor
 * the space a marker takes after it). This is what the phrase index is asked about.
 */
export function agreedText(text: string): string {
  return text.replace(/\*\*/g, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ?/g, '');
}
const sortKey = (group: number, rank: number) => `${group}-${String(rank).padStart(4, '0')}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The words of completion notes in one language; corpus text is passed in already escaped. */
interface CompletionWords {
  openerRepeat(base: string, form: string): string;
  openerFollows(base: string, form: string): string;
  openerUses(preambular: number, operative: number, documents: number): string;
  phraseAfter(matched: string, occurrences: number, documents: number): string;
  titleFootnote: string;
  titleNoFootnote(uses: number): string;
  adopted(date: string): string;
  noDate: string;
  citedIn(places: number): string;
  policyByDate(date?: string): string;
  policy(value: string): string;
  reuseDetail(n: number): string;
  reuseNote(n: number, policy: string): string;
  newLabel: string;
  newDetail: string;
  newNote(n: number, separator: boolean): string;
  newText(title: string): string;
  noReuse(policy: string): string;
  footnoteOf(title: string): string;
  footnoteText(title: string): string;
  /** A list item's short note: where an opener is used, how often, in how many documents. */
  /** The part and how many of its paragraphs the opener opens (the documents, counted over both parts, are in `openerUses`). */
  openerDetail(part: Part, uses: number): string;
  titleDetail(uses: number, documents: number): string;
  documentsDetail(documents: number, list: string): string;
  place(where: string): string;
}

const words: Record<Locale, CompletionWords> = {
  en: {
    openerRepeat: (base, form) => `${base} already opens a paragraph above in this part: the convention writes ${form}.`,
    openerFollows: (base, form) => `${base} already opens a paragraph above: ${form} follows the convention.`,
    openerUses: (p, o, d) => `Opens ${plural(p, 'preambular paragraph')} and ${plural(o, 'operative paragraph')} in ${plural(d, 'corpus document')}.`,
    phraseAfter: (matched, n, d) => `Agreed language after ${matched}: ${plural(n, 'corpus paragraph')} in ${plural(d, 'document')}.`,
    titleFootnote: 'Cited in the corpus with the footnote:',
    titleNoFootnote: (uses) => `Cited ${plural(uses, 'time')} in the corpus, without a footnote of its own.`,
    adopted: (date) => `Adopted ${date}.`,
    noDate: 'The corpus gives no adoption date.',
    citedIn: (n) => (n > 0 ? `Cited in ${plural(n, 'corpus place')}.` : 'Not cited elsewhere in the corpus.'),
    policyByDate: (date) => `footnotes.reuse is by-date and this draft is ${date ? `dated ${date}` : 'undated'}`,
    policy: (value) => `footnotes.reuse is ${value}`,
    reuseDetail: (n) => `reuse footnote ${n}`,
    reuseNote: (n, policy) => `Cites footnote ${n} again (${policy}: reuse is allowed):`,
    newLabel: 'new footnote',
    newDetail: 'its text goes below the --- line',
    newNote: (n, separator) => `Footnote ${n}: the marker here and its line at the foot of the draft${separator ? '' : ' (after a new --- separator)'}.`,
    newText: (title) => `Its text, as the corpus cites ${title}:`,
    noReuse: (policy) => `Existing footnotes are not offered for reuse: ${policy}.`,
    footnoteOf: (title) => `The footnote the corpus gives ${title}, cited before this marker.`,
    footnoteText: (title) => `A footnote of the corpus, given to ${title}.`,
    openerDetail: (part, uses) => `${part === 'preamble' ? 'preamble' : 'operative part'} · ${plural(uses, 'use')}`,
    titleDetail: (uses, d) => `${plural(uses, 'use')}${d ? ` · ${plural(d, 'document')}` : ''}`,
    documentsDetail: (d, list) => `${plural(d, 'document')} · ${list}`,
    place: (where) => placeName('en', where),
  },
  zh: {
    openerRepeat: (base, form) => `本部分上文已有段落以${base}开头：按惯例写作${form}。`,
    openerFollows: (base, form) => `上文已有段落以${base}开头：按惯例应写作${form}。`,
    openerUses: (p, o, d) => `语料中以此开头的有 ${p} 个序言段落和 ${o} 个执行段落，见 ${d} 份文件。`,
    phraseAfter: (matched, n, d) => `${matched}之后的商定措辞：语料中 ${n} 个段落，见 ${d} 份文件。`,
    titleFootnote: '语料中引用时的脚注：',
    titleNoFootnote: (uses) => `语料中引用 ${uses} 次，没有它自己的脚注。`,
    adopted: (date) => `通过日期：${date}。`,
    noDate: '语料中没有通过日期。',
    citedIn: (n) => (n > 0 ? `语料中引用 ${n} 处。` : '语料中别处没有引用。'),
    policyByDate: (date) => `footnotes.reuse 为 by-date，本草案${date ? `日期为 ${date}` : '尚无日期'}`,
    policy: (value) => `footnotes.reuse 为 ${value}`,
    reuseDetail: (n) => `再次使用脚注 ${n}`,
    reuseNote: (n, policy) => `再次引用脚注 ${n}(${policy}：允许重复使用)：`,
    newLabel: '新脚注',
    newDetail: '其文字写在 --- 线下',
    newNote: (n, separator) => `脚注 ${n}：标注在此处，其文字行在草案末尾${separator ? '' : '(在新加的 --- 分隔线之后)'}。`,
    newText: (title) => `其文字，按语料引用${title}时的写法：`,
    noReuse: (policy) => `不提供重复使用现有脚注：${policy}。`,
    footnoteOf: (title) => `语料中${title}的脚注；本标注之前引用的正是它。`,
    footnoteText: (title) => `语料中${title}的脚注。`,
    openerDetail: (part, uses) => `${part === 'preamble' ? '序言部分' : '执行部分'} ${uses} 次`,
    titleDetail: (uses, d) => `${uses} 次${d ? ` · ${d} 份文件` : ''}`,
    documentsDetail: (d, list) => `${d} 份文件 · ${list}`,
    place: (where) => where,
  },
};

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * The completions at `offset` in a draft. `phrases` is the corpus phrase index (continuations are
 * offered only when it is there); `settings` decides whether footnotes may be reused.
 */
export function completeAt(
  model: ResolutionDocument,
  offset: number,
  knowledge: CorpusKnowledge,
  phrases?: PhraseSource,
  settings: DrafterSettings = defaultSettings,
  locale: Locale = 'en',
  /**
   * Whether continuations of agreed language join the list: only when the drafter asked for the
   * list (Ctrl+Space). A list that comes up by itself keeps openers, titles, citations and
   * footnotes, so that Enter never writes corpus text the drafter did not choose; the ghost text
   * (inline.ts) offers the continuation instead.
   */
  continuations = true,
): CompletionAnswer {
  const w = words[locale] ?? words.en;
  const at = Math.max(0, Math.min(offset, model.text.length));
  const line = model.lines.positionAt(at).line;
  const lineStart = model.lines.lineStarts[line];
  const lineEnd = model.lines.lineEnd(line);
  const before = model.text.slice(lineStart, at);
  const after = model.text.slice(at, lineEnd);
  const inFootnotes = !!model.footnoteSeparator && lineStart > model.footnoteSeparator.start;
  const t = knowledge.tables;
  const answer = (context: AssistContext, items: AssistItem[]): CompletionAnswer => ({
    context,
    items: items.slice(0, COMPLETION_LIMIT),
    isIncomplete: true,
  });

  // A footnote marker being typed: `¹`, or `^` where superscripts are hard to type.
  if (!inFootnotes) {
    let runStart = at;
    while (runStart > lineStart && isSuperscriptDigit(model.text[runStart - 1])) runStart--;
    if (runStart === at && before.endsWith(t.footnoteTrigger)) runStart = at - t.footnoteTrigger.length;
    if (runStart < at && runStart > lineStart) return answer('footnote', footnoteItems(model, { start: runStart, end: at }, knowledge, settings, locale));
  }

  // Inside 《: titles.
  const open = before.lastIndexOf(t.titleOpen);
  if (open >= 0 && before.indexOf(t.titleClose, open) < 0) {
    return answer('title', titleItems(knowledge, w, lineStart + open + t.titleOpen.length, at, before.slice(open + t.titleOpen.length), after));
  }

  // After 第 and digits: resolutions; not in the heading, the title line or the closing, where
  // 第 N is a paragraph of a report (第 93 段) or a meeting (第 45 次全体会议).
  const cited = t.citationTyped.exec(before);
  if (cited && !t.paragraphReferenceBefore.test(before.slice(0, cited.index)) && (inFootnotes || !isFrame(model, line))) {
    const items = resolutionItems(model, knowledge, locale, lineStart + cited.index, at, cited[1], before.slice(0, cited.index), after);
    if (items.length > 0) return answer('resolution', items);
  }

  if (inFootnotes) {
    const footnote = model.footnotes.find((f) => f.line === line);
    const typed = footnote && at >= footnote.textSpan.start ? model.text.slice(footnote.textSpan.start, at) : '';
    // An empty footnote line (`¹ `): the corpus's footnotes, the one its marker's title has first.
    if (footnote && !model.text.slice(footnote.numberSpan.end, lineEnd).trim() && at >= footnote.numberSpan.end) {
      return answer('footnote', footnoteTextItems(model, footnote.number, { start: footnote.numberSpan.end, end: lineEnd }, knowledge, w));
    }
    return answer(typed && continuations ? 'phrase' : 'none', typed && continuations ? phraseItems(phrases, w, typed, at) : []);
  }

  // The start of a paragraph: openers; further on: agreed language.
  const part = partOfLine(model, line);
  if (!part) return answer('none', []);
  const label = t.label.exec(before);
  const bodyStart = lineStart + (label ? label[0].length : before.length - before.trimStart().length);
  const typed = model.text.slice(bodyStart, at);
  const isParagraphStart = part.part === 'operative' ? !!label : part.part === 'preamble' && !label && part.level === 0;
  const items: AssistItem[] = [];
  let context: AssistContext = 'none';
  if (isParagraphStart && t.openerTyped.test(typed)) {
    const wantsSpace = !!label && t.labelWantsSpace.test(before);
    items.push(...openerItems(model, knowledge, w, part.part, part.level > 0, line, { start: bodyStart, end: at }, typed, wantsSpace));
    if (items.length > 0) context = 'opener';
  }
  if (continuations && typed.trim().length > 0) {
    const phraseList = phraseItems(phrases, w, typed, at);
    if (phraseList.length > 0 && context === 'none') context = 'phrase';
    items.push(...phraseList.slice(0, Math.max(5, COMPLETION_LIMIT - items.length)));
  }
  return answer(context, items);
}

/** Whether a line is part of the draft's frame: a heading line, the title line, or the closing (from its date on). */
function isFrame(model: ResolutionDocument, line: number): boolean {
  if (model.heading.some((h) => h.line === line) || model.title?.line === line) return true;
  const closing = model.closing.dateLine ?? model.closing.meeting?.span;
  return !!closing && model.lines.positionAt(closing.start).line <= line;
}

/** The part (and level) a line belongs to, for a line being typed: its paragraph's, or where it stands. */
function partOfLine(model: ResolutionDocument, line: number): { part: Part; level: number } | undefined {
  const p = model.paragraphs.find((x) => x.line === line);
  if (p) return { part: p.part, level: p.level };
  if (model.closing.dateLine && model.lines.positionAt(model.closing.dateLine.start).line < line) return undefined;
  if (model.operative.some((x) => x.line < line)) return { part: 'operative', level: 0 };
  if (model.organ && model.organ.line < line) return { part: 'preamble', level: 0 };
  return undefined;
}

/**
 * Which repeat prefix the next use of `base` takes in this part above `line`: none, 又 or 还; and
 * whether `base` itself was used above (not only a longer or shorter form of it, 重申吁请 / 重申).
 */
function repeatPrefixFor(model: ResolutionDocument, part: Part, line: number, base: string, order: readonly string[]): { prefix: string; exact: boolean } | undefined {
  const above = (part === 'preamble' ? model.preamble : model.operative).filter((p: Paragraph) => p.line < line && p.opener && sameVerb(p.opener.base, base));
  if (above.length === 0) return undefined;
  const used = new Set(above.map((p) => p.opener?.repeatPrefix ?? ''));
  // 重申 → 又重申 → 还重申; the last prefix serves every later use.
  const prefix = order.find((r) => !used.has(r)) ?? order[order.length - 1];
  return { prefix, exact: above.some((p) => p.opener?.base === base) };
}

function openerItems(
  model: ResolutionDocument,
  knowledge: CorpusKnowledge,
  w: CompletionWords,
  part: Part,
  subparagraph: boolean,
  line: number,
  span: Span,
  typed: string,
  wantsSpace: boolean,
): AssistItem[] {
  const t = knowledge.tables;
  const typedBold = typed.startsWith('**');
  const word = typedBold ? typed.slice(2) : typed;
  // Operative verbs in bold when the draft already writes them so (as recent resolutions do), not
  // in subparagraphs: `(a) 继续执行……` is plain, and 又/还 count the paragraphs of a part, not a list's items.
  const bold = typedBold || (part === 'operative' && !subparagraph && model.operative.some((p) => p.opener && model.emphasis.some((e) => e.span.start <= p.opener!.span.start && e.span.end >= p.opener!.span.end)));
  const ranked: OpenerUse[] = part === 'preamble' ? knowledge.preambularOpeners : knowledge.operativeOpeners;
  const count = (o: OpenerUse) => (part === 'preamble' ? o.preambular : o.operative);
  const repeated: AssistItem[] = [];
  const plain: AssistItem[] = [];
  for (const use of ranked) {
    const repeat = subparagraph ? undefined : repeatPrefixFor(model, part, line, use.base, t.repeatOrder);
    const prefix = repeat?.prefix;
    const forms = prefix ? [prefix + use.base, use.base] : [use.base];
    for (const form of forms) {
      if (!form.startsWith(word) && !use.base.startsWith(word)) continue;
      const isRepeat = form !== use.base;
      // The part's uses alone: a count of documents beside it would be over both parts (1 use · 4 documents).
      const detail = w.openerDetail(part, count(use));
      const quoted = (x: string) => `“${escapeMarkdown(x)}”`;
      const note = isRepeat
        ? w.openerRepeat(quoted(use.base), quoted(form))
        : prefix
          ? w.openerFollows(quoted(use.base), quoted(prefix + use.base))
          : undefined;
      const uses = w.openerUses(use.preambular, use.operative, openerDocumentCount(use));
      const item: AssistItem = {
        label: form,
        kind: 'opener',
        detail,
        documentation: note ? `${note}\n\n${uses}` : uses,
        edit: { span, newText: (wantsSpace ? ' ' : '') + (bold ? `**${form}**` : form) },
        filterText: (typedBold ? '**' : '') + (form.startsWith(word) ? form : use.base),
        sortText: '',
      };
      // The 又 form of an opener used above comes first; of a related verb (重申吁请 after 重申), in its rank.
      (isRepeat && repeat?.exact ? repeated : plain).push(item);
    }
  }
  return [...repeated, ...plain].map((item, i) => ({ ...item, sortText: sortKey(0, i) }));
}

function phraseItems(phrases: PhraseSource | undefined, w: CompletionWords, before: string, at: number): AssistItem[] {
  if (!phrases) return [];
  const query = agreedText(before);
  if (!query.trim()) return [];
  const found = phrases.continuations(query, 40);
  const seen = new Set<string>();
  const ordered = [...found].sort((a, b) => a.stretch - b.stretch || b.occurrences - a.occurrences);
  const items: AssistItem[] = [];
  for (const c of ordered) {
    // A bare clause mark (`，`) is no language to offer.
    if (!/[\p{L}\p{N}]/u.test(c.text) || seen.has(c.text)) continue;
    seen.add(c.text);
    const where = `${escapeMarkdown(c.example.symbol)}, ${escapeMarkdown(w.place(c.example.where))}`;
    const documents = c.documents.slice(0, 3).join(', ') + (c.documents.length > 3 ? ' …' : '');
    items.push({
      label: c.text,
      kind: 'phrase',
      detail: w.documentsDetail(c.documents.length, documents),
      documentation: [
        w.phraseAfter(`“${escapeMarkdown(cut(c.matched, 30))}”`, c.occurrences, c.documents.length),
        `**${where}**`,
        `> ${escapeMarkdown(c.example.text)}`,
      ].join('\n\n'),
      edit: { span: { start: at, end: at }, newText: c.text },
      sortText: sortKey(1 + Math.min(c.stretch, 8), items.length),
    });
  }
  return items;
}

function titleItems(knowledge: CorpusKnowledge, w: CompletionWords, start: number, at: number, typed: string, after: string): AssistItem[] {
  const t = knowledge.tables;
  const closes = after.trimStart().startsWith(t.titleClose);
  const key = squeeze(typed);
  const keys = squeezed(knowledge).titles;
  const starting = firstMatching(knowledge.titles, keys, (x) => x.startsWith(key), COMPLETION_LIMIT);
  const containing = key ? firstMatching(knowledge.titles, keys, (x) => !x.startsWith(key) && x.includes(key), COMPLETION_LIMIT - starting.length) : [];
  return [...starting, ...containing].map((use, i) => {
    const footnote = use.footnotes[0];
    return {
      label: use.title,
      kind: 'title' as const,
      detail: w.titleDetail(use.uses, use.documents.length),
      documentation: footnote
        ? `${w.titleFootnote}\n\n> ${escapeMarkdown(footnote)}`
        : w.titleNoFootnote(use.uses),
      edit: { span: { start, end: at }, newText: use.title + (closes ? '' : t.titleClose) },
      // A title found by a word inside it is still shown when the editor filters by what was typed.
      filterText: i < starting.length ? use.title : typed + use.title,
      sortText: sortKey(0, i),
    };
  });
}

function resolutionItems(
  model: ResolutionDocument,
  knowledge: CorpusKnowledge,
  locale: Locale,
  start: number,
  at: number,
  typedNumber: string,
  textBefore: string,
  after: string,
): AssistItem[] {
  const t = knowledge.tables;
  const w = words[locale] ?? words.en;
  const key = squeeze(typedNumber).replace(/（/g, '(').replace(/）/g, ')');
  const hasDate = t.dateBefore.test(textBefore);
  const tail = t.citationTail.exec(after);
  const end = at + (tail ? tail[0].length : 0);
  const typedText = model.text.slice(start, at);
  return firstMatching(knowledge.resolutions, squeezed(knowledge).numbers, (n) => n.startsWith(key), COMPLETION_LIMIT)
    .map((r, i) => {
      const date = r.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.date) : null;
      const ymd = date && !hasDate ? { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) } : undefined;
      // A date goes in spaced as the corpus writes it (`回顾其 2017 年 12 月 4 日第`): a space after a Chinese character.
      const lead = ymd && start > 0 && /\p{Script=Han}/u.test(model.text[start - 1]) ? ' ' : '';
      const citation = lead + t.citeResolution(r.number, ymd);
      const facts = [
        `**${escapeMarkdown(r.symbol)}**${r.title ? ` ${escapeMarkdown(r.title)}` : ''}`,
        r.date ? w.adopted(escapeMarkdown(writtenDate(locale, r.date))) : w.noDate,
        w.citedIn(r.citations),
      ];
      return {
        label: t.citeResolution(r.number),
        kind: 'resolution' as const,
        detail: [r.title, r.date && writtenDate(locale, r.date)].filter(Boolean).join(' · ') || r.symbol,
        documentation: facts.join('\n\n'),
        edit: { span: { start, end }, newText: citation },
        filterText: typedText + squeeze(r.number).slice(key.length),
        sortText: sortKey(0, i),
      };
    });
}

/**
 * The footnote texts of the corpus for an empty footnote line: first the one the corpus gives
 * the title its marker follows in the draft (`《不扩散核武器条约》¹` → `联合国，《条约汇编》……`),
 * then the footnotes of the most cited titles.
 */
function footnoteTextItems(model: ResolutionDocument, number: number, span: Span, knowledge: CorpusKnowledge, w: CompletionWords): AssistItem[] {
  const cited = model.markers
    .filter((m) => m.number === number)
    .map((m) => model.titles.find((x) => x.line === m.line && x.span.end <= m.span.start && /^[\s，、；。：,]*$/.test(model.text.slice(x.span.end, m.span.start))))
    .find((x) => x !== undefined);
  const own = cited ? knownTitle(knowledge, cited.title) : undefined;
  const uses = [...(own ? [own] : []), ...knowledge.titles.filter((u) => u !== own && u.footnotes.length > 0)];
  const seen = new Set<string>();
  const items: AssistItem[] = [];
  for (const use of uses) {
    const text = use.footnotes[0];
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const head = `《${escapeMarkdown(use.title)}》`;
    items.push({
      label: cut(text, 40),
      kind: 'footnote-text',
      detail: `《${cut(use.title, 30)}》`,
      documentation: `${use === own ? w.footnoteOf(head) : w.footnoteText(head)}\n\n> ${escapeMarkdown(text)}`,
      edit: { span, newText: ` ${text}` },
      filterText: ` ${text}`,
      sortText: sortKey(use === own ? 0 : 1, items.length),
    });
    if (items.length >= COMPLETION_LIMIT) break;
  }
  return items;
}

function footnoteItems(model: ResolutionDocument, typed: Span, knowledge: CorpusKnowledge, settings: DrafterSettings, locale: Locale): AssistItem[] {
  const w = words[locale] ?? words.en;
  const typedText = model.text.slice(typed.start, typed.end);
  const typedNumber = fromSuperscript(typedText);
  // The title the marker follows (`《不扩散核武器条约》¹`) and the footnote the corpus gives it.
  const title = model.titles.find((x) => x.span.end === typed.start);
  const titleFootnote = title ? knownTitle(knowledge, title.title)?.footnotes[0] : undefined;
  const items: AssistItem[] = [];
  const allowed = reuseAllowed(model, settings.footnotes.reuse);
  const policy =
    settings.footnotes.reuse === 'by-date'
      ? w.policyByDate(model.facts.date?.valid ? writtenDate(locale, model.facts.date.iso) : undefined)
      : w.policy(settings.footnotes.reuse);
  if (allowed) {
    const seen = new Set<number>();
    for (const f of model.footnotes) {
      if (seen.has(f.number) || !Number.isFinite(f.number)) continue;
      seen.add(f.number);
      if (!Number.isNaN(typedNumber) && !String(f.number).startsWith(String(typedNumber))) continue;
      const text = model.text.slice(f.textSpan.start, f.textSpan.end);
      const sameSource = !!titleFootnote && squeeze(titleFootnote) === squeeze(text);
      items.push({
        label: `${toSuperscript(f.number)} ${cut(text, 30)}`,
        kind: 'footnote-reuse',
        detail: w.reuseDetail(f.number),
        documentation: `${w.reuseNote(f.number, escapeMarkdown(policy))}\n\n> ${escapeMarkdown(text)}`,
        edit: { span: typed, newText: toSuperscript(f.number) },
        filterText: typedText,
        sortText: sortKey(sameSource ? 0 : 2, f.number),
      });
    }
  }
  const inserted = insertFootnote(model, typed.start, { replace: typed, text: titleFootnote });
  const [main, ...rest] = inserted.edits;
  const marker = toSuperscript(inserted.number);
  // One edit holding the footnote line too (the draft ends at the marker): the cursor stays after the marker.
  const cursorAt = main.newText.length > marker.length ? marker.length : undefined;
  items.push({
    label: `${toSuperscript(inserted.number)} ${w.newLabel}`,
    kind: 'footnote-new',
    detail: titleFootnote ? cut(titleFootnote, 40) : w.newDetail,
    documentation: [
      w.newNote(inserted.number, !!model.footnoteSeparator),
      titleFootnote ? `${w.newText(`《${escapeMarkdown(title?.title ?? '')}》`)}\n\n> ${escapeMarkdown(titleFootnote)}` : '',
      allowed ? '' : w.noReuse(escapeMarkdown(policy)),
    ]
      .filter(Boolean)
      .join('\n\n'),
    edit: main,
    additionalEdits: rest,
    cursorAt,
    filterText: typedText,
    sortText: sortKey(1, 0),
  });
  return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

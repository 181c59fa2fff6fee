/**
 * Which corpus resolution a draft is next year's version of: the resolution it recalls
 * (`回顾其 2017 年 12 月 4 日第 72/50 号决议`) when the corpus has it; else one with the same title,
 * else on the same agenda item, else the one sharing most paragraphs. The rule that chose it is
 * named, and a recalled resolution missing from the corpus is named too.
 */
import { chineseCompare, type CompareTables } from '../lang/zh-compare';
import type { ResolutionDocument } from '../model';
import type { Locale } from '../rules';

/** A corpus document as the choice needs it (from the catalogue). */
export interface CandidateDocument {
  symbol: string;
  /** Absolute path of its clean draft. */
  file: string;
  title?: string;
  agendaItem?: string;
  session?: number;
}

export type PredecessorRule = 'recalled' | 'title' | 'agenda-item' | 'overlap' | 'given';

export interface Predecessor {
  symbol: string;
  file: string;
  rule: PredecessorRule;
  /** Why, for a drafter. */
  reason: string;
}

export interface PredecessorFinding {
  predecessor?: Predecessor;
  /** The newest resolution the draft recalls, when the corpus does not have it. */
  recalledMissing?: string;
  /** Why nothing was chosen, for a drafter. */
  problem?: string;
}

/** Normal form of a symbol for lookups: no spaces, upper case. */
export function symbolLookupKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}

function sessionOfNumber(key: string): number {
  const m = /^(?:[A-Z]+-)?(\d+)\//.exec(key);
  return m ? Number(m[1]) : 0;
}

/** General Assembly resolutions the draft recalls in its preamble, newest first. */
export function recalledResolutions(model: ResolutionDocument, tables: CompareTables = chineseCompare): string[] {
  const found: { symbol: string; session: number; own: boolean }[] = [];
  for (const p of model.preamble) {
    if (!p.opener || !tables.recallOpeners.includes(p.opener.base)) continue;
    const own = model.text.startsWith(tables.ownMarker, p.opener.span.end);
    for (const c of model.citations) {
      if (c.line !== p.line || c.organ !== 'GA' || c.kind !== 'resolution' || !c.symbol) continue;
      found.push({ symbol: c.symbol, session: sessionOfNumber(c.key), own });
    }
  }
  found.sort((x, y) => Number(y.own) - Number(x.own) || y.session - x.session);
  return [...new Set(found.map((f) => f.symbol))];
}

const MESSAGES = {
  en: {
    recalled: (s: string) => `the draft recalls ${s}`,
    recalledNewer: (s: string, missing: string) => `the draft recalls ${s} (and ${missing}, which the corpus does not have)`,
    title: (s: string) => `${s} has the same title`,
    agenda: (s: string, item: string) => `${s} is on the same agenda item (${item})`,
    overlap: (s: string, shared: number, total: number) => `${s} shares the most paragraphs with the draft (${shared} of ${total})`,
    missing: (s: string) => `the draft recalls ${s}, which is not in the corpus`,
    nothing: 'no corpus resolution shares the draft\'s title, agenda item or paragraphs',
  },
  zh: {
    recalled: (s: string) => `草案回顾 ${s}`,
    recalledNewer: (s: string, missing: string) => `草案回顾 ${s}(以及语料中没有的 ${missing})`,
    title: (s: string) => `${s} 标题相同`,
    agenda: (s: string, item: string) => `${s} 属同一议程项目(${item})`,
    overlap: (s: string, shared: number, total: number) => `${s} 与草案相同或相近的段落最多(${total} 段中 ${shared} 段)`,
    missing: (s: string) => `草案回顾的 ${s} 不在语料中`,
    nothing: '语料中没有标题、议程项目或段落与草案相同的决议',
  },
} as const;

function squeeze(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, '');
}

/**
 * Chooses the predecessor among `documents`. `overlap`, when given, counts for each corpus symbol
 * (lookup key) how many of the draft's paragraphs it has a close paragraph for.
 */
export function findPredecessor(
  model: ResolutionDocument,
  documents: CandidateDocument[],
  overlap?: { counts: Map<string, number>; total: number },
  locale: Locale = 'en',
  tables: CompareTables = chineseCompare,
): PredecessorFinding {
  const say = MESSAGES[locale];
  const own = model.facts.symbol ? symbolLookupKey(model.facts.symbol) : model.title?.number && !model.title.placeholder ? symbolLookupKey(`A/RES/${model.title.number}`) : undefined;
  const session = model.facts.session;
  const others = documents.filter((d) => symbolLookupKey(d.symbol) !== own && (session === undefined || d.session === undefined || d.session <= session));
  const bySymbol = new Map(others.map((d) => [symbolLookupKey(d.symbol), d]));
  const recalled = recalledResolutions(model, tables);
  const newest = recalled[0];
  for (const symbol of recalled) {
    const d = bySymbol.get(symbolLookupKey(symbol));
    if (!d) continue;
    const reason = symbol === newest ? say.recalled(d.symbol) : say.recalledNewer(d.symbol, newest);
    return { predecessor: { symbol: d.symbol, file: d.file, rule: 'recalled', reason }, ...(symbol === newest ? {} : { recalledMissing: newest }) };
  }
  const missing = newest ? { recalledMissing: newest } : {};
  const newestFirst = (x: CandidateDocument, y: CandidateDocument) => (y.session ?? 0) - (x.session ?? 0);
  const title = squeeze(model.title?.title);
  const sameTitle = title ? others.filter((d) => squeeze(d.title) === title).sort(newestFirst)[0] : undefined;
  if (sameTitle) return { predecessor: { symbol: sameTitle.symbol, file: sameTitle.file, rule: 'title', reason: say.title(sameTitle.symbol) }, ...missing };
  const itemLine = model.heading.find((h) => h.field === 'agenda-item');
  const item = itemLine ? squeeze(/\d+\s*(?:\([a-z]+\))?/.exec(itemLine.text)?.[0]) : '';
  const sameItem = item ? others.filter((d) => squeeze(d.agendaItem) === item).sort(newestFirst)[0] : undefined;
  if (sameItem) return { predecessor: { symbol: sameItem.symbol, file: sameItem.file, rule: 'agenda-item', reason: say.agenda(sameItem.symbol, sameItem.agendaItem ?? item) }, ...missing };
  if (overlap) {
    let best: CandidateDocument | undefined;
    let bestCount = 0;
    for (const d of others) {
      const count = overlap.counts.get(symbolLookupKey(d.symbol)) ?? 0;
      if (count > bestCount || (count === bestCount && count > 0 && best && (d.session ?? 0) > (best.session ?? 0))) {
        best = d;
        bestCount = count;
      }
    }
    if (best) return { predecessor: { symbol: best.symbol, file: best.file, rule: 'overlap', reason: say.overlap(best.symbol, bestCount, overlap.total) }, ...missing };
  }
  return { ...missing, problem: newest ? say.missing(newest) : say.nothing };
}

/** The text that says a recalled resolution is missing (shown with a predecessor chosen by another rule). */
export function recalledMissingNote(symbol: string, locale: Locale = 'en'): string {
  return MESSAGES[locale].missing(symbol);
}

/**
 * The corpus knowledge after a few documents were added, changed or removed, without digesting
 * the whole corpus again: the knowledge of the base (as built before) with what the changed and
 * removed documents said taken out where it can be (their drafts, the places they cite from,
 * their names in the lists of documents), and the knowledge of the added and changed documents
 * (built from them alone, with the catalogue entries that describe them) added in.
 *
 * Counts that a document's old version added (how often an opener or a title is used) cannot be
 * taken out, not having been kept per document: they stay until the next full build, which the
 * index keeper runs when the changes grow (see SEGMENT_SHARE). Nothing of the base is changed in
 * place: every entry that differs is a copy.
 */
import { chineseAssist, type AssistTables } from '../lang/zh-assist';
import { sortKnowledge, type CitingPlace, type CorpusKnowledge, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';

/** The base documents whose knowledge is out of date: changed or removed (their symbols and drafts). */
export interface GoneDocuments {
  symbols: ReadonlySet<string>;
  paths: ReadonlySet<string>;
}

const union = (a: readonly string[], b: readonly string[]): string[] => {
  const seen = new Set(a);
  return [...a, ...b.filter((x) => !seen.has(x) && (seen.add(x), true))];
};

/** The base knowledge with the gone documents taken out and the segment's knowledge added. */
export function updatedKnowledge(base: CorpusKnowledge, segment: CorpusKnowledge | undefined, gone: GoneDocuments, tables: AssistTables = chineseAssist): CorpusKnowledge {
  const live = (documents: string[]) => (gone.symbols.size > 0 && documents.some((s) => gone.symbols.has(s)) ? documents.filter((s) => !gone.symbols.has(s)) : documents);

  const openers = new Map<string, OpenerUse>();
  for (const [key, use] of base.openers) {
    const documents = live(use.documents);
    openers.set(key, documents === use.documents ? use : { ...use, documents });
  }
  const titles = new Map<string, TitleUse>();
  for (const [key, use] of base.titleByName) {
    const documents = live(use.documents);
    titles.set(key, documents === use.documents ? use : { ...use, documents });
  }
  const symbols = new Map<string, SymbolFacts>(base.symbols);
  if (gone.paths.size > 0 || gone.symbols.size > 0) {
    for (const [key, facts] of base.symbols) {
      const citedBy = facts.citedBy.some((c) => (c.path !== undefined && gone.paths.has(c.path)) || gone.symbols.has(c.symbol)) ? facts.citedBy.filter((c) => !(c.path !== undefined && gone.paths.has(c.path)) && !gone.symbols.has(c.symbol)) : facts.citedBy;
      const draftGone = facts.draft?.path !== undefined && gone.paths.has(facts.draft.path);
      if (citedBy === facts.citedBy && !draftGone) continue;
      const copy: SymbolFacts = { ...facts, citedBy };
      if (draftGone) delete copy.draft;
      symbols.set(key, copy);
    }
  }
  if (segment) {
    for (const [key, use] of segment.openers) {
      const was = openers.get(key);
      openers.set(key, was ? { ...was, preambular: was.preambular + use.preambular, operative: was.operative + use.operative, documents: union(was.documents, use.documents) } : use);
    }
    for (const [key, use] of segment.titleByName) {
      const was = titles.get(key);
      titles.set(key, was ? { ...was, uses: was.uses + use.uses, footnotes: union(was.footnotes, use.footnotes), documents: union(was.documents, use.documents) } : use);
    }
    for (const [key, facts] of segment.symbols) {
      const was = symbols.get(key);
      if (!was) {
        symbols.set(key, facts);
        continue;
      }
      const places = new Set(was.citedBy.map((c) => `${c.line} ${c.symbol}`));
      const citedBy: CitingPlace[] = [...was.citedBy, ...facts.citedBy.filter((c) => !places.has(`${c.line} ${c.symbol}`))];
      symbols.set(key, {
        ...was,
        kind: was.kind === 'other' ? facts.kind : was.kind,
        titles: union(was.titles, facts.titles),
        dates: union(was.dates, facts.dates),
        footnotes: union(was.footnotes, facts.footnotes),
        citedBy,
        draft: facts.draft?.path !== undefined ? facts.draft : (was.draft ?? facts.draft),
      });
    }
  }
  return sortKnowledge(openers, titles, symbols, tables);
}

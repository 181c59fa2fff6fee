/**
 * What the corpus knows, gathered once per corpus load for completion and hovers: how often each
 * opener opens a preambular or an operative paragraph, which titles are cited and with which
 * footnote, which resolutions are cited and with which date, and every fact about a symbol.
 */
import type { Catalogue, DocumentKind } from '../catalogue';
import { chineseAssist, type AssistTables } from '../lang/zh-assist';
import type { ResolutionDocument } from '../model';
import { corpusParagraphs } from '../agreed/corpus-paragraphs';
import { analyzeSymbol, symbolKind } from '../symbols';

/** The corpus as the knowledge is built from it: parsed clean drafts and the merged catalogue. */
export interface KnowledgeSource {
  drafts: readonly { symbol: string; path?: string; model: ResolutionDocument }[];
  catalogue: Catalogue;
}

/** How the corpus uses one opener (without 又/还). */
export interface OpenerUse {
  base: string;
  /** Top-level preambular paragraphs it opens. */
  preambular: number;
  /** Top-level operative paragraphs it opens. */
  operative: number;
  /** Symbols of the documents that use it, in either part (the corpus database gives only the first few: see `documentCount`). */
  documents: string[];
  /** How many documents use it, when `documents` lists only the first of them. */
  documentCount?: number;
}

/** How many documents use an opener. */
export function openerDocumentCount(use: OpenerUse): number {
  return use.documentCount ?? use.documents.length;
}

/** A title cited in 《》 in the corpus. */
export interface TitleUse {
  title: string;
  uses: number;
  /** Footnote texts the catalogue gives it, most used first. */
  footnotes: string[];
  documents: string[];
}

/** A resolution the corpus cites or contains, as a citation writes it. */
export interface KnownResolution {
  symbol: string;
  /** As written after 第: `72/50`, `49/75 E`, `1540(2004)`. */
  number: string;
  organ: 'GA' | 'SC';
  /** Adoption date (ISO), when the corpus gives one. */
  date?: string;
  title?: string;
  /** Corpus places that cite it. */
  citations: number;
}

/** Where a corpus document cites a symbol: the citing document and the 1-based line of its clean draft. */
export interface CitingPlace {
  symbol: string;
  line: number;
  /** Absolute path of the citing clean draft, when it is loaded. */
  path?: string;
  /** The place of that line, as the phrase index names it (`序言部分第 3 段`), when the draft was read. */
  where?: string;
}

/** Everything the corpus says about one document symbol. */
export interface SymbolFacts {
  symbol: string;
  kind: DocumentKind;
  /** Its own title (the corpus document's title line), or the titles seen with it. */
  titles: string[];
  /** Adoption or issue dates (ISO); more than one means the corpus disagrees with itself. */
  dates: string[];
  citedBy: CitingPlace[];
  footnotes: string[];
  /** The clean draft of the document itself, when the corpus contains it. */
  draft?: { path?: string; symbol: string };
}

/** The corpus digested for completion and hovers. Build it with `buildKnowledge` once per corpus load. */
export interface CorpusKnowledge {
  openers: Map<string, OpenerUse>;
  /** Openers of preambular paragraphs, most used first. */
  preambularOpeners: OpenerUse[];
  /** Operative verbs, most used first. */
  operativeOpeners: OpenerUse[];
  /** Titles, most used first. */
  titles: TitleUse[];
  /** Titles by their text without white space: use `knownTitle` to look one up. */
  titleByName: Map<string, TitleUse>;
  /** Resolutions citable as `第 N 号决议`, most cited first. */
  resolutions: KnownResolution[];
  symbols: Map<string, SymbolFacts>;
  tables: AssistTables;
}

/** The key under which a symbol is looked up: its normal form, without spaces, upper case. */
export function symbolKey(symbol: string): string {
  return analyzeSymbol(symbol).normalized.replace(/\s+/g, '').toUpperCase();
}

/**
 * A copy of a short piece of a draft that does not keep the draft's whole text alive (the engine
 * may keep a substring as a view into its parent): the builder keeps titles and symbols of every
 * draft of a large corpus, not their texts.
 */
const detach = (piece: string): string => (' ' + piece).slice(1);

const pushNew = <T>(list: T[], value: T) => {
  if (!list.includes(value)) list.push(value);
};

/** The key of a title in `titleByName`: its text without white space (`2000 年` and `2000年` are one title). */
export const titleKey = (title: string) => title.replace(/\s+/g, '');

/** What the corpus knows about a title, however its digits are spaced (`2000 年`, `2000年`). */
export function knownTitle(knowledge: CorpusKnowledge, title: string): TitleUse | undefined {
  return knowledge.titleByName.get(titleKey(title));
}

/** One corpus draft as the knowledge builder reads it. */
export type KnowledgeDraft = KnowledgeSource['drafts'][number];

/**
 * Builds the knowledge draft by draft, so that a large corpus need not be held as parsed models:
 * `add` each draft (then drop it), `finish` with the merged catalogue.
 */
export class KnowledgeBuilder {
  private readonly openers = new Map<string, OpenerUse>();
  private readonly titles = new Map<string, TitleUse>();
  private readonly symbols = new Map<string, SymbolFacts>();
  private readonly pathByFile = new Map<string, string>();
  // The place of each line that cites something, per corpus file: `序言部分第 3 段` for a hover.
  private readonly placesByFile = new Map<string, Map<number, string>>();
  // What each document list already holds: a common opener is used in thousands of documents, and
  // looking through its list at every use would make the digest quadratic in the corpus.
  private readonly members = new WeakMap<string[], Set<string>>();
  // How often each spelling of a title is written (spaces around digits are a PDF artefact).
  private readonly spellings = new Map<string, Map<string, number>>();

  constructor(private readonly tables: AssistTables = chineseAssist) {}

  private facts(symbol: string): SymbolFacts {
    const key = symbolKey(symbol);
    let f = this.symbols.get(key);
    if (!f) {
      f = { symbol: analyzeSymbol(symbol).normalized, kind: symbolKind(analyzeSymbol(symbol).normalized), titles: [], dates: [], citedBy: [], footnotes: [] };
      this.symbols.set(key, f);
    }
    return f;
  }

  private addDocument(list: string[], symbol: string): void {
    let members = this.members.get(list);
    if (!members) {
      members = new Set(list);
      this.members.set(list, members);
    }
    if (members.has(symbol)) return;
    members.add(symbol);
    list.push(symbol);
  }

  private titleUse(title: string): TitleUse {
    let use = this.titles.get(titleKey(title));
    if (!use) {
      use = { title: detach(title), uses: 0, footnotes: [], documents: [] };
      this.titles.set(titleKey(title), use);
    }
    return use;
  }

  private countSpelling(title: string): void {
    const key = titleKey(title);
    let counts = this.spellings.get(key);
    if (!counts) {
      counts = new Map<string, number>();
      this.spellings.set(key, counts);
    }
    counts.set(title, (counts.get(title) ?? 0) + 1);
  }

  /** Makes a corpus file known by its path without reading it (catalogue entries then link to it). */
  knowFile(path: string): void {
    const file = path.split(/[\\/]/).pop() ?? path;
    if (!this.pathByFile.has(file)) this.pathByFile.set(file, path);
  }

  /** Takes what one parsed corpus draft says; the model is not kept. */
  add(draft: KnowledgeDraft): void {
    const { openers } = this;
    const symbol = detach(draft.symbol);
    if (draft.path) {
      const file = draft.path.split(/[\\/]/).pop() ?? draft.path;
      this.pathByFile.set(file, draft.path);
    }
    const model = draft.model;
    const file = draft.path ? (draft.path.split(/[\\/]/).pop() ?? draft.path) : undefined;
    const citing = new Set([...model.symbols.map((x) => x.line), ...model.citations.map((x) => x.line)]);
    if (file && citing.size > 0) {
      const places = new Map<number, string>();
      for (const p of corpusParagraphs(model)) if (citing.has(p.line)) places.set(p.line + 1, p.where);
      if (places.size > 0) this.placesByFile.set(file, places);
    }
    // Openers of resolutions only: the numbered sentences of a working paper (`缔约国承诺……`)
    // are prose, not the operative verbs a resolution opens with.
    if (model.shape === 'resolution') {
      for (const p of model.paragraphs) {
        if (p.level !== 0 || !p.opener) continue;
        let use = openers.get(p.opener.base);
        if (!use) {
          use = { base: detach(p.opener.base), preambular: 0, operative: 0, documents: [] };
          openers.set(use.base, use);
        }
        if (p.part === 'preamble') use.preambular++;
        else use.operative++;
        this.addDocument(use.documents, symbol);
      }
    }
    for (const t of model.titles) {
      const use = this.titleUse(t.title);
      use.uses++;
      this.countSpelling(detach(t.title));
      this.addDocument(use.documents, symbol);
    }
    const own = this.facts(symbol);
    own.draft = { path: draft.path, symbol };
    if (model.title?.title) pushNew(own.titles, detach(model.title.title));
    if (model.facts.date?.valid) pushNew(own.dates, model.facts.date.iso);
  }

  /** Merges the catalogue and sorts: the knowledge of every draft added. Call once. */
  finish(catalogue: Catalogue): CorpusKnowledge {
    const { openers, titles, symbols, pathByFile, tables } = this;
    for (const d of catalogue.documents) {
      const f = this.facts(d.symbol);
      f.kind = d.kind;
      if (d.title) pushNew(f.titles, d.title);
      if (d.date) pushNew(f.dates, d.date);
      f.draft ??= { path: pathByFile.get(d.file), symbol: d.symbol };
      f.draft.path ??= pathByFile.get(d.file);
    }
    // The citing places already listed, per symbol (a much-cited resolution has thousands).
    const places = new Map<SymbolFacts, Set<string>>();
    for (const c of catalogue.cited) {
      const f = this.facts(c.symbol);
      if (f.kind === 'other' && c.kind !== 'other') f.kind = c.kind;
      for (const t of c.titles) pushNew(f.titles, t);
      for (const d of c.dates) pushNew(f.dates, d);
      for (const n of c.footnotes) pushNew(f.footnotes, n);
      let seen = places.get(f);
      if (!seen) {
        seen = new Set(f.citedBy.map((s) => `${s.line} ${s.symbol}`));
        places.set(f, seen);
      }
      for (const site of c.citedBy) {
        const place = `${site.line} ${site.symbol}`;
        if (seen.has(place)) continue;
        seen.add(place);
        f.citedBy.push({ symbol: site.symbol, line: site.line, path: pathByFile.get(site.file), where: this.placesByFile.get(site.file)?.get(site.line) });
      }
    }
    // A joint symbol (`A/60/1002-S/2006/718`) is one document under each of its symbols: the hover
    // on either part says what the corpus says about the whole.
    for (const joint of [...symbols.values()]) {
      const parts = analyzeSymbol(joint.symbol).joint;
      if (parts.length < 2) continue;
      for (const part of parts) {
        const f = this.facts(part);
        for (const t of joint.titles) pushNew(f.titles, t);
        for (const d of joint.dates) pushNew(f.dates, d);
        for (const n of joint.footnotes) pushNew(f.footnotes, n);
        for (const c of joint.citedBy) if (!f.citedBy.some((s) => s.symbol === c.symbol && s.line === c.line)) f.citedBy.push(c);
      }
    }
    for (const t of catalogue.titles) {
      const use = this.titleUse(t.title);
      if (use.uses === 0) use.uses = t.citedBy.length;
      for (const n of t.footnotes) pushNew(use.footnotes, n);
    }
    // A title is offered in the spelling the corpus uses most (2000 年 rather than 2000年).
    for (const [key, use] of titles) {
      const counts = this.spellings.get(key);
      if (counts) use.title = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    }
    return sortKnowledge(openers, titles, symbols, tables);
  }
}

// One collator each, made once: `localeCompare` with options makes a collator per call, which
// dominates sorting the tens of thousands of resolutions of a large corpus. Same order as before.
// Made at the first sort, not when the module loads: making them costs milliseconds that a
// command which never sorts knowledge (`lint`) would pay at every start.
let collators: { text: (a: string, b: string) => number; number: (a: string, b: string) => number } | undefined;
const order = () => (collators ??= { text: new Intl.Collator().compare, number: new Intl.Collator('en', { numeric: true }).compare });

/**
 * The sorted lists of the knowledge from its three maps (also when the maps come from a file or a
 * worker). `sortedResolutions`, when given, is the resolutions list as an earlier sort made it
 * (a large corpus has tens of thousands: the worker sorts them, not the server thread).
 */
export function sortKnowledge(
  openers: Map<string, OpenerUse>,
  titles: Map<string, TitleUse>,
  symbols: Map<string, SymbolFacts>,
  tables: AssistTables = chineseAssist,
  sortedResolutions?: KnownResolution[],
): CorpusKnowledge {
  const { text: textOrder, number: numberOrder } = order();
  let resolutions = sortedResolutions;
  if (!resolutions) {
    resolutions = [];
    for (const f of symbols.values()) {
      const cite = tables.citationNumber(f.symbol);
      if (!cite) continue;
      resolutions.push({ symbol: f.symbol, number: cite.number, organ: cite.organ, date: f.dates[0], title: f.titles[0], citations: f.citedBy.length });
    }
    resolutions.sort((a, b) => b.citations - a.citations || numberOrder(a.number, b.number));
  }

  const byUse = (part: 'preambular' | 'operative') =>
    [...openers.values()].filter((o) => o[part] > 0).sort((a, b) => b[part] - a[part] || openerDocumentCount(b) - openerDocumentCount(a) || textOrder(a.base, b.base));
  const sortedTitles = [...titles.values()].sort((a, b) => b.uses - a.uses || textOrder(a.title, b.title));
  return {
    openers,
    preambularOpeners: byUse('preambular'),
    operativeOpeners: byUse('operative'),
    titles: sortedTitles,
    titleByName: titles,
    resolutions,
    symbols,
    tables,
  };
}

/** Digests the corpus: call once per corpus load, not per keystroke. */
export function buildKnowledge(source: KnowledgeSource, tables: AssistTables = chineseAssist): CorpusKnowledge {
  const builder = new KnowledgeBuilder(tables);
  for (const draft of source.drafts) builder.add(draft);
  return builder.finish(source.catalogue);
}

/** What the corpus knows about a symbol (any written form: `a/res/76/54`, `A/RES/76/54`); undefined when nothing. */
export function symbolFacts(knowledge: CorpusKnowledge, symbol: string): SymbolFacts | undefined {
  return knowledge.symbols.get(symbolKey(symbol));
}

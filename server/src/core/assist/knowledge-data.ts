/**
 * The corpus knowledge as plain data (arrays of plain objects, no maps, no functions), so that it
 * can be written beside the phrase index and handed from the index worker to the server thread,
 * packed (each symbol, path and place once).
 * A large corpus's knowledge is handed over in parts, each small enough that receiving it does not
 * hold the server thread up, and assembled there.
 */
import { chineseAssist, type AssistTables } from '../lang/zh-assist';
import { sortKnowledge, titleKey, type CitingPlace, type CorpusKnowledge, type KnownResolution, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';

/**
 * Raised whenever the shape of `KnowledgeData` or of `PackedKnowledge` changes (a file of another
 * format is rebuilt, never misread). 3: symbols, paths and places of the packed form named once.
 */
export const KNOWLEDGE_DATA_FORMAT = 3;

/** The knowledge in plain data: the three maps as lists, in their order, and the resolutions as sorted. */
export interface KnowledgeData {
  format: number;
  openers: OpenerUse[];
  titles: TitleUse[];
  symbols: [key: string, facts: SymbolFacts][];
  resolutions: KnownResolution[];
}

/** The knowledge as plain data (the sorted lists of openers and titles are made again from it). */
export function knowledgeData(knowledge: CorpusKnowledge): KnowledgeData {
  return {
    format: KNOWLEDGE_DATA_FORMAT,
    openers: [...knowledge.openers.values()],
    titles: [...knowledge.titleByName.values()],
    symbols: [...knowledge.symbols.entries()],
    resolutions: knowledge.resolutions,
  };
}

/*
 * The packed form, as the knowledge file holds it and the worker hands it over. A large corpus
 * names the same few tens of thousands of symbols, file paths and places (`序言部分第 3 段`)
 * hundreds of thousands of times: in the lists of documents that use an opener or a title, and
 * in every place that cites a symbol. The packed form lists each of those strings once, in
 * `strings`, and the entries name them by their position; unpacked, every use shares one string.
 */

/** A position in `strings`; -1 for an optional string that is absent. */
type StringRef = number;

/** An opener, its documents as positions in `strings`. */
export interface PackedOpener {
  base: string;
  preambular: number;
  operative: number;
  documents: StringRef[];
}

/** A title, its documents as positions in `strings`. */
export interface PackedTitle {
  title: string;
  uses: number;
  footnotes: string[];
  documents: StringRef[];
}

/** A symbol's facts: its symbol by position; each citing place as four numbers (symbol, line, path, place). */
export interface PackedFacts {
  symbol: StringRef;
  kind: SymbolFacts['kind'];
  titles: string[];
  dates: string[];
  footnotes: string[];
  /** `[symbol, line, path or -1, where or -1]` for each citing place, one after the other. */
  citedBy: number[];
  /** The document's own draft: `[symbol, path or -1]`. */
  draft?: [StringRef, StringRef];
}

/** A resolution, its symbol by position. */
export type PackedResolution = Omit<KnownResolution, 'symbol'> & { symbol: StringRef };

/** The knowledge packed: each symbol, path and place once in `strings`, named by position in the entries. */
export interface PackedKnowledge {
  format: number;
  strings: string[];
  openers: PackedOpener[];
  titles: PackedTitle[];
  symbols: [key: StringRef, facts: PackedFacts][];
  resolutions: PackedResolution[];
}

/** A part of the packed knowledge: a stretch of `strings` (added to those of the parts before it) and of each list. */
export type KnowledgePart = Omit<PackedKnowledge, 'format'>;

/** The knowledge data packed: every symbol, path and place listed once. */
export function packKnowledge(data: KnowledgeData): PackedKnowledge {
  const strings: string[] = [];
  const position = new Map<string, number>();
  const ref = (value: string | undefined): StringRef => {
    if (value === undefined) return -1;
    let at = position.get(value);
    if (at === undefined) {
      at = strings.length;
      strings.push(value);
      position.set(value, at);
    }
    return at;
  };
  const openers = data.openers.map((o): PackedOpener => ({ base: o.base, preambular: o.preambular, operative: o.operative, documents: o.documents.map(ref) }));
  const titles = data.titles.map((t): PackedTitle => ({ title: t.title, uses: t.uses, footnotes: t.footnotes, documents: t.documents.map(ref) }));
  const symbols = data.symbols.map(([key, f]): [StringRef, PackedFacts] => {
    const citedBy: number[] = [];
    for (const c of f.citedBy) citedBy.push(ref(c.symbol), c.line, ref(c.path), ref(c.where));
    const facts: PackedFacts = { symbol: ref(f.symbol), kind: f.kind, titles: f.titles, dates: f.dates, footnotes: f.footnotes, citedBy };
    if (f.draft) facts.draft = [ref(f.draft.symbol), ref(f.draft.path)];
    return [ref(key), facts];
  });
  const resolutions = data.resolutions.map((r): PackedResolution => ({ ...r, symbol: ref(r.symbol) }));
  return { format: KNOWLEDGE_DATA_FORMAT, strings, openers, titles, symbols, resolutions };
}

/**
 * The packed knowledge cut into parts of about `size` items each (an item: a string, an entry, a
 * document it lists, a place that cites it): the strings first, then the lists in order.
 */
export function knowledgeParts(packed: PackedKnowledge, size = 5_000): KnowledgePart[] {
  const parts: KnowledgePart[] = [];
  const empty = (): KnowledgePart => ({ strings: [], openers: [], titles: [], symbols: [], resolutions: [] });
  let part = empty();
  let weight = 0;
  const add = <K extends keyof KnowledgePart>(list: K, item: KnowledgePart[K][number], itemWeight: number) => {
    (part[list] as KnowledgePart[K][number][]).push(item);
    weight += 1 + itemWeight;
    if (weight >= size) {
      parts.push(part);
      part = empty();
      weight = 0;
    }
  };
  for (const s of packed.strings) add('strings', s, 0);
  for (const o of packed.openers) add('openers', o, o.documents.length);
  for (const t of packed.titles) add('titles', t, t.documents.length + t.footnotes.length);
  for (const s of packed.symbols) add('symbols', s, s[1].citedBy.length / 4 + s[1].titles.length);
  for (const r of packed.resolutions) add('resolutions', r, 0);
  if (weight > 0 || parts.length === 0) parts.push(part);
  return parts;
}

/** Raised by the assembler when a part is not packed knowledge of this format (a damaged file is made again). */
export class DamagedKnowledge extends Error {}

/** Puts the knowledge together from its packed parts, in the order they were cut; every use of a string shares it. */
export class KnowledgeAssembler {
  private readonly strings: string[] = [];
  private readonly openers = new Map<string, OpenerUse>();
  private readonly titles = new Map<string, TitleUse>();
  private readonly symbols = new Map<string, SymbolFacts>();
  private readonly resolutions: KnownResolution[] = [];

  private string(at: unknown, what: string): string {
    const s = Number.isInteger(at) ? this.strings[at as number] : undefined;
    if (s === undefined) throw new DamagedKnowledge(`${what} names no string (${String(at)})`);
    return s;
  }

  private optional(at: unknown, what: string): string | undefined {
    return at === -1 ? undefined : this.string(at, what);
  }

  /** Takes one part; throws DamagedKnowledge when it names a string no part before it (nor itself) gave. */
  add(part: KnowledgePart): void {
    for (const s of part.strings) {
      if (typeof s !== 'string') throw new DamagedKnowledge('a string that is not one');
      this.strings.push(s);
    }
    for (const o of part.openers) this.openers.set(o.base, { base: o.base, preambular: o.preambular, operative: o.operative, documents: o.documents.map((d) => this.string(d, 'a document of an opener')) });
    for (const t of part.titles) this.titles.set(titleKey(t.title), { title: t.title, uses: t.uses, footnotes: t.footnotes, documents: t.documents.map((d) => this.string(d, 'a document of a title')) });
    for (const [key, f] of part.symbols) {
      const citedBy: CitingPlace[] = [];
      const places = f.citedBy;
      if (places.length % 4 !== 0) throw new DamagedKnowledge('citing places that are not in fours');
      for (let i = 0; i < places.length; i += 4) {
        const place: CitingPlace = { symbol: this.string(places[i], 'a citing symbol'), line: places[i + 1] };
        const path = this.optional(places[i + 2], 'the path of a citing place');
        if (path !== undefined) place.path = path;
        const where = this.optional(places[i + 3], 'the place of a citing line');
        if (where !== undefined) place.where = where;
        citedBy.push(place);
      }
      const facts: SymbolFacts = { symbol: this.string(f.symbol, 'a symbol'), kind: f.kind, titles: f.titles, dates: f.dates, citedBy, footnotes: f.footnotes };
      if (f.draft) {
        const draft: SymbolFacts['draft'] = { symbol: this.string(f.draft[0], 'the symbol of a draft') };
        const path = this.optional(f.draft[1], 'the path of a draft');
        if (path !== undefined) draft.path = path;
        facts.draft = draft;
      }
      this.symbols.set(this.string(key, 'the key of a symbol'), facts);
    }
    for (const r of part.resolutions) this.resolutions.push({ ...r, symbol: this.string(r.symbol, 'a resolution') });
  }

  /** The knowledge of every part added: the same answers as the knowledge the data was made from. */
  finish(tables: AssistTables = chineseAssist): CorpusKnowledge {
    return sortKnowledge(this.openers, this.titles, this.symbols, tables, this.resolutions);
  }
}

/** The knowledge again from its packed form: the same answers as the knowledge it was packed from. */
export function knowledgeFromPacked(packed: PackedKnowledge, tables: AssistTables = chineseAssist): CorpusKnowledge {
  const assembler = new KnowledgeAssembler();
  assembler.add(packed);
  return assembler.finish(tables);
}

/** The knowledge again from its plain data: the same answers as the knowledge it was made from. */
export function knowledgeFromData(data: KnowledgeData, tables: AssistTables = chineseAssist): CorpusKnowledge {
  return sortKnowledge(
    new Map(data.openers.map((o) => [o.base, o])),
    new Map(data.titles.map((t) => [titleKey(t.title), t])),
    new Map(data.symbols),
    tables,
    data.resolutions,
  );
}

/** Whether a value read from a file looks like packed knowledge of this format (a file of another format or a damaged one is rebuilt). */
export function isPackedKnowledge(value: unknown): value is PackedKnowledge {
  const d = value as PackedKnowledge | undefined;
  return (
    !!d &&
    d.format === KNOWLEDGE_DATA_FORMAT &&
    Array.isArray(d.strings) &&
    Array.isArray(d.openers) &&
    Array.isArray(d.titles) &&
    Array.isArray(d.symbols) &&
    Array.isArray(d.resolutions)
  );
}

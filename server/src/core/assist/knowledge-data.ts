/**
 * The corpus knowledge as plain data (arrays of plain objects, no maps, no functions), so that it
 * can be written beside the phrase index and handed from the index worker to the server thread.
 * A large corpus's knowledge is handed over in parts, each small enough that receiving it does not
 * hold the server thread up, and assembled there.
 */
import { chineseAssist, type AssistTables } from '../lang/zh-assist';
import { sortKnowledge, titleKey, type CorpusKnowledge, type KnownResolution, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';

/** Raised whenever the shape of `KnowledgeData` changes (a file of another format is rebuilt). */
export const KNOWLEDGE_DATA_FORMAT = 2;

/** The knowledge in plain data: the three maps as lists, in their order, and the resolutions as sorted. */
export interface KnowledgeData {
  format: number;
  openers: OpenerUse[];
  titles: TitleUse[];
  symbols: [key: string, facts: SymbolFacts][];
  resolutions: KnownResolution[];
}

/** A part of the knowledge data: a stretch of each list. */
export type KnowledgePart = Omit<KnowledgeData, 'format'>;

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

/**
 * The data cut into parts of about `size` items each (an item: an entry, a document it lists, a
 * place that cites it), lists in order.
 */
export function knowledgeParts(data: KnowledgeData, size = 5_000): KnowledgePart[] {
  const parts: KnowledgePart[] = [];
  let part: KnowledgePart = { openers: [], titles: [], symbols: [], resolutions: [] };
  let weight = 0;
  const add = <K extends keyof KnowledgePart>(list: K, item: KnowledgePart[K][number], itemWeight: number) => {
    (part[list] as KnowledgePart[K][number][]).push(item);
    weight += 1 + itemWeight;
    if (weight >= size) {
      parts.push(part);
      part = { openers: [], titles: [], symbols: [], resolutions: [] };
      weight = 0;
    }
  };
  for (const o of data.openers) add('openers', o, o.documents.length);
  for (const t of data.titles) add('titles', t, t.documents.length + t.footnotes.length);
  for (const s of data.symbols) add('symbols', s, s[1].citedBy.length + s[1].titles.length);
  for (const r of data.resolutions) add('resolutions', r, 0);
  if (weight > 0 || parts.length === 0) parts.push(part);
  return parts;
}

/** Puts the knowledge together from its parts, in the order they were cut. */
export class KnowledgeAssembler {
  private readonly openers = new Map<string, OpenerUse>();
  private readonly titles = new Map<string, TitleUse>();
  private readonly symbols = new Map<string, SymbolFacts>();
  private readonly resolutions: KnownResolution[] = [];

  add(part: KnowledgePart): void {
    for (const o of part.openers) this.openers.set(o.base, o);
    for (const t of part.titles) this.titles.set(titleKey(t.title), t);
    for (const [key, facts] of part.symbols) this.symbols.set(key, facts);
    for (const r of part.resolutions) this.resolutions.push(r);
  }

  /** The knowledge of every part added: the same answers as the knowledge the data was made from. */
  finish(tables: AssistTables = chineseAssist): CorpusKnowledge {
    return sortKnowledge(this.openers, this.titles, this.symbols, tables, this.resolutions);
  }
}

/** The knowledge again from its plain data: the same answers as the knowledge it was made from. */
export function knowledgeFromData(data: KnowledgeData, tables: AssistTables = chineseAssist): CorpusKnowledge {
  const assembler = new KnowledgeAssembler();
  assembler.add(data);
  return assembler.finish(tables);
}

/** Whether a value read from a file looks like knowledge data of this format (a damaged file is rebuilt). */
export function isKnowledgeData(value: unknown): value is KnowledgeData {
  const d = value as KnowledgeData | undefined;
  return !!d && d.format === KNOWLEDGE_DATA_FORMAT && Array.isArray(d.openers) && Array.isArray(d.titles) && Array.isArray(d.symbols) && Array.isArray(d.resolutions);
}

/**
 * The corpus knowledge as plain data (arrays of plain objects, no maps, no functions), so that it
 * can be written beside the phrase index and handed from the index worker to the server thread.
 */
import { chineseAssist, type AssistTables } from '../lang/zh-assist';
import { sortKnowledge, type CorpusKnowledge, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';

/** Raised whenever the shape of `KnowledgeData` changes (a file of another format is rebuilt). */
export const KNOWLEDGE_DATA_FORMAT = 1;

/** The knowledge in plain data: the three maps as lists, in their order. */
export interface KnowledgeData {
  format: number;
  openers: OpenerUse[];
  titles: TitleUse[];
  symbols: [key: string, facts: SymbolFacts][];
}

/** The knowledge as plain data (the sorted lists are made again from it). */
export function knowledgeData(knowledge: CorpusKnowledge): KnowledgeData {
  return {
    format: KNOWLEDGE_DATA_FORMAT,
    openers: [...knowledge.openers.values()],
    titles: [...knowledge.titleByName.values()],
    symbols: [...knowledge.symbols.entries()],
  };
}

/** The knowledge again from its plain data: the same answers as the knowledge it was made from. */
export function knowledgeFromData(data: KnowledgeData, tables: AssistTables = chineseAssist): CorpusKnowledge {
  return sortKnowledge(
    new Map(data.openers.map((o) => [o.base, o])),
    new Map(data.titles.map((t) => [t.title, t])),
    new Map(data.symbols),
    tables,
  );
}

/** Whether a value read from a file looks like knowledge data of this format (a damaged file is rebuilt). */
export function isKnowledgeData(value: unknown): value is KnowledgeData {
  const d = value as KnowledgeData | undefined;
  return !!d && d.format === KNOWLEDGE_DATA_FORMAT && Array.isArray(d.openers) && Array.isArray(d.titles) && Array.isArray(d.symbols);
}

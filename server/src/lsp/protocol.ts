/**
 * The custom requests, notifications and commands that the client and the server share.
 * Names are part of the interface between client/ and server/.
 */

/** Request `resolutionDrafter/similar`: corpus paragraphs close to a text, best first. */
export const SimilarRequest = 'resolutionDrafter/similar';
export interface SimilarParams {
  text: string;
  limit?: number;
}
export interface SimilarMatch {
  /** 0–100, as translation memories show fuzzy matches; 100 is an exact match. */
  score: number;
  /** The corpus document's symbol, e.g. `A/RES/76/54`. */
  symbol: string;
  /** Where in it, for a drafter: `序言部分第 3 段`, `执行部分第 5 段`, `第 3 段(b)`. */
  where: string;
  text: string;
  /** file: URI of the clean corpus draft and the 0-based line, to open it. */
  uri?: string;
  line?: number;
  /** True when the paragraph contains the searched text word for word (listed even when its score is low). */
  contains?: boolean;
}

/** Request `resolutionDrafter/corpusStats`, and notification `resolutionDrafter/corpusStatus` (server → client) when it changes. */
export const CorpusStatsRequest = 'resolutionDrafter/corpusStats';
export const CorpusStatusNotification = 'resolutionDrafter/corpusStatus';
export interface CorpusStats {
  documents: number;
  paragraphs: number;
  /** Documents the corpus cites. */
  citedDocuments: number;
  folders: string[];
  /** True while the index is being built. */
  indexing: boolean;
  /** Problems met while loading (a broken corpus file is reported and skipped). */
  problems: string[];
}

/** workspace/executeCommand commands the server implements. Arguments in brackets. */
export const ServerCommands = {
  /** [uri]: renumber operative paragraphs 1…n and update 上文/下文第 N 段 references. */
  renumberParagraphs: 'resolutionDrafter.server.renumberParagraphs',
  /** [uri]: renumber footnotes in order of first appearance, markers and texts together. */
  renumberFootnotes: 'resolutionDrafter.server.renumberFootnotes',
  /** [uri, position]: insert the next footnote marker at position and its text stub at the end. */
  insertFootnote: 'resolutionDrafter.server.insertFootnote',
  /** [inputFolderOrFiles: string[], outFolder: string]: ingest raw documents into a clean corpus folder. */
  ingest: 'resolutionDrafter.server.ingest',
  /** [text: string, limit?: number]: corpus paragraphs close to the text (SimilarMatch[]), best first. */
  findSimilar: 'resolutionDrafter.server.findSimilar',
  /** [uri, target: string, styles?: string]: write the draft as a Word file ({ file }). */
  exportWord: 'resolutionDrafter.server.exportWord',
  /** [path: string]: read a Word file as draft text ({ ok, text } or { ok: false, problem }). */
  readWord: 'resolutionDrafter.server.readWord',
} as const;

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
  /** For a text shorter than the paragraph: how closely a stretch of it matches, 0–100 (listed first). */
  within?: number;
  /** True when nothing reached 50 % and this is one of the closest, shown instead. */
  closest?: boolean;
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
  /** Documents added or changed since the index was built in full, answered from a small index segment beside it. */
  segmentDocuments?: number;
  /** Documents of the full index that changed or were removed since, masked out. */
  maskedDocuments?: number;
  /** Problems met while loading (a broken corpus file is reported and skipped). */
  problems: string[];
  /** How many times the corpus was read again since the server started (a change in its folders on disk, an ingest). */
  reloads?: number;
  /** The corpus folders watched for changes on disk (the user's folders that exist; not the bundled corpus). */
  watchedFolders?: string[];
}

/**
 * Notification `resolutionDrafter/corpusServerStatus` (server → client) when the corpus database's
 * state changes, and request `resolutionDrafter/corpusServerStatus` for the current one (null when
 * no database is set). The value is `CorpusServerStatus` (server/src/corpus/postgres/remote.ts).
 */
export const CorpusServerStatusNotification = 'resolutionDrafter/corpusServerStatus';
export const CorpusServerStatusRequest = 'resolutionDrafter/corpusServerStatus';

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

/** Request `resolutionDrafter/provenance`: how much of each paragraph of an open draft is agreed language. */
export const ProvenanceRequest = 'resolutionDrafter/provenance';
export interface ProvenanceParams {
  uri: string;
}
/** A corpus paragraph, for a client: its document, place, and where to open it (0-based line). */
export interface CorpusPlace {
  symbol: string;
  where: string;
  uri?: string;
  line?: number;
}
export interface ParagraphProvenanceInfo {
  /** 0-based line of the paragraph. */
  line: number;
  /** 0–100: share of its characters in stretches of at least 8 characters found in the corpus. */
  agreed: number;
  /** [start, end) characters of new language in that line. */
  new: [number, number][];
  /** The closest corpus paragraph (score 0–100), null when none is 50 % close. */
  closest: (CorpusPlace & { score: number }) | null;
  /** Documents using the wording, one paragraph each, with the share of this paragraph they share. */
  sources: (CorpusPlace & { shared: number })[];
}
/** The answer; `ready` is false while the corpus index is still being built (paragraphs then empty). */
export interface ProvenanceResult {
  ready: boolean;
  paragraphs: ParagraphProvenanceInfo[];
}

/** Request `resolutionDrafter/compare`: the open draft against its predecessor in the corpus, or `with` (a symbol or a file path). */
export const CompareRequest = 'resolutionDrafter/compare';
export interface CompareParams {
  uri: string;
  with?: string;
}
export interface CompareResult {
  /** The document compared with; null when there is none (then `problem` says why). */
  with: { symbol: string; uri: string; rule: 'recalled' | 'title' | 'agenda-item' | 'overlap' | 'given'; reason: string } | null;
  /** The newest resolution the draft recalls, when the corpus does not have it. */
  recalledMissing?: string;
  problem?: string;
  /** Lines 0-based; `line` absent for a deleted paragraph, `withLine` for a new one. */
  paragraphs: { status: 'unchanged' | 'changed' | 'new' | 'deleted' | 'moved'; line?: number; withLine?: number; inserted: string[]; deleted: string[] }[];
}

/**
 * Request `resolutionDrafter/corpusDocumentText` {uri}: the clean draft of a corpus document that the
 * corpus database holds, shown under the scheme `resolution-drafter-corpus:` (the diff editor of a
 * comparison reads it through this); null when the server does not know it.
 */
export const CorpusDocumentTextRequest = 'resolutionDrafter/corpusDocumentText';
/** The scheme of a corpus database document's URI (`resolution-drafter-corpus:/A%2FRES%2F76%2F54.unres`). */
export const CORPUS_DOCUMENT_SCHEME = 'resolution-drafter-corpus';

/** Request `resolutionDrafter/corpusDocuments`: the corpus documents a draft can be compared with. */
export const CorpusDocumentsRequest = 'resolutionDrafter/corpusDocuments';
export interface CorpusDocumentInfo {
  symbol: string;
  title?: string;
  uri: string;
}

/** Request `resolutionDrafter/validationStatus`: how the validation of an open draft stands (benchmarks and tests read it). */
export const ValidationStatusRequest = 'resolutionDrafter/validationStatus';
export interface ValidationStatusParams {
  uri: string;
}
export interface ValidationStatus {
  /** The draft's current version; null when it is not open. */
  version: number | null;
  /** The version its last validation was of; null before the first. */
  validatedVersion: number | null;
  /** How many validations of the draft were run since it was opened. */
  runs: number;
  /** How long the last one took in the validator (parse and rules, ms), and of that the parse. */
  ms: number | null;
  parseMs: number | null;
  /** Of the draft's lines, how many the last validation took the paragraph-local findings of from the version before (0: none, a full validation). */
  keptLines: number | null;
  /** True when drafts are validated in the worker thread (false: in the server thread). */
  worker: boolean;
}

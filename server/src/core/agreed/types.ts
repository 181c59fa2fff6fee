/**
 * Agreed language: wording that earlier resolutions adopted, word for word. These types are the
 * interface between the corpus phrase index (which answers "what follows this text in the
 * corpus") and the features that use it (completion, the benchmark, the command line).
 */

import type { ContinuationPlace, InlineContinuation } from './inline-continuation';

/** Where a corpus paragraph stands, for a drafter. */
export interface PhraseSourceParagraph {
  /** The corpus document's symbol, e.g. `A/RES/76/54`. */
  symbol: string;
  /** `序言部分第 3 段`, `执行部分第 5 段`, `第 3 段(b)`, `脚注 1`. */
  where: string;
  /** The whole paragraph as the index keeps it: its text after the label, without footnote markers and `**`. */
  text: string;
  /** Absolute path of the clean draft and the 0-based line, to open it. */
  file?: string;
  line?: number;
}

/** One continuation of agreed language after the text before the cursor. */
export interface Continuation {
  /** The ending of the text before the cursor that the corpus contains. */
  matched: string;
  /** What follows `matched` in the corpus: up to and including a clause boundary (，；。：) or the paragraph's end. */
  text: string;
  /** 0: up to the first clause boundary; 1: up to the second; and so on (longer stretches). */
  stretch: number;
  /** How many corpus paragraphs contain `matched + text`. */
  occurrences: number;
  /** Distinct symbols of the documents that use it. */
  documents: string[];
  /** One paragraph that uses it, in full. */
  example: PhraseSourceParagraph;
}

/** Answers "what follows this text in the corpus"; implemented by the phrase index. */
export interface PhraseSource {
  /** Continuations of the longest ending of `before` that the corpus contains, most used first. */
  continuations(before: string, limit?: number): Continuation[];
  /** The one continuation to show as ghost text after `before` (see inline-continuation.ts). */
  inline?(before: string, place: ContinuationPlace): InlineContinuation | undefined;
}

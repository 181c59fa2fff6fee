/**
 * Keystroke saving of the inline continuation, by leave-one-out retyping: each corpus document is
 * typed again, paragraph by paragraph, against an index of the others. At each point the ghost
 * text is asked for; when it is exactly what comes next, Tab takes it (1 key); when only its first
 * words are, Ctrl+→ takes them (1 key a word, words as `Intl.Segmenter` cuts Chinese, as VS Code
 * does with `editor.wordSegmenterLocales`); otherwise one character is typed (1 key).
 *
 * The limit beside it: an oracle that, after the last four typed characters, is given the longest
 * stretch the corpus contains after them that is what comes next, for 1 key.
 */
import { corpusParagraphs, type CorpusParagraphKind } from '../core/agreed/corpus-paragraphs';
import { organOfSymbol, type ContinuationPlace, type InlineOptions } from '../core/agreed/inline-continuation';
import { buildPhraseIndexFromParagraphs, PhraseIndex } from '../core/agreed/phrase-index';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft, type Catalogue, type ResolutionDocument } from '../core';
import { percentiles } from './measures';

/** One corpus document to retype. */
export interface RetypedDocument {
  symbol: string;
  model: ResolutionDocument;
}

export interface KeystrokeFigures {
  documents: number;
  /** Characters retyped (paragraph and footnote texts). */
  characters: number;
  /** Share of keystrokes saved with the inline continuation (0–100). */
  savedPercent: number;
  /** The limit's share (0–100). */
  limitPercent: number;
  /** savedPercent / limitPercent, 0–100. */
  ofLimitPercent: number;
  /** Keys taken by Tab (whole suggestions) and by Ctrl+→ (words). */
  wholeAccepts: number;
  wordAccepts: number;
  /** Time of one inline query (ms) over the run. */
  inline: { p50: number; p95: number; runs: number };
}

const CONTEXT = 4;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const now = () => Number(process.hrtime.bigint()) / 1e6;

function toCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** The longest stretch of `text` from `at` that the corpus has right after the (up to) four characters before `at`. */
function oracleStretch(index: PhraseIndex, text: string, at: number): number {
  const context = text.slice(Math.max(0, at - CONTEXT), at);
  let [lo, hi] = index.range(toCodes(context));
  if (lo === hi) return 0;
  let length = 0;
  // Grows one character at a time within the narrowing range (a paragraph is a few hundred characters).
  while (at + length < text.length) {
    const r = index.range(toCodes(context + text.slice(at, at + length + 1)), lo, hi);
    if (r[0] === r[1]) break;
    [lo, hi] = r;
    length++;
  }
  return length;
}

/** Retypes `documents` leave-one-out; the catalogue gives the documents' dates and agenda items. */
export function keystrokeSaving(documents: RetypedDocument[], catalogue?: Pick<Catalogue, 'documents'>, options?: InlineOptions): KeystrokeFigures {
  const bySymbol = new Map((catalogue?.documents ?? []).map((d) => [d.symbol, d]));
  const paragraphsOf = documents.map((d) => corpusParagraphs(d.model));
  let characters = 0;
  let keys = 0;
  let limitKeys = 0;
  let wholeAccepts = 0;
  let wordAccepts = 0;
  const times: number[] = [];
  documents.forEach((doc, left) => {
    const others = documents.flatMap((d, i) => (i === left ? [] : [{ symbol: d.symbol, paragraphs: paragraphsOf[i] }]));
    const index = new PhraseIndex(buildPhraseIndexFromParagraphs(others));
    index.setDocumentFacts((s) => bySymbol.get(s));
    const entry = bySymbol.get(doc.symbol);
    for (const p of paragraphsOf[left]) {
      const text = p.text;
      const place: ContinuationPlace = { kind: p.kind as CorpusParagraphKind, organ: organOfSymbol(doc.symbol), agendaItem: entry?.agendaItem };
      characters += text.length;
      // Ours.
      for (let at = 0; at < text.length; ) {
        let ghost: string | undefined;
        if (at > 0) {
          const t = now();
          ghost = index.inline(text.slice(0, at), place, options)?.text;
          times.push(now() - t);
        }
        keys++;
        if (ghost && text.startsWith(ghost, at)) {
          wholeAccepts++;
          at += ghost.length;
          continue;
        }
        let taken = 0;
        if (ghost) {
          for (const { segment } of segmenter.segment(ghost)) {
            if (!text.startsWith(segment, at + taken)) break;
            taken += segment.length;
            keys++;
            wordAccepts++;
          }
        }
        // The word keys are counted; the key of this turn was one of them when any word was taken.
        if (taken > 0) {
          keys--;
          at += taken;
        } else at++;
      }
      // The limit.
      for (let at = 0; at < text.length; ) {
        limitKeys++;
        at += at > 0 ? Math.max(1, oracleStretch(index, text, at)) : 1;
      }
    }
  });
  const round = (x: number) => Math.round(x * 10) / 10;
  const saved = 100 * (1 - keys / characters);
  const limit = 100 * (1 - limitKeys / characters);
  return {
    documents: documents.length,
    characters,
    savedPercent: round(saved),
    limitPercent: round(limit),
    ofLimitPercent: round((100 * saved) / limit),
    wholeAccepts,
    wordAccepts,
    inline: percentiles(times),
  };
}

/**
 * The Security Council texts of test/fixtures/security-council (another organ's shape: no agenda
 * item, the number as title, `决定继续积极处理此案。`), with symbols from their file names and dates
 * from their adoption lines, as a catalogue would give them.
 */
export function securityCouncilCorpus(folder: string): { documents: RetypedDocument[]; catalogue: Pick<Catalogue, 'documents'> } {
  const documents: RetypedDocument[] = [];
  const entries: Catalogue['documents'] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.unres')).sort()) {
    const text = readFileSync(join(folder, file), 'utf8');
    const m = /^S-RES-(\d+)-(\d{4})\.unres$/.exec(file);
    if (!m) continue;
    const symbol = `S/RES/${m[1]} (${m[2]})`;
    const date = /(\d{4}) 年 (\d{1,2}) 月 (\d{1,2}) 日安全理事会/.exec(text);
    documents.push({ symbol, model: parseDraft(text) });
    entries.push({
      file,
      source: file,
      symbol,
      kind: 'resolution',
      title: '',
      date: date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : undefined,
      counts: { preambular: 0, operative: 0, subparagraphs: 0, footnotes: 0 },
    });
  }
  return { documents, catalogue: { documents: entries } };
}

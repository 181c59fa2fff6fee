/**
 * What the client shows, as pure functions of what the server answers: quick-pick items, the
 * status bar text, summaries. No vscode import, so they are tested under node; the caller passes
 * `vscode.l10n.t` as `t`.
 */
import { isAbsolute, resolve } from 'node:path';
export { paragraphBody, type LineBody } from '../../server/src/core/parse/paragraph-body';
import { placeName } from '../../server/src/core/assist/words';
import type { CorpusStats, SimilarMatch } from '../../server/src/lsp/protocol';

/** `vscode.l10n.t`'s shape: a message with `{0}`, `{1}` … and its arguments. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** The English text itself, with its arguments in place (what `l10n.t` does without a bundle). */
export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** 1234 → `1,234`, as both the Chinese and English texts write it. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** `1 document` / `2 documents`, `1 份文件`: each count in the UI's language, singular and plural apart. */
export const counted = {
  documents: (n: number, t: Translate) => (n === 1 ? t('1 document') : t('{0} documents', count(n))),
  paragraphs: (n: number, t: Translate) => (n === 1 ? t('1 paragraph') : t('{0} paragraphs', count(n))),
  cited: (n: number, t: Translate) => (n === 1 ? t('1 cited document') : t('{0} cited documents', count(n))),
  folders: (n: number, t: Translate) => (n === 1 ? t('1 folder') : t('{0} folders', count(n))),
  problems: (n: number, t: Translate) => (n === 1 ? t('1 problem') : t('{0} problems', count(n))),
};

/** Sentences in a row: a space after an English stop, none after a Chinese one. */
export function sentences(...parts: string[]): string {
  return parts
    .filter((p) => p.length > 0)
    .reduce((all, p) => {
      if (all === '' || /[。！？：；]$/.test(all)) return all + p;
      if (/[.!?:;]$/.test(all)) return `${all} ${p}`;
      // A sentence without its stop (a list of files and reasons): one, in the sentence's language.
      return /[\u3400-\u9fff）》”]$/.test(all) ? `${all}。${p}` : `${all}. ${p}`;
    }, '');
}

/** One quick-pick entry for a similar paragraph: `score%  symbol  where` (the place in the display language), the text below. */
export function similarItem(match: SimilarMatch, t: Translate = english, locale: 'en' | 'zh' = 'zh'): { label: string; description?: string; detail: string } {
  const place = `${match.symbol}  ${placeName(locale, match.where)}`;
  if (match.within !== undefined && match.within < 100 && !match.contains) {
    return { label: `${match.within}%  ${place}`, description: t('close to a stretch of this paragraph ({0}% of the whole)', Math.round(match.score)), detail: match.text };
  }
  if (match.contains) return { label: `${Math.round(match.score)}%  ${place}`, description: t('contains the text word for word'), detail: match.text };
  return { label: `${Math.round(match.score)}%  ${place}`, detail: match.text };
}

/** Footnote markers: `¹`, `²³`. */
const MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/**
 * The draft's footnote markers put into a replacement text after the same words (the few
 * characters before each marker, found in order in the new text; the corpus text has none of its
 * own). `lost` lists the markers with no such words, which the replacement would drop.
 */
export function keepMarkers(original: string, replacement: string): { text: string; lost: string[] } {
  const plain = replacement.replace(MARKERS, '');
  const inserts: { at: number; marker: string }[] = [];
  const lost: string[] = [];
  let from = 0;
  for (const m of original.matchAll(MARKERS)) {
    const before = original.slice(0, m.index).replace(MARKERS, '').replace(/\s+$/, '');
    const space = /^[ \t]/.test(original.slice(m.index + m[0].length)) ? ' ' : '';
    let placed = false;
    // The longest ending of the words before the marker that the new text has (8 characters down to 2).
    for (let n = Math.min(8, before.length); n >= 2 && !placed; n--) {
      const words = before.slice(-n);
      const at = plain.indexOf(words, from);
      if (at < 0) continue;
      const end = at + words.length;
      // The space after a marker, as the draft had it; none before a punctuation mark or a space.
      inserts.push({ at: end, marker: m[0] + (space && !/^[\s，；。：、）)]/.test(plain.slice(end)) && end < plain.length ? space : '') });
      from = end;
      placed = true;
    }
    if (!placed) lost.push(m[0]);
  }
  let text = plain;
  for (const i of [...inserts].reverse()) text = text.slice(0, i.at) + i.marker + text.slice(i.at);
  return { text, lost };
}

/** Where a paragraph's text starts and ends in a line, after its label (`5. `, `(a) `, `㈠ `). */
/** The status bar text: the corpus in use, spinning while the index is being built. */
export function statusText(stats: CorpusStats | undefined, t: Translate): string {
  if (!stats) return `$(sync~spin) ${t('Corpus')}`;
  const icon = stats.indexing ? '$(sync~spin)' : '$(book)';
  return `${icon} ${t('Corpus {0} · {1}', counted.documents(stats.documents, t), counted.paragraphs(stats.paragraphs, t))}`;
}

/** The status bar tooltip: the folders, the state of the index, what a click does. */
export function statusTooltip(stats: CorpusStats | undefined, t: Translate): string {
  if (!stats) return t('Resolution Drafter: starting');
  const lines = [
    stats.indexing ? t('Building the corpus index…') : t('Corpus index ready'),
    ...stats.folders,
  ];
  if (stats.problems.length > 0) lines.push(t('{0} while loading the corpus', counted.problems(stats.problems.length, t)));
  lines.push(t('Click for corpus statistics'));
  return lines.join('\n');
}

/** One line for an information message. */
export function statsSummary(stats: CorpusStats, t: Translate): string {
  const summary = t(
    'Corpus: {0}, {1}, {2}, {3}.',
    counted.documents(stats.documents, t),
    counted.paragraphs(stats.paragraphs, t),
    counted.cited(stats.citedDocuments, t),
    counted.folders(stats.folders.length, t),
  );
  const problems = stats.problems.length === 0 ? t('No problems.') : t('{0}: see the output.', counted.problems(stats.problems.length, t));
  return sentences(summary, problems, stats.indexing ? t('The index is still being built.') : '');
}

/** The full statistics, for the output channel. */
export function statsDetails(stats: CorpusStats, t: Translate): string {
  return [
    t('Corpus statistics'),
    `  ${t('Documents')}: ${count(stats.documents)}`,
    `  ${t('Paragraphs')}: ${count(stats.paragraphs)}`,
    `  ${t('Cited documents')}: ${count(stats.citedDocuments)}`,
    `  ${t('Folders')}:`,
    ...stats.folders.map((f) => `    ${f}`),
    `  ${t('Problems')}: ${stats.problems.length === 0 ? t('none') : ''}`,
    ...stats.problems.map((p) => `    ${p}`),
  ].join('\n');
}

/** What an ingest wrote and which files it could not use (the shape of `IngestReport`). */
export interface IngestOutcome {
  outDir: string;
  ingested: { input: string; output: string; remarks: string[] }[];
  failed: { input: string; problem: string }[];
}

/** A summary of an ingest, for a message. */
export function ingestSummary(report: IngestOutcome, t: Translate): string {
  const added = t('Added {0} to {1}.', counted.documents(report.ingested.length, t), report.outDir);
  if (report.failed.length === 0) return added;
  // Each file with its reason after a colon: the reasons have parentheses of their own.
  const failed = report.failed.map((f) => `${f.input}: ${f.problem}`).join('; ');
  return sentences(added, report.failed.length === 1 ? t('1 file could not be used: {0}', failed) : t('{0} files could not be used: {1}', count(report.failed.length), failed));
}

/** The corpus settings as the server's initialization options; relative folders are read from the workspace folder. */
export function corpusInitializationOptions(
  settings: { folders?: unknown; useBundled?: unknown },
  workspaceFolder: string | undefined,
): { corpusFolders: string[]; useBundledCorpus: boolean } {
  const folders = Array.isArray(settings.folders) ? settings.folders.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [];
  return {
    corpusFolders: folders.map((f) => (isAbsolute(f) || !workspaceFolder ? f : resolve(workspaceFolder, f))),
    useBundledCorpus: settings.useBundled !== false,
  };
}

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDraft } from '../../core';
import { comparisonCounts, comparisonHtml, recalledMissingNote, type ParagraphComparison } from '../../core/compare';
import { compareWithCorpus, paragraphOverlap, type CompareOutcome } from '../../corpus/compare-with';
import { readDraftFile } from '../../corpus/draft-file';
import { bundledCorpusFolder } from '../../corpus/load';
import { loadOrBuildPhraseIndex } from '../../corpus/phrase-index-store';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';
import { argumentWords } from '../options';
import { compareWithDatabase } from '../../corpus/postgres/compare-with-database';
import { openCorpusDatabase, orNothing, readServerOption } from './corpus-database';
import { readCorpusOption, type CorpusOptions } from './corpus-options';

/** One paragraph as `--format json` prints it: lines 1-based, `line` absent for a deleted paragraph, `withLine` for a new one. */
export interface CompareRecord {
  status: ParagraphComparison['status'];
  line?: number;
  withLine?: number;
  inserted: string[];
  deleted: string[];
}

export interface CompareJson {
  with: { symbol: string; file: string; reason: string; rule: string } | null;
  /** The newest resolution the draft recalls, when the corpus does not have it. */
  recalledMissing?: string;
  problem?: string;
  paragraphs: CompareRecord[];
}

export function compareRecord(p: ParagraphComparison): CompareRecord {
  return {
    status: p.status,
    ...(p.line !== undefined ? { line: p.line + 1 } : {}),
    ...(p.withLine !== undefined ? { withLine: p.withLine + 1 } : {}),
    inserted: p.inserted,
    deleted: p.deleted,
  };
}

export function compareJson(outcome: CompareOutcome): CompareJson {
  return {
    with: outcome.with ? { symbol: outcome.with.symbol, file: outcome.with.file, reason: outcome.with.reason, rule: outcome.with.rule } : null,
    ...(outcome.recalledMissing ? { recalledMissing: outcome.recalledMissing } : {}),
    ...(outcome.problem ? { problem: outcome.problem } : {}),
    paragraphs: outcome.paragraphs.map(compareRecord),
  };
}

function formatText(outcome: CompareOutcome): string {
  const w = outcome.with;
  if (!w) return '';
  const t = texts();
  const counts = comparisonCounts(outcome.paragraphs);
  const out = [t.compare.comparedWith(w.symbol, w.reason, w.file)];
  if (outcome.recalledMissing) out.push(t.note(recalledMissingNote(outcome.recalledMissing, cliLocale())));
  out.push(Object.entries(counts).map(([s, n]) => `${t.compare.status(s)} ${n}`).join(' · '), '');
  for (const p of outcome.paragraphs) {
    const place = p.line !== undefined ? t.compare.line(p.line + 1) : '';
    const from = p.withLine !== undefined ? `← ${p.withLine + 1}` : '';
    const where = p.where ?? p.withWhere ?? '';
    out.push(`${t.compare.status(p.status).padEnd(t.compare.statusWidth)} ${place.padEnd(9)} ${from.padEnd(6)} ${where}${p.withWhere && p.where && p.withWhere !== p.where ? t.compare.was(p.withWhere) : ''}`);
    if (p.pieces) out.push(`          ${p.pieces.map((x) => (x.kind === 'same' ? x.text : x.kind === 'inserted' ? `{+${x.text}+}` : `[-${x.text}-]`)).join('')}`);
    else if (p.status === 'new') out.push(`          {+${p.text ?? ''}+}`);
    else if (p.status === 'deleted') out.push(`          [-${p.withText ?? ''}-]`);
  }
  return out.join('\n');
}

interface Options extends CorpusOptions {
  format: 'text' | 'json' | 'html';
  with?: string;
  out?: string;
  file?: string;
  /** A corpus database used as well (`--server postgres://…`). */
  server?: string;
}

function parseArgs(args: string[]): Options | string {
  const t = texts();
  const options: Options = { format: 'text', folders: [], bundled: true };
  for (const word of argumentWords(args)) {
    const corpus = readCorpusOption(word, options);
    if (typeof corpus === 'string') return corpus;
    if (corpus) continue;
    const server = readServerOption(word, options);
    if (typeof server === 'string') return server;
    if (server) continue;
    if (word.name === '--format') {
      const f = word.value();
      if (f !== 'text' && f !== 'json' && f !== 'html') return t.formatTakes(['text', 'json', 'html'], f ?? '');
      options.format = f;
    } else if (word.name === '--with') {
      const v = word.value();
      if (!v) return t.compare.withNeeds;
      options.with = v;
    } else if (word.name === '--out') {
      const v = word.value();
      if (!v) return t.compare.outNeedsFile;
      options.out = v;
    } else if (word.name.startsWith('-')) return t.unknownOption(word.name);
    else if (options.file) return t.compare.oneDraft;
    else options.file = word.word;
  }
  if (!options.file) return t.compare.nameDraft;
  if (!options.bundled && options.folders.length === 0 && !options.server) return t.noCorpusOrServerLeft;
  return options;
}

export const compareCommand: Command = {
  name: 'compare',
  get summary() {
    return texts().summaries.compare;
  },
  get help() {
    return texts().compare.help;
  },
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      process.stderr.write(`resolution-drafter compare: ${options}\n${texts().seeHelp('compare')}\n`);
      return 2;
    }
    const t = texts();
    const locale = cliLocale();
    const file = options.file as string;
    const read = readDraftFile(file, 'compare', cliLocale());
    if (!read.ok) {
      process.stderr.write(`resolution-drafter compare: ${file}: ${read.problem}.\n`);
      return 1;
    }
    if (read.note) process.stderr.write(`${file}: ${read.note}\n`);
    const text = read.text;
    const folders = [...(options.bundled ? [bundledCorpusFolder()] : []), ...options.folders];
    const draft = parseDraft(text);
    let outcome: CompareOutcome;
    let databaseFailed: string | undefined;
    if (options.server) {
      // The local corpus's documents and the database's; the last rule counts the close paragraphs of both.
      const opened = await openCorpusDatabase(options.server);
      databaseFailed = opened.problem;
      const loaded = options.with === undefined && folders.length > 0 ? loadOrBuildPhraseIndex(folders) : undefined;
      for (const p of loaded?.problems ?? []) process.stderr.write(`${t.phraseIndexProblem(p)}\n`);
      outcome = await compareWithDatabase(draft, { folders, with: options.with, index: loaded?.index, database: opened.database, within: orNothing((m) => (databaseFailed ??= m)), locale });
      await opened.close();
      if (databaseFailed) process.stderr.write(`resolution-drafter compare: ${t.databaseFailed(databaseFailed)}\n`);
    } else {
      outcome = compareWithCorpus(draft, folders, { with: options.with, locale });
      if (!outcome.with && options.with === undefined) {
        // The last rule (most paragraphs shared) needs the phrase index.
        const { index, problems } = loadOrBuildPhraseIndex(folders);
        for (const p of problems) process.stderr.write(`${t.phraseIndexProblem(p)}\n`);
        outcome = compareWithCorpus(draft, folders, { overlap: paragraphOverlap(index, draft), locale });
      }
    }
    if (outcome.recalledMissing && (options.format !== 'text' || !outcome.with)) process.stderr.write(`${t.note(recalledMissingNote(outcome.recalledMissing, locale))}\n`);
    if (!outcome.with) {
      process.stderr.write(`resolution-drafter compare: ${t.compare.nothingToCompare(outcome.problem)}\n`);
      if (options.format === 'json') process.stdout.write(JSON.stringify(compareJson(outcome), null, 2) + '\n');
      return 1;
    }
    const report = options.format === 'json'
      ? JSON.stringify(compareJson(outcome), null, 2) + '\n'
      : options.format === 'html'
        ? comparisonHtml({ draftName: basename(file), withSymbol: outcome.with.symbol, reason: outcome.with.reason, note: outcome.recalledMissing ? recalledMissingNote(outcome.recalledMissing, locale) : undefined }, outcome.paragraphs, locale)
        : formatText(outcome) + '\n';
    if (options.out) writeFileSync(options.out, report);
    else process.stdout.write(report);
    return databaseFailed ? 3 : 0;
  },
};

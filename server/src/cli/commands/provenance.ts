import { parseDraft, type ResolutionDocument } from '../../core';
import { indexedWithMap, ProvenanceFinder, type ParagraphProvenance } from '../../core/agreed/provenance';
import { placeProvenance, provenanceWith } from '../../core/agreed/sampled-corpus';
import { readDraftFile } from '../../corpus/draft-file';
import { bundledCorpusFolder } from '../../corpus/load';
import { loadOrBuildPhraseIndex } from '../../corpus/phrase-index-store';
import type { Command } from '../command';
import { argumentWords } from '../options';
import { openCorpusDatabase, orNothing, readServerOption } from './corpus-database';
import { cliLocale, texts } from '../locale';
import { readCorpusOption, type CorpusOptions } from './corpus-options';

/** One paragraph as `--format json` prints it (lines 1-based; `new` ranges are [start, end) characters of that line). */
export interface ProvenanceRecord {
  line: number;
  agreed: number;
  new: [number, number][];
  closest: { symbol: string; where: string; score: number; file?: string; line?: number } | null;
  sources: { symbol: string; where: string; shared: number; file?: string; line?: number }[];
}

/** One draft as `--format json` prints it. */
export interface ProvenanceFileRecord {
  file: string;
  paragraphs: ProvenanceRecord[];
}

export function provenanceRecord(p: ParagraphProvenance): ProvenanceRecord {
  const place = (x: { file?: string; line?: number }) => ({ ...(x.file !== undefined ? { file: x.file } : {}), ...(x.line !== undefined ? { line: x.line + 1 } : {}) });
  return {
    line: p.line + 1,
    agreed: p.agreed,
    new: p.newInLine,
    closest: p.closest ? { symbol: p.closest.symbol, where: p.closest.where, score: p.closest.score, ...place(p.closest) } : null,
    sources: p.sources.map((s) => ({ symbol: s.symbol, where: s.where, shared: s.shared, ...place(s) })),
  };
}

/** One paragraph as the text format prints it. */
export function formatProvenance(p: ParagraphProvenance, lineText: string): string {
  const t = texts().provenance;
  const head = p.closest?.score === 100
    ? t.same(p.closest.symbol, p.closest.where)
    : `${t.agreed(p.agreed)}${p.closest ? t.closest(p.closest.score, p.closest.symbol, p.closest.where) : ''}`;
  const lines = [`${String(p.line + 1).padStart(5)}  ${head}`];
  if (p.newInLine.length > 0 && p.closest?.score !== 100) lines.push(t.newLanguage(p.newInLine.map(([s, e]) => lineText.slice(s, e)).join(' … ')));
  return lines.join('\n');
}

interface Options extends CorpusOptions {
  format: 'text' | 'json';
  files: string[];
  /** A corpus database used as well (`--server postgres://…`). */
  server?: string;
}

function parseArgs(args: string[]): Options | string {
  const t = texts();
  const options: Options = { format: 'text', files: [], folders: [], bundled: true };
  for (const word of argumentWords(args)) {
    const corpus = readCorpusOption(word, options);
    if (typeof corpus === 'string') return corpus;
    if (corpus) continue;
    const server = readServerOption(word, options);
    if (typeof server === 'string') return server;
    if (server) continue;
    if (word.name === '--format') {
      const f = word.value();
      if (f !== 'text' && f !== 'json') return t.formatTakes(['text', 'json'], f ?? '');
      options.format = f;
    } else if (word.name.startsWith('-')) return t.unknownOption(word.name);
    else options.files.push(word.word);
  }
  if (options.files.length === 0) return t.provenance.nameDrafts;
  if (!options.bundled && options.folders.length === 0 && !options.server) return t.noCorpusOrServerLeft;
  return options;
}

export const provenanceCommand: Command = {
  name: 'provenance',
  get summary() {
    return texts().summaries.provenance;
  },
  get help() {
    return texts().provenance.help;
  },
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      process.stderr.write(`resolution-drafter provenance: ${options}\n${texts().seeHelp('provenance')}\n`);
      return 2;
    }
    const folders = [...(options.bundled ? [bundledCorpusFolder()] : []), ...options.folders];
    const { index, problems } = loadOrBuildPhraseIndex(folders);
    for (const p of problems) process.stderr.write(`${texts().phraseIndexProblem(p)}\n`);
    const finder = new ProvenanceFinder(index);
    let databaseFailed: string | undefined;
    const opened = options.server ? await openCorpusDatabase(options.server) : undefined;
    if (opened?.problem) databaseFailed = opened.problem;
    const within = orNothing((message) => (databaseFailed ??= message));
    /** A paragraph's provenance over the local corpus and the database's paragraphs that share its wording. */
    const ofParagraph = async (model: ResolutionDocument, i: number): Promise<ParagraphProvenance | undefined> => {
      const local = finder.ofParagraph(model, i);
      if (!local || !opened?.database) return local;
      const p = model.paragraphs[i];
      const text = indexedWithMap(model.text.slice(p.body.start, p.body.end)).text;
      const known = provenanceWith(index, text, (await within(opened.database.sharing(text))) ?? []);
      return (known && placeProvenance(model, i, known)) ?? local;
    };
    const records: ProvenanceFileRecord[] = [];
    const printed: string[] = [];
    let failed = false;
    for (const file of options.files) {
      const read = readDraftFile(file, 'read', cliLocale());
      if (!read.ok) {
        process.stderr.write(`resolution-drafter provenance: ${file}: ${read.problem}.\n`);
        failed = true;
        continue;
      }
      if (read.note) process.stderr.write(`${file}: ${read.note}\n`);
      const text = read.text;
      const model = parseDraft(text);
      const paragraphs: ParagraphProvenance[] = [];
      for (let i = 0; i < model.paragraphs.length; i++) {
        const found = await ofParagraph(model, i);
        if (found) paragraphs.push(found);
      }
      if (options.format === 'json') records.push({ file, paragraphs: paragraphs.map(provenanceRecord) });
      else {
        const lines = text.split(/\r?\n/);
        printed.push([file, ...paragraphs.map((p) => formatProvenance(p, lines[p.line] ?? ''))].join('\n'));
      }
    }
    if (options.format === 'json') process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    else if (printed.length > 0) process.stdout.write(printed.join('\n\n') + '\n');
    await opened?.close();
    if (databaseFailed) process.stderr.write(`resolution-drafter provenance: ${texts().databaseFailed(databaseFailed)}\n`);
    return failed ? 1 : databaseFailed ? 3 : 0;
  },
};

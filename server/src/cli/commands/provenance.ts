import { parseDraft, type ResolutionDocument } from '../../core';
import { indexedWithMap, ProvenanceFinder, type ParagraphProvenance } from '../../core/agreed/provenance';
import { placeProvenance, provenanceWith } from '../../core/agreed/sampled-corpus';
import { readDraftFile } from '../../corpus/draft-file';
import { bundledCorpusFolder } from '../../corpus/load';
import { loadOrBuildPhraseIndex } from '../../corpus/phrase-index-store';
import type { Command } from '../command';
import { argumentWords } from '../options';
import { openCorpusDatabase, orNothing, readServerOption, SERVER_OPTION_HELP } from './corpus-database';
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
  const head = p.closest?.score === 100
    ? `100 %  ${p.closest.symbol} ${p.closest.where}`
    : `agreed ${p.agreed} % · new ${100 - p.agreed} %${p.closest ? `  closest ${p.closest.score} % ${p.closest.symbol} ${p.closest.where}` : ''}`;
  const lines = [`${String(p.line + 1).padStart(5)}  ${head}`];
  if (p.newInLine.length > 0 && p.closest?.score !== 100) lines.push(`       new: ${p.newInLine.map(([s, e]) => lineText.slice(s, e)).join(' … ')}`);
  return lines.join('\n');
}

interface Options extends CorpusOptions {
  format: 'text' | 'json';
  files: string[];
  /** A corpus database used as well (`--server postgres://…`). */
  server?: string;
}

function parseArgs(args: string[]): Options | string {
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
      if (f !== 'text' && f !== 'json') return `--format takes text or json, not '${f ?? ''}'.`;
      options.format = f;
    } else if (word.name.startsWith('-')) return `unknown option '${word.name}'.`;
    else options.files.push(word.word);
  }
  if (options.files.length === 0) return 'name at least one draft.';
  if (!options.bundled && options.folders.length === 0 && !options.server) return '--no-bundled leaves no corpus: add --corpus FOLDER or --server postgres://….';
  return options;
}

export const provenanceCommand: Command = {
  name: 'provenance',
  summary: 'How much of each paragraph is agreed language, its closest corpus paragraph and the new language.',
  help: [
    'Usage: resolution-drafter provenance [--format text|json] [--corpus FOLDER]… [--no-bundled] [--server URL] DRAFT…',
    '',
    'For each paragraph of each draft: the share of its characters inside stretches of at least 8',
    'characters that the corpus contains (agreed language), the closest corpus paragraph with its match',
    'percentage (100 = the same text), the documents that use its wording, and the new language.',
    '',
    'Options:',
    '  --format text|json   text (default); json: an array of { file, paragraphs }, each paragraph',
    '                       { line, agreed, new, closest, sources }: line 1-based, agreed 0–100, new the',
    '                       [start, end) character ranges of new language in that line, closest',
    '                       { symbol, where, score, file, line } or null when nothing is 50 % close.',
    '  --corpus FOLDER      also use this corpus folder; may be repeated.',
    '  --no-bundled         leave out the corpus bundled with the tool.',
    SERVER_OPTION_HELP,
    '',
    'A draft that is itself in the corpus finds itself: use a corpus without it.',
    'Exit codes: 0 fine, 1 a draft could not be read, 2 usage errors, 3 the corpus database could not be used (local answers still printed).',
  ].join('\n'),
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      process.stderr.write(`resolution-drafter provenance: ${options}\nRun 'resolution-drafter provenance --help' for usage.\n`);
      return 2;
    }
    const folders = [...(options.bundled ? [bundledCorpusFolder()] : []), ...options.folders];
    const { index, problems } = loadOrBuildPhraseIndex(folders);
    for (const p of problems) process.stderr.write(`phrase index: ${p}\n`);
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
    const texts: string[] = [];
    let failed = false;
    for (const file of options.files) {
      const read = readDraftFile(file, 'read');
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
        texts.push([file, ...paragraphs.map((p) => formatProvenance(p, lines[p.line] ?? ''))].join('\n'));
      }
    }
    if (options.format === 'json') process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    else if (texts.length > 0) process.stdout.write(texts.join('\n\n') + '\n');
    await opened?.close();
    if (databaseFailed) process.stderr.write(`resolution-drafter provenance: the corpus database: ${databaseFailed}; local corpus only.\n`);
    return failed ? 1 : databaseFailed ? 3 : 0;
  },
};

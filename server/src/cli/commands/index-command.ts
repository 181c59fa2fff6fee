import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledCorpusFolder } from '../../corpus/load';
import { SegmentedIndex } from '../../core/agreed/segmented-index';
import { loadOrUpdatePhraseIndex } from '../../corpus/segment-store';
import type { Command } from '../command';
import { argumentWords } from '../options';

/**
 * Builds the phrase index of a corpus ahead of time (as packaging does for the bundled corpus),
 * or checks that the one on disk still matches the corpus.
 */
export const indexCommand: Command = {
  name: 'index',
  summary: 'Build the phrase index of the corpus (or check the one on disk) so that the editor starts at once.',
  help: [
    'Usage: resolution-drafter index [--corpus FOLDER]… [--no-bundled] [--rebuild]',
    '',
    'Reads the phrase index of the corpus (the bundled corpus and the folders named) from its file when',
    'that still matches the corpus, else builds it and writes it: corpus/.index/phrases.bin for the',
    'bundled corpus alone, otherwise a file in the system temporary folder. Says which, and how large.',
    'When a few drafts were added, changed or removed since that file was built (up to 10 % of them),',
    'only a small segment over them is built and written beside it; --rebuild builds the whole index.',
    '',
    'Options:',
    '  --corpus FOLDER   also index this corpus folder (clean .unres drafts, as ingest writes them); may be repeated.',
    '  --no-bundled      leave out the corpus bundled with the tool.',
    '  --rebuild         build even when the file matches.',
    '',
    'Exit codes: 0 the index is ready, 1 it could not be written or a draft could not be read, 2 usage errors.',
  ].join('\n'),
  async run(args) {
    const folders: string[] = [];
    let bundled = true;
    let rebuild = false;
    for (const { name: arg, word, value } of argumentWords(args)) {
      if (arg === '--corpus') {
        const folder = value();
        if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
          process.stderr.write(`resolution-drafter index: --corpus ${folder ?? ''}: no such folder.\n`);
          return 2;
        }
        folders.push(resolve(folder));
      } else if (arg === '--no-bundled') bundled = false;
      else if (arg === '--rebuild') rebuild = true;
      else {
        process.stderr.write(`resolution-drafter index: unknown argument '${word}'.\nRun 'resolution-drafter index --help' for usage.\n`);
        return 2;
      }
    }
    if (!bundled && folders.length === 0) {
      process.stderr.write('resolution-drafter index: --no-bundled leaves no corpus: add --corpus FOLDER.\n');
      return 2;
    }
    const all = [...(bundled ? [bundledCorpusFolder()] : []), ...folders];
    const started = Date.now();
    const loaded = loadOrUpdatePhraseIndex(all, { rebuild });
    for (const p of [...loaded.problems, ...loaded.corpusProblems]) process.stderr.write(`${p}\n`);
    const what = `${loaded.index.documentCount} documents, ${loaded.index.paragraphCount} paragraphs`;
    const segment =
      loaded.index instanceof SegmentedIndex
        ? `, with a segment of ${loaded.index.segment?.documentCount ?? 0} added or changed documents (${loaded.index.maskedDocumentCount} masked) ${loaded.segmentSource === 'file' ? 'read from its file' : 'built and written beside it'}`
        : '';
    const how = (loaded.source === 'file' ? `read from ${loaded.path}` : loaded.path ? `built and written to ${loaded.path}` : 'built, but not written') + segment;
    process.stdout.write(`Phrase index of ${what}: ${how} (${Date.now() - started} ms).\n`);
    return loaded.path && loaded.corpusProblems.length === 0 ? 0 : 1;
  },
};

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledCorpusFolder } from '../../corpus/load';
import { SegmentedIndex } from '../../core/agreed/segmented-index';
import { loadOrUpdatePhraseIndex } from '../../corpus/segment-store';
import type { Command } from '../command';
import { texts } from '../locale';
import { argumentWords } from '../options';

/**
 * Builds the phrase index of a corpus ahead of time (as packaging does for the bundled corpus),
 * or checks that the one on disk still matches the corpus.
 */
export const indexCommand: Command = {
  name: 'index',
  get summary() {
    return texts().summaries.index;
  },
  get help() {
    return texts().index.help;
  },
  async run(args) {
    const t = texts();
    const folders: string[] = [];
    let bundled = true;
    let rebuild = false;
    for (const { name: arg, word, value } of argumentWords(args)) {
      if (arg === '--corpus') {
        const folder = value();
        if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
          process.stderr.write(`resolution-drafter index: ${t.noSuchCorpusFolder(folder ?? '')}\n`);
          return 2;
        }
        folders.push(resolve(folder));
      } else if (arg === '--no-bundled') bundled = false;
      else if (arg === '--rebuild') rebuild = true;
      else {
        process.stderr.write(`resolution-drafter index: ${t.index.unknownArgument(word)}\n${t.seeHelp('index')}\n`);
        return 2;
      }
    }
    if (!bundled && folders.length === 0) {
      process.stderr.write(`resolution-drafter index: ${t.noCorpusLeft}\n`);
      return 2;
    }
    const all = [...(bundled ? [bundledCorpusFolder()] : []), ...folders];
    const started = Date.now();
    const loaded = loadOrUpdatePhraseIndex(all, { rebuild });
    for (const p of [...loaded.problems, ...loaded.corpusProblems]) process.stderr.write(`${p}\n`);
    const segment =
      loaded.index instanceof SegmentedIndex
        ? { documents: loaded.index.segment?.documentCount ?? 0, masked: loaded.index.maskedDocumentCount, readFromFile: loaded.segmentSource === 'file' }
        : undefined;
    const result = { documents: loaded.index.documentCount, paragraphs: loaded.index.paragraphCount, segment, readFromFile: loaded.source === 'file', path: loaded.path, milliseconds: Date.now() - started };
    process.stdout.write(`${t.index.result(result)}\n`);
    return loaded.path && loaded.corpusProblems.length === 0 ? 0 : 1;
  },
};

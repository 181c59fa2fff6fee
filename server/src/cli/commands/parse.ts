import { parseDraft } from '../../core';
import { readDraftFile } from '../../corpus/draft-file';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';
import { noteMessage } from '../../core/parse/notes';

/** Prints the structure the parser sees in a draft: useful to check a draft's shape. */
export const parseCommand: Command = {
  name: 'parse',
  get summary() {
    return texts().summaries.parse;
  },
  get help() {
    return texts().parse.help;
  },
  async run(args) {
    // parse takes files only: an option (a --format from another command) is a usage error, not a file to read.
    const option = args.find((a) => a.startsWith('-') && a !== '-');
    if (option) {
      process.stderr.write(`resolution-drafter parse: ${texts().unknownOption(option)}\n${texts().seeHelp('parse')}\n`);
      return 2;
    }
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length === 0) {
      process.stderr.write(`resolution-drafter parse: ${texts().parse.nameFiles}\n`);
      return 2;
    }
    let failed = false;
    const out = [];
    for (const file of files) {
      const read = readDraftFile(file, 'parse', cliLocale());
      if (!read.ok) {
        process.stderr.write(`${file}: ${read.problem}\n`);
        failed = true;
        continue;
      }
      if (read.note) process.stderr.write(`${file}: ${read.note}\n`);
      const doc = parseDraft(read.text);
      out.push({
        file,
        organ: doc.facts.organ ?? null,
        symbol: doc.facts.symbol ?? null,
        kind: doc.facts.kind,
        date: doc.facts.date?.valid ? doc.facts.date.iso : null,
        meeting: doc.facts.meeting ?? null,
        shape: doc.shape,
        title: doc.title ? { number: doc.title.number, title: doc.title.title } : null,
        facts: { session: doc.facts.session, symbol: doc.facts.symbol, date: doc.facts.date?.iso, organ: doc.facts.organ, kind: doc.facts.kind, meeting: doc.facts.meeting },
        preambular: doc.preamble.length,
        operative: doc.operative.length,
        subparagraphs: doc.paragraphs.filter((p) => p.kind === 'subparagraph').length,
        footnotes: doc.footnotes.length,
        markers: doc.markers.length,
        symbols: doc.symbols.map((s) => s.text),
        citations: doc.citations.map((c) => ({ key: c.key, kind: c.kind, date: c.date?.iso })),
        sections: doc.sections.map((s) => s.text),
        parts: doc.parts.map((p) => p.letter),
        annexes: doc.annexes.map((a) => ({ line: a.heading.line + 1, title: a.title ?? null, organ: a.organ?.organ ?? null })),
        notes: doc.notes.map((n) => ({ line: n.line + 1, message: noteMessage(n, cliLocale()) })),
      });
    }
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return failed ? 1 : 0;
  },
};

/**
 * The command line's own texts in English: every command's help and summary, usage errors,
 * progress lines, problems and results. The Chinese table (zh.ts) has the same shape.
 */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `text`, `text or json`, `text, json or html`. */
const either = (choices: readonly string[]) => (choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`);

/** The help line of `--server URL` (provenance, compare, search print it in their help). */
const serverOption = '  --server URL         also use the corpus database at URL (postgres://…; password from PGPASSWORD or PGPASSFILE).';

/** The facts of `index`'s result line. */
export interface IndexResult {
  documents: number;
  paragraphs: number;
  /** The segment over the drafts changed since the file was built, when there is one. */
  segment?: { documents: number; masked: number; readFromFile: boolean };
  readFromFile: boolean;
  /** The file read or written; undefined when it could not be written. */
  path?: string;
  milliseconds: number;
}

/** The facts of `publish`'s result line. */
export interface PublishResult {
  shown: string;
  added: number;
  replaced: number;
  removed: number;
  unchanged: number;
  paragraphs: number;
  seconds: string;
  schema: { from?: number; to: number };
}

export const en = {
  usage: [
    'resolution-drafter: check and build United Nations resolution drafts (.unres).',
    '',
    'Usage: resolution-drafter <command> [options]   (--locale zh: in Chinese; also when LANG or LC_ALL is Chinese)',
    '',
    'Commands:',
  ],
  usageEnd: ['', 'Run `resolution-drafter <command> --help` for a command\'s options.', 'Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors.'],
  /** What a bundle of one command (lint, search) prints for the command list. */
  seeCommands: "Run 'resolution-drafter --help' for the commands.",
  summaries: {
    parse: 'Show the structure of drafts (title, paragraphs, footnotes) as JSON.',
    ingest: 'Clean raw PDF-extracted documents into .unres drafts and a corpus catalogue.',
    lint: 'Check drafts against the conventions of the published resolutions.',
    search: 'Find corpus paragraphs close to a text (agreed language), with a match percentage.',
    index: 'Build the phrase index of the corpus (or check the one on disk) so that the editor starts at once.',
    provenance: 'How much of each paragraph is agreed language, its closest corpus paragraph and the new language.',
    compare: 'Compare a draft with the previous resolution on the item (or any document): paragraph by paragraph.',
    export: 'Write drafts as Word files (.docx) laid out as Chinese UN resolutions.',
    publish: 'Load clean corpus folders into a corpus database (PostgreSQL) that every drafter can use.',
  } as Record<string, string>,
  badLocale: (value: string) => `--locale takes zh or en, not '${value}'.`,
  unknownCommand: (name: string) => `unknown command '${name}'.`,
  seeHelp: (command: string) => `Run 'resolution-drafter ${command} --help' for usage.`,

  // Shared by several commands.
  unknownOption: (option: string) => `unknown option '${option}'.`,
  formatTakes: (choices: readonly string[], got: string) => `--format takes ${either(choices)}, not '${got}'.`,
  corpusNeedsFolder: '--corpus needs a folder.',
  noSuchCorpusFolder: (folder: string) => `--corpus ${folder}: no such folder.`,
  noCorpusLeft: '--no-bundled leaves no corpus: add --corpus FOLDER.',
  noCorpusOrServerLeft: '--no-bundled leaves no corpus: add --corpus FOLDER or --server postgres://….',
  serverTakes: (got: string) => `--server takes a connection string that starts with postgres://, not '${got}'.`,
  serverOption,
  localOnly: (problem: string) => `${problem}; local corpus only.`,
  databaseFailed: (problem: string) => `the corpus database: ${problem}; local corpus only.`,
  phraseIndexProblem: (problem: string) => `phrase index: ${problem}`,
  corpusProblem: (problem: string) => `corpus: ${problem}`,
  note: (note: string) => `Note: ${note}.`,

  lint: {
    help: (ruleIds: string, configFile: string) =>
      [
        'Usage: resolution-drafter lint [--format text|json] [--config FILE] [--rule id=severity]… [--] FILE…',
        '',
        'Checks each draft with the same rules and settings as the editor. FILE - reads standard input;',
        'after -- every word is a file (also one whose name starts with -).',
        '',
        'Options:',
        '  --format text|json   text (default): file:line:column severity rule message, grouped per file;',
        '                       json: an array of { file, line, column, endLine, endColumn, severity, rule, message }',
        '                       (1-based; columns in UTF-16 code units, as in LSP).',
        `  --config FILE        settings file; by default ${configFile} in the draft's folder or above it.`,
        '                       It has the shape of the editor settings, e.g.',
        '                       { "rules": { "footnote-reuse": "error" }, "footnotes": { "reuse": "forbid" }, "parentheses": "half-width" }',
        '                       Its "corpus": { "folders": [...] } (relative to the file) are read for the',
        '                       corpus catalogue (each folder\'s catalogue.json, as the editor reads it), with',
        '                       the bundled corpus unless "useBundled": false; no corpus draft is read.',
        '                       A folder you do not trust: pass your own --config.',
        '  --rule id=severity   set one rule: off, hint, info, warning or error (may be repeated; wins over the file).',
        '',
        `Rules: ${ruleIds} (and structure, the parser's notes).`,
        'Exit codes: 0 no error found, 1 an error found or a file unreadable, 2 usage errors.',
      ].join('\n'),
    configNeedsFile: '--config needs a file.',
    ruleTakes: (got: string) => `--rule takes id=severity, e.g. --rule footnote-reuse=error (got '${got}').`,
    noSuchRule: (id: string, ruleIds: string) => `there is no rule '${id}'. Rules: ${ruleIds}.`,
    badSeverity: (severity: string) => `severity '${severity}' is not one of off, hint, info, warning, error.`,
    nameDrafts: 'name at least one draft to lint.',
    badSettings: (path: string, why: string) => `${path}: not a valid settings file (${why})`,
    defaultSettings: (problem: string) => `${problem}; using the default settings`,
    noStructure: 'This text has no resolution structure: no title line (76/54. …), no organ line (大会，), no numbered paragraphs and no closing.',
    summary: (e: number, w: number, r: number, f: number) => `${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(r, 'remark')} in ${plural(f, 'file')}.`,
    cannotRead: (file: string, code: string) => `${file}: cannot read (${code})`,
    noCatalogue: (folder: string) => `${folder} has no catalogue.json, so the checks know no dates or footnotes of its documents (ingest writes one)`,
  },

  ingest: {
    help: [
      'Usage: resolution-drafter ingest --out DIR FILE|FOLDER…',
      '',
      'Reads raw text extracted from PDF (UTF-8, UTF-16 or GB18030), undoes the extraction damage (broken lines,',
      'running heads, page numbers, footnote blocks, lost superscripts, letter-spaced text) and',
      'writes one clean draft per document, named from its symbol (A-RES-76-54.unres), plus',
      'catalogue.json describing every document and everything it cites. Drafts already in the',
      'folder stay, and the catalogue describes them too.',
      '',
      'A folder stands for the .txt, .pdf and .docx files in it. Chinese documents of every organ are read (General',
      'Assembly, Security Council, ECOSOC, Human Rights Council; resolutions and decisions, old and new).',
      'PDF files (.pdf, with a text layer) and Word files (.docx) are read with their layout',
      '(superscript markers, footnotes, bold, numbering) and then cleaned the same way.',
      '',
      'Options:',
      '  --out DIR   where to write the drafts and catalogue.json (required; the bundled corpus is',
      '              regenerated with --out corpus)',
      '',
      'Files that cannot be ingested (empty, binary, in another encoding or language, no recognisable',
      'structure) are named on stderr with the reason; the others are still written. A file read as',
      'UTF-16 or GB18030 is said so. A folder with no .txt, .pdf or .docx file in it is named, with',
      'the files it holds and why each is not read. Exit code 1 if any file failed or a folder gave',
      'nothing (when nothing at all is left to ingest, nothing is written).',
    ].join('\n'),
    outNeedsFolder: '--out needs a folder.',
    nameInputs: 'name at least one raw file or folder.',
    nameOut: 'name the folder to write the drafts to with --out DIR (there is no default, so that nothing is written into a corpus by mistake).',
    emptyFolder: (folder: string, empty: boolean) => `the folder ${folder} holds no .txt, .pdf or .docx file${empty ? ' (it is empty)' : '; it holds:'}`,
    andMore: (n: number) => `… and ${n} more`,
    nothingToIngest: 'nothing to ingest; nothing was written.',
    cannotWrite: (out: string, code: string) => `cannot write to ${out} (${code}).`,
    note: (note: string) => `  note: ${note}`,
    check: (remark: string) => `  check: ${remark}`,
    summary: (ingested: number, failed: number, catalogue: string, kept: number, out: string) =>
      `${ingested} ingested, ${failed} failed; catalogue: ${catalogue}${kept ? ` (with ${kept} draft${kept > 1 ? 's' : ''} already in ${out})` : ''}`,
  },

  index: {
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
    unknownArgument: (word: string) => `unknown argument '${word}'.`,
    result: (r: IndexResult) => {
      const segment = r.segment
        ? `, with a segment of ${r.segment.documents} added or changed documents (${r.segment.masked} masked) ${r.segment.readFromFile ? 'read from its file' : 'built and written beside it'}`
        : '';
      const how = (r.readFromFile ? `read from ${r.path}` : r.path ? `built and written to ${r.path}` : 'built, but not written') + segment;
      return `Phrase index of ${r.documents} documents, ${r.paragraphs} paragraphs: ${how} (${r.milliseconds} ms).`;
    },
  },

  search: {
    help: [
      'Usage: resolution-drafter search [--limit N] [--min-score N] [--format text|json] [--corpus FOLDER]… [--no-bundled] TEXT',
      '',
      'Lists the corpus paragraphs and footnotes closest to TEXT, best first, with a percentage as',
      'translation memories show it (100 = the same text; footnote markers, ** and spaces are ignored),',
      'the symbol of the document and where in it (序言部分第 3 段, 执行部分第 5 段, 第 3 段(b), 脚注 1).',
      'Paragraphs that use TEXT word for word are listed too, whatever their percentage.',
      'TEXT - reads the text from standard input.',
      '',
      'Options:',
      '  --limit N            at most N paragraphs (default 10).',
      '  --min-score N        only matches of at least N percent (default 50).',
      '  --format text|json   text (default); json: an array of { score, symbol, where, text, file, line, contains? } (line 1-based).',
      '  --corpus FOLDER      also search this corpus folder (clean .unres drafts, as ingest writes them); may be repeated.',
      '  --no-bundled         leave out the corpus bundled with the tool.',
      '  --server URL         also search the corpus database at URL (postgres://…; password from PGPASSWORD or PGPASSFILE).',
      '',
      'The index is kept in corpus/.index/ (or the system temporary folder) and rebuilt when the corpus changes.',
      'Exit codes: 0 matches found, 1 nothing close enough, 2 usage errors; 3 the corpus database could not be searched (local matches still printed).',
    ].join('\n'),
    limitTakes: (got: string) => `--limit takes a whole number of at least 1, not '${got}'.`,
    minScoreTakes: (got: string) => `--min-score takes a number from 0 to 100, not '${got}'.`,
    giveText: 'give the text to look for (or - to read it from standard input).',
    textTooShort: 'the text to look for needs at least two characters.',
    usesWordForWord: '(uses the text word for word)',
    closeStretch: (within: number) => `(a stretch of it is ${within}% close)`,
    nothingClose: (minScore: number) => `No corpus paragraph is ${minScore}% close to this text.`,
  },

  provenance: {
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
      serverOption,
      '',
      'A draft that is itself in the corpus finds itself: use a corpus without it.',
      'Exit codes: 0 fine, 1 a draft could not be read, 2 usage errors, 3 the corpus database could not be used (local answers still printed).',
    ].join('\n'),
    nameDrafts: 'name at least one draft.',
    same: (symbol: string, where: string) => `100 %  ${symbol} ${where}`,
    agreed: (agreed: number) => `agreed ${agreed} % · new ${100 - agreed} %`,
    closest: (score: number, symbol: string, where: string) => `  closest ${score} % ${symbol} ${where}`,
    newLanguage: (pieces: string) => `       new: ${pieces}`,
  },

  compare: {
    help: [
      'Usage: resolution-drafter compare [--with SYMBOL|FILE] [--format text|json|html] [--out FILE] [--corpus FOLDER]… [--no-bundled] [--server URL] DRAFT',
      '',
      'Aligns every paragraph of DRAFT with one of the earlier text and marks it unchanged, changed,',
      'new, deleted or moved; a changed paragraph shows the text inserted and deleted, in characters and',
      'words. Renumbered paragraphs, and paragraphs whose only change is a date or a symbol, still align.',
      '',
      'Without --with, the earlier text is the predecessor in the corpus: the resolution the draft recalls',
      '(回顾其…第 72/50 号决议) when the corpus has it; else one with the same title, else on the same',
      'agenda item, else the one sharing most paragraphs. The rule that chose it is named.',
      '',
      'Options:',
      '  --with SYMBOL|FILE    compare with this corpus document or this .unres file.',
      '  --format text|json|html  text (default); json: { with: { symbol, file, reason, rule }, paragraphs:',
      '                       [ { status, line, withLine, inserted, deleted } ] } (lines 1-based); html: a printable',
      '                       report in two columns.',
      '  --out FILE            write the report to FILE instead of standard output.',
      '  --corpus FOLDER       also use this corpus folder; may be repeated.',
      '  --no-bundled          leave out the corpus bundled with the tool.',
      '  --server URL          also use the corpus database at URL (postgres://…; password from PGPASSWORD or PGPASSFILE).',
      '                        A document of the database is named by its symbol; the JSON gives its file as',
      '                        resolution-drafter-corpus:/SYMBOL.unres.',
      '',
      'In the text format a change reads [-deleted-]{+inserted+} within the paragraph.',
      'Exit codes: 0 compared, 1 nothing to compare with (the message says why) or the draft cannot be read, 2 usage errors,',
      '3 compared, but the corpus database could not be used (the local corpus alone).',
    ].join('\n'),
    withNeeds: '--with needs a symbol (A/RES/73/62) or a file.',
    outNeedsFile: '--out needs a file.',
    oneDraft: 'compare takes one draft.',
    nameDraft: 'name the draft to compare.',
    nothingToCompare: (problem: string | undefined) => `nothing to compare with: ${problem ?? 'no document found'}.`,
    comparedWith: (symbol: string, reason: string, file: string) => `Compared with ${symbol} (${reason}): ${file}`,
    /** A paragraph's status as the text format prints it (unchanged, changed, new, deleted, moved). */
    status: (status: string) => status,
    /** The status column's width. */
    statusWidth: 9,
    line: (line: number) => `line ${line}`,
    was: (where: string) => ` (was ${where})`,
  },

  export: {
    help: [
      'Usage: resolution-drafter export [--format docx] [--out FILE|FOLDER] [--styles TEMPLATE] DRAFT…',
      '',
      'Writes each .unres draft as a .docx: the heading block, the title, the organ line,',
      'paragraphs with their first-line indent, operative numbers and (a) subparagraphs as Word',
      'numbering, bold verbs, Word footnotes, SimSun and Times New Roman, A4.',
      '',
      'Options:',
      '  --format docx       the only format for now (the default)',
      '  --out FILE|FOLDER   a file for one draft; a folder for several (default: beside each draft)',
      '  --styles TEMPLATE   a .dotx or .docx whose styles the export takes',
      '',
      'A .docx is never written over a file named on the command line (a draft, the template), nor',
      'two drafts to one file (two drafts named draft.unres in different folders, with --out FOLDER):',
      'then nothing is written, and the message names the files. A Word or PDF file is not a draft:',
      'ingest turns it into one (resolution-drafter ingest --out FOLDER FILE). The folder of',
      '--out FILE and the folder --out FOLDER are made when missing.',
      '',
      'Exit codes: 0 written; 1 a draft could not be read, exported or written (the others are still',
      'written); 2 usage errors, or a .docx that would overwrite a named file or another draft\'s.',
    ].join('\n'),
    outNeeds: '--out needs a file or a folder.',
    stylesNeeds: '--styles needs a .dotx or .docx file.',
    nameDrafts: 'name at least one draft (.unres).',
    cannotReadStyles: (styles: string, code: string) => `${styles}: cannot be read (${code})`,
    outOneFile: '--out names one file, but there are several drafts: name a folder.',
    overDraft: (draft: string) => `${draft}: the .docx would be written over the draft itself; name another file with --out FILE.docx.`,
    overInput: (draft: string, input: string, template: boolean) =>
      `${draft}: its .docx would be written over ${input}, ${template ? 'the --styles template' : 'named as a draft'}; name another file or folder with --out.`,
    bothTo: (earlier: string, draft: string, target: string) =>
      `${earlier} and ${draft} would both be written to ${target}; export them one at a time with --out FILE.docx, or into different folders.`,
    nothingWritten: 'nothing was written.',
    cannotExport: (draft: string, why: string) => `${draft}: cannot be exported (${why})`,
    fileInTheWay: 'a file stands where a folder should be',
    folderNotMade: (target: string, folder: string, why: string, draft: string) => `${target}: cannot be written: its folder ${folder} cannot be made (${why}), so ${draft} was not exported`,
    cannotWrite: (target: string, code: string, draft: string) => `${target}: cannot be written (${code}), so ${draft} was not exported`,
  },

  publish: {
    help: [
      'Usage: resolution-drafter publish FOLDER… --to postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full]',
      '',
      'Loads the clean drafts (.unres) and catalogue.json of each FOLDER into the schema resolution_drafter',
      'of the database: documents and their catalogue facts, paragraphs with their place, footnotes, titles,',
      'citations and what completion and hovers know. Creates the schema, or migrates it to this version.',
      'Incremental: a document whose draft and catalogue facts are unchanged is left as it is, a changed or',
      'new one is replaced, one that none of the FOLDERs holds any longer is deleted. The FOLDERs are the',
      'whole published corpus, in the order a drafter would list them.',
      '',
      'The login needs the writer role (README, "Corpus database"). The password: PGPASSWORD, else',
      'PGPASSFILE (or ~/.pgpass); one written in the URL is used but never printed.',
      '',
      'Exit codes: 0 published, 1 published with files skipped, 2 usage errors or the database refused.',
    ].join('\n'),
    toNeeds: '--to needs a connection string (postgres://…).',
    noSuchFolder: (folder: string) => `${folder}: no such folder.`,
    nameFolders: 'name at least one corpus folder.',
    toNames: '--to postgres://… names the database.',
    toTakes: '--to takes a connection string that starts with postgres:// or postgresql://.',
    publishing: (folders: number, shown: string) => `Publishing ${folders} folder(s) to ${shown}…`,
    skipped: (problem: string) => `skipped: ${problem}`,
    result: (r: PublishResult) =>
      `${r.shown}: ${r.added} added, ${r.replaced} replaced, ${r.removed} removed, ${r.unchanged} unchanged; ` +
      `${r.paragraphs} paragraphs written in ${r.seconds} s` +
      (r.schema.from !== r.schema.to ? ` (schema ${r.schema.from ? `migrated from version ${r.schema.from}` : 'created'}, version ${r.schema.to})` : ''),
    failed: (why: string) => `publish failed (${why})`,
  },

  parse: {
    help: [
      'Usage: resolution-drafter parse FILE…',
      '',
      'Prints, for each draft, what the parser recognises: organ, symbol, kind (resolution, decision,',
      'numbered-text, other), date, meeting, title, counts of preambular and operative paragraphs,',
      'subparagraphs, footnotes, symbols, citations, sections, parts, annexes, and any lines it could not place.',
    ].join('\n'),
    nameFiles: 'name at least one file.',
  },
};

/** The shape of every language's table. */
export type CliTexts = typeof en;

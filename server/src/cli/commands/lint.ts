import { existsSync, readFileSync } from 'node:fs';
import { hasResolutionStructure } from '../../core/ingest';
import { dirname, join, resolve } from 'node:path';
import { parseDraft, resolveSettings, type Catalogue, type CatalogueFacts, type DrafterSettings, type RuleSeverity } from '../../core';
import { ruleById, rules, validate, type Severity } from '../../core/rules';
import { bundledCorpusFolder } from '../../corpus/load';
import { readCatalogueFacts } from '../../corpus/catalogue-index';
import { readDraftFile } from '../../corpus/draft-file';
import type { Command } from '../command';
import { argumentWords } from '../options';
import { cliLocale, cliText, texts } from '../locale';
import { noteMessage } from '../../core/parse/notes';

/** The settings file the lint command looks for, upward from each draft. Same shape as the editor's settings. */
export const CONFIG_FILE = '.resolution-drafter.json';

/** One finding as `--format json` prints it: 1-based lines and columns, columns in UTF-16 code units (as LSP). */
export interface LintRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

interface Options {
  format: 'text' | 'json';
  config?: string;
  rules: Record<string, RuleSeverity>;
  files: string[];
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

function parseArgs(args: string[]): Options | string {
  const t = texts();
  const ruleIds = rules.map((x) => x.id).join(', ');
  const options: Options = { format: 'text', rules: {}, files: [] };
  let onlyFiles = false;
  for (const { name: arg, word, value: take } of argumentWords(args)) {
    // `--` ends the options: every word after it is a file, also one that starts with `-`.
    if (onlyFiles) {
      options.files.push(word);
      continue;
    }
    if (word === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json') return t.formatTakes(['text', 'json'], f ?? '');
      options.format = f;
    } else if (arg === '--config') {
      const c = take();
      if (!c) return t.lint.configNeedsFile;
      options.config = c;
    } else if (arg === '--rule') {
      const r = take();
      const m = r ? /^([a-z-]+)=([a-z]+)$/.exec(r) : null;
      if (!m) return t.lint.ruleTakes(r ?? '');
      if (!ruleById(m[1]) && m[1] !== 'structure') return t.lint.noSuchRule(m[1], ruleIds);
      if (!SEVERITIES.has(m[2])) return t.lint.badSeverity(m[2]);
      options.rules[m[1]] = m[2] as RuleSeverity;
    } else if (arg.startsWith('-') && arg !== '-') {
      return t.unknownOption(arg);
    } else {
      options.files.push(word);
    }
  }
  if (options.files.length === 0) return t.lint.nameDrafts;
  return options;
}

/** Writes to standard output, waiting when the pipe is full (a large output is not held in memory). */
function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** Standard input as UTF-8 text, to its end. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Finds `.resolution-drafter.json` in the draft's folder or the nearest folder above it. */
export function findConfig(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a settings file; throws with a clear message when it is not valid JSON. */
export function readConfig(path: string): { settings: DrafterSettings; folder: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(texts().lint.badSettings(path, err instanceof Error ? err.message : String(err)));
  }
  return { settings: resolveSettings(raw), folder: dirname(resolve(path)) };
}

/**
 * Findings for one draft's text, with the same rules and settings as the editor, structure notes
 * included. `catalogue` is the corpus catalogue, or what the rules look up in it (its index).
 */
export function lintText(file: string, text: string, settings: DrafterSettings, catalogue?: Catalogue | CatalogueFacts, locale = cliLocale()): LintRecord[] {
  const model = parseDraft(text);
  const records: LintRecord[] = [];
  const at = (start: number, end: number) => {
    const a = model.lines.positionAt(start);
    const b = model.lines.positionAt(end);
    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  const structure = settings.rules.structure ?? 'warning';
  if (structure !== 'off') {
    for (const n of model.notes) records.push({ file, ...at(n.span.start, n.span.end), severity: structure, rule: 'structure', message: noteMessage(n, locale) });
    // A text with nothing of a resolution (a letter, notes, mojibake) gets one note, not silence.
    const numbered = model.operative.some((p) => p.label);
    if (text.trim().length > 0 && !model.title && !model.organ && !numbered && !hasResolutionStructure(text)) {
      const first = text.search(/\S/);
      records.push({
        file,
        ...at(first, first),
        severity: structure,
        rule: 'structure',
        message: cliText[locale].lint.noStructure,
      });
    }
  }
  const corpus = catalogue && 'citedDates' in catalogue ? { facts: catalogue } : { catalogue };
  for (const f of validate(model, settings, { ...corpus, locale })) {
    records.push({ file, ...at(f.span.start, f.span.end), severity: f.severity, rule: f.rule, message: f.message });
  }
  records.sort((a, b) => a.line - b.line || a.column - b.column);
  return records;
}

export const lintCommand: Command = {
  name: 'lint',
  get summary() {
    return texts().summaries.lint;
  },
  get help() {
    return texts().lint.help(rules.map((r) => r.id).join(', '), CONFIG_FILE);
  },
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      process.stderr.write(`resolution-drafter lint: ${options}\n${texts().seeHelp('lint')}\n`);
      return 2;
    }
    let explicit: { settings: DrafterSettings; folder: string } | undefined;
    if (options.config) {
      try {
        explicit = readConfig(options.config);
      } catch (err) {
        process.stderr.write(`resolution-drafter lint: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
      }
    }
    const corpora = new Map<string, CatalogueFacts>();
    const catalogueFor = (settings: DrafterSettings, folder?: string): CatalogueFacts => {
      const folders = [...(settings.corpus.useBundled ? [bundledCorpusFolder()] : []), ...settings.corpus.folders.map((f) => resolve(folder ?? '.', f))];
      const key = folders.join('\n');
      let catalogue = corpora.get(key);
      if (!catalogue) {
        // The rules need only what the catalogues say (cited dates, the footnotes of titles), as
        // in the editor: no corpus draft is read (parsing a 200 MB corpus took 8.8 s and 1 GB),
        // and a large catalogue is looked up in its index (reading 103 MB of it whole took 3.5 s).
        const loaded = readCatalogueFacts(folders);
        for (const p of loaded.problems) process.stderr.write(`${texts().corpusProblem(p)}\n`);
        // A folder of drafts without a catalogue gives the rules nothing (the editor reads the same):
        // said once, so that a drafter does not take the silence for dates and footnotes checked.
        for (const f of folders) if (!existsSync(join(f, 'catalogue.json'))) process.stderr.write(`${texts().corpusProblem(texts().lint.noCatalogue(f))}\n`);
        catalogue = loaded.facts;
        corpora.set(key, catalogue);
      }
      return catalogue;
    };
    let failed = false;
    // The findings are written as each file is checked, never gathered into one list or one
    // string (a draft with 175,000 findings once overflowed the stack that way).
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    let written = 0;
    let blocks = 0;
    if (options.format === 'json') await write('[');
    for (const file of options.files) {
      let text: string;
      if (file === '-') {
        // `-` is standard input (when no file of that name is meant: `./-`).
        try {
          text = await readStandardInput();
        } catch (err) {
          process.stderr.write(`${texts().lint.cannotRead(file, (err as NodeJS.ErrnoException).code ?? String(err))}\n`);
          failed = true;
          continue;
        }
      } else {
        const read = readDraftFile(file, 'lint', cliLocale());
        if (!read.ok) {
          process.stderr.write(`${file}: ${read.problem}\n`);
          failed = true;
          continue;
        }
        text = read.text;
        if (read.note) process.stderr.write(`${file}: ${read.note}\n`);
      }
      let config = explicit;
      if (!config) {
        const found = findConfig(file === '-' ? join(process.cwd(), '-') : file);
        if (found) {
          try {
            config = readConfig(found);
          } catch (err) {
            process.stderr.write(`${texts().lint.defaultSettings(err instanceof Error ? err.message : String(err))}\n`);
            failed = true;
          }
        }
      }
      const base = config?.settings ?? resolveSettings(undefined);
      const settings: DrafterSettings = { ...base, rules: { ...base.rules, ...options.rules } };
      const records = lintText(file === '-' ? '<stdin>' : file, text, settings, catalogueFor(settings, config?.folder));
      for (const r of records) counts[r.severity]++;
      if (options.format === 'json') {
        for (let i = 0; i < records.length; i += 1000) {
          let chunk = '';
          for (const r of records.slice(i, i + 1000)) chunk += `${written++ === 0 ? '' : ','}\n  ${JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')}`;
          await write(chunk);
        }
      } else if (records.length > 0) {
        if (blocks++ > 0) await write('\n');
        for (let i = 0; i < records.length; i += 1000) {
          let chunk = '';
          for (const r of records.slice(i, i + 1000)) chunk += `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}\n`;
          await write(chunk);
        }
      }
    }
    if (options.format === 'json') await write(written === 0 ? ']\n' : '\n]\n');
    const count = (s: Severity) => counts[s];
    if (options.format === 'text') {
      process.stderr.write(`${texts().lint.summary(count('error'), count('warning'), count('info') + count('hint'), options.files.length)}\n`);
    }
    return failed || count('error') > 0 ? 1 : 0;
  },
};

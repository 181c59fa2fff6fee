import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDraft, type Catalogue, type CatalogueDocument, type CitationSite, type CitedDocument, type CitedTitle, type ResolutionDocument } from '../core';
import { MAX_CATALOGUE_BYTES, MAX_DRAFT_BYTES, readRegularFile, staysInside } from './safe-fs';

/** One clean corpus draft, parsed. */
export interface CorpusDraft {
  /** Absolute path of the .unres file. */
  path: string;
  /** Its symbol from the catalogue (or from the draft itself). */
  symbol: string;
  text: string;
  model: ResolutionDocument;
}

export interface LoadedCorpus {
  folders: string[];
  drafts: CorpusDraft[];
  catalogue: Catalogue;
  /** Files that could not be read or parsed: reported and skipped. */
  problems: string[];
}

/** The corpus bundled with the extension: `corpus/` beside `dist/` (or beside the sources in tests). */
export function bundledCorpusFolder(): string {
  const candidates = [resolve(__dirname, '..', 'corpus'), resolve(__dirname, '..', '..', '..', 'corpus'), resolve('corpus')];
  return candidates.find((c) => existsSync(join(c, 'catalogue.json'))) ?? candidates[0];
}

function emptyCatalogue(): Catalogue {
  return { version: 1, documents: [], cited: [], titles: [] };
}

/** Loads clean drafts and catalogues from folders. Never throws: problems are collected. */
export function loadCorpus(folders: string[]): LoadedCorpus {
  const drafts: CorpusDraft[] = [];
  const { catalogue, problems } = forEachCorpusDraft(folders, (draft) => drafts.push(draft));
  return { folders, drafts, catalogue, problems };
}

/** The catalogue of one corpus folder (`catalogue.json`), if it has a usable one. Never throws. */
export function readCatalogue(folder: string): { catalogue?: Catalogue; problem?: string } {
  const cataloguePath = join(folder, 'catalogue.json');
  if (!existsSync(cataloguePath)) return {};
  let parsed: unknown;
  try {
    if (!staysInside(folder, cataloguePath)) throw new Error('a link that leaves the folder');
    parsed = JSON.parse(readRegularFile(cataloguePath, MAX_CATALOGUE_BYTES).toString('utf8'));
  } catch (err) {
    return { problem: `${cataloguePath}: not a valid catalogue (${err instanceof Error ? err.message : String(err)}); skipped` };
  }
  const { catalogue, dropped } = checkCatalogue(parsed);
  if (!catalogue) return { problem: `${cataloguePath}: not a valid catalogue (${dropped.join('; ')}); skipped` };
  return dropped.length > 0 ? { catalogue, problem: `${cataloguePath}: ${dropped.join('; ')}; the rest is used` } : { catalogue };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const sites = (v: unknown): CitationSite[] =>
  Array.isArray(v) ? v.filter((x): x is CitationSite => isObject(x) && typeof x.symbol === 'string' && typeof x.file === 'string' && typeof x.line === 'number' && Number.isFinite(x.line)) : [];

/**
 * A catalogue as read from a file, checked entry by entry: an entry of the wrong shape is dropped
 * (and counted in `dropped`), the others are kept with their fields of the right types. No
 * catalogue when the file is not an object with a `documents` list.
 */
export function checkCatalogue(parsed: unknown): { catalogue?: Catalogue; dropped: string[] } {
  if (!isObject(parsed) || !Array.isArray(parsed.documents)) return { dropped: ['no "documents" list'] };
  const dropped: string[] = [];
  const list = <T>(name: string, value: unknown, check: (entry: unknown) => T | undefined): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      dropped.push(`"${name}" is not a list`);
      return [];
    }
    const out: T[] = [];
    let bad = 0;
    for (const entry of value) {
      const checked = check(entry);
      if (checked === undefined) bad++;
      else out.push(checked);
    }
    if (bad > 0) dropped.push(`${bad} malformed ${name} entr${bad === 1 ? 'y' : 'ies'} dropped`);
    return out;
  };
  const documents = list<CatalogueDocument>('documents', parsed.documents, (d) => {
    if (!isObject(d) || typeof d.file !== 'string' || typeof d.symbol !== 'string') return undefined;
    const c = isObject(d.counts) ? d.counts : {};
    return {
      file: d.file,
      source: str(d.source) ?? '',
      symbol: d.symbol,
      kind: (str(d.kind) ?? 'other') as CatalogueDocument['kind'],
      title: str(d.title) ?? '',
      date: str(d.date),
      session: num(d.session),
      agendaItem: str(d.agendaItem),
      report: str(d.report),
      meeting: num(d.meeting),
      counts: { preambular: num(c.preambular) ?? 0, operative: num(c.operative) ?? 0, subparagraphs: num(c.subparagraphs) ?? 0, footnotes: num(c.footnotes) ?? 0 },
    };
  });
  const cited = list<CitedDocument>('cited', parsed.cited, (d) =>
    isObject(d) && typeof d.symbol === 'string'
      ? { symbol: d.symbol, kind: (str(d.kind) ?? 'other') as CitedDocument['kind'], titles: strings(d.titles), dates: strings(d.dates), citedBy: sites(d.citedBy), footnotes: strings(d.footnotes) }
      : undefined,
  );
  const titles = list<CitedTitle>('titles', parsed.titles, (t) => (isObject(t) && typeof t.title === 'string' ? { title: t.title, footnotes: strings(t.footnotes), citedBy: sites(t.citedBy) } : undefined));
  return { catalogue: { version: 1, documents, cited, titles }, dropped };
}

/** Adds one folder's catalogue to the merged one. */
function mergeCatalogue(into: Catalogue, from: Catalogue): void {
  // One at a time: spreading a list of a large catalogue into push() overflows the stack.
  for (const d of from.documents) into.documents.push(d);
  for (const c of from.cited) into.cited.push(c);
  for (const t of from.titles) into.titles.push(t);
}

/**
 * The catalogues of the folders merged, without reading any draft (validation needs only these),
 * and each folder's own (`byFolder`, for what needs to know which folder says what). Never throws.
 */
export function readCatalogues(folders: string[]): { catalogue: Catalogue; problems: string[]; byFolder: Map<string, Catalogue | undefined> } {
  const result = { catalogue: emptyCatalogue(), problems: [] as string[], byFolder: new Map<string, Catalogue | undefined>() };
  for (const folder of folders) {
    const { catalogue, problem } = readCatalogue(folder);
    if (problem) result.problems.push(problem);
    if (catalogue) mergeCatalogue(result.catalogue, catalogue);
    result.byFolder.set(folder, catalogue);
  }
  return result;
}

/**
 * The corpus drafts by symbol, from the catalogues' file names (else the file name itself,
 * `A-RES-76-54.unres` → `A/RES/76/54`): where go-to-definition finds a corpus document without
 * parsing the corpus. Keys are as `key` makes them; `catalogueOf` gives a folder's catalogue when
 * it was read already (a large one takes seconds to parse). Never throws.
 */
export function corpusFilesBySymbol(folders: string[], key: (symbol: string) => string, catalogueOf: (folder: string) => Catalogue | undefined = (folder) => readCatalogue(folder).catalogue): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
    } catch {
      continue;
    }
    const symbolOf = new Map((catalogueOf(folder)?.documents ?? []).map((d) => [d.file, d.symbol]));
    for (const name of names) {
      const symbol = symbolOf.get(name) ?? name.slice(0, -'.unres'.length).replace(/-/g, '/');
      const k = key(symbol);
      if (!files.has(k)) files.set(k, join(folder, name));
    }
  }
  return files;
}

/** The .unres files of the folders (paths), without reading them. Never throws. */
export function corpusFilePaths(folders: string[]): string[] {
  const paths: string[] = [];
  for (const folder of folders) {
    try {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.unres')).sort()) paths.push(join(folder, name));
    } catch {
      /* an unreadable folder is reported by the index build */
    }
  }
  return paths;
}

/**
 * Reads the drafts of the folders one at a time and hands each to `visit`, so that a caller that
 * needs only part of each draft (the phrase index) does not keep every parsed model of a large
 * corpus. Returns the merged catalogue and the problems met. With `only` (absolute paths), only
 * those drafts are read (an index segment over a few added documents). Never throws.
 */
export function forEachCorpusDraft(folders: string[], visit: (draft: CorpusDraft) => void, only?: ReadonlySet<string>): { catalogue: Catalogue; problems: string[] } {
  const result = { catalogue: emptyCatalogue(), problems: [] as string[] };
  for (const folder of folders) {
    const { catalogue, problem } = readCatalogue(folder);
    if (problem) result.problems.push(problem);
    if (catalogue) mergeCatalogue(result.catalogue, catalogue);
    let names: string[] = [];
    try {
      // With `only`, its drafts in this folder (the folder of tens of thousands is not listed).
      names = only
        ? [...only].filter((p) => dirname(p) === resolve(folder) && p.endsWith('.unres')).map((p) => basename(p)).sort()
        : readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
    } catch (err) {
      result.problems.push(`${folder}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped`);
    }
    const entries = new Map((catalogue?.documents ?? []).map((d) => [d.file, d]));
    for (const name of names) {
      const path = join(folder, name);
      let draft: CorpusDraft;
      try {
        // Only a regular file of at most 20 MB, in the folder: a FIFO or a link to a device would hang or flood the reader.
        if (!staysInside(folder, path)) throw new Error('a link that leaves the corpus folder');
        const buffer = readRegularFile(path, MAX_DRAFT_BYTES);
        const text = buffer.toString('utf8');
        if (text.includes('\uFFFD') || buffer.includes(0)) throw new Error('not UTF-8 text');
        const model = parseDraft(text);
        draft = { path, symbol: entries.get(name)?.symbol ?? model.facts.symbol ?? name, text, model };
      } catch (err) {
        result.problems.push(`${path}: ${err instanceof Error ? err.message : String(err)}; skipped`);
        continue;
      }
      visit(draft);
    }
  }
  return result;
}

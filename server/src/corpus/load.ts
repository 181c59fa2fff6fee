import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDraft, type Catalogue, type ResolutionDocument } from '../core';

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

/** The catalogue of one corpus folder (`catalogue.json`), if it has a valid one. Never throws. */
export function readCatalogue(folder: string): { catalogue?: Catalogue; problem?: string } {
  const cataloguePath = join(folder, 'catalogue.json');
  if (!existsSync(cataloguePath)) return {};
  try {
    const parsed = JSON.parse(readFileSync(cataloguePath, 'utf8')) as Catalogue;
    if (!Array.isArray(parsed.documents)) throw new Error('no "documents" list');
    return { catalogue: { version: 1, documents: parsed.documents, cited: parsed.cited ?? [], titles: parsed.titles ?? [] } };
  } catch (err) {
    return { problem: `${cataloguePath}: not a valid catalogue (${err instanceof Error ? err.message : String(err)}); skipped` };
  }
}

/** Adds one folder's catalogue to the merged one. */
function mergeCatalogue(into: Catalogue, from: Catalogue): void {
  into.documents.push(...from.documents);
  into.cited.push(...from.cited);
  into.titles.push(...from.titles);
}

/** The catalogues of the folders merged, without reading any draft (validation needs only these). Never throws. */
export function readCatalogues(folders: string[]): { catalogue: Catalogue; problems: string[] } {
  const result = { catalogue: emptyCatalogue(), problems: [] as string[] };
  for (const folder of folders) {
    const { catalogue, problem } = readCatalogue(folder);
    if (problem) result.problems.push(problem);
    if (catalogue) mergeCatalogue(result.catalogue, catalogue);
  }
  return result;
}

/**
 * The corpus drafts by symbol, from the catalogues' file names (else the file name itself,
 * `A-RES-76-54.unres` → `A/RES/76/54`): where go-to-definition finds a corpus document without
 * parsing the corpus. Keys are as `key` makes them. Never throws.
 */
export function corpusFilesBySymbol(folders: string[], key: (symbol: string) => string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
    } catch {
      continue;
    }
    const symbolOf = new Map((readCatalogue(folder).catalogue?.documents ?? []).map((d) => [d.file, d.symbol]));
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
 * corpus. Returns the merged catalogue and the problems met. Never throws.
 */
export function forEachCorpusDraft(folders: string[], visit: (draft: CorpusDraft) => void): { catalogue: Catalogue; problems: string[] } {
  const result = { catalogue: emptyCatalogue(), problems: [] as string[] };
  for (const folder of folders) {
    const { catalogue, problem } = readCatalogue(folder);
    if (problem) result.problems.push(problem);
    if (catalogue) mergeCatalogue(result.catalogue, catalogue);
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
    } catch (err) {
      result.problems.push(`${folder}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped`);
    }
    const entries = new Map((catalogue?.documents ?? []).map((d) => [d.file, d]));
    for (const name of names) {
      const path = join(folder, name);
      let draft: CorpusDraft;
      try {
        const buffer = readFileSync(path);
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

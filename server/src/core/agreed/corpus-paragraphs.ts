import type { Paragraph, ResolutionDocument } from '../model';
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';

/** What kind of text a corpus paragraph is. */
export type CorpusParagraphKind = 'preambular' | 'operative' | 'subparagraph' | 'footnote';

/** The kinds in the order the index stores them (as a number). */
export const CORPUS_PARAGRAPH_KINDS: readonly CorpusParagraphKind[] = ['preambular', 'operative', 'subparagraph', 'footnote'];

/** One corpus document handed to the index: its symbol, its file (to open it) and its parsed model. */
export interface IndexedDocumentInput {
  symbol: string;
  file?: string;
  model: ResolutionDocument;
}

/** One paragraph (or footnote) as the index sees it. */
export interface CorpusParagraph {
  kind: CorpusParagraphKind;
  /** `序言部分第 3 段`, `执行部分第 5 段`, `第 3 段(b)`, `脚注 1`. */
  where: string;
  /** 0-based line in the clean draft. */
  line: number;
  /** The text after the label, without footnote markers and `**` emphasis. */
  text: string;
}

const SUPERSCRIPT_MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ \t]*/g;

/**
 * The text as the index keeps it: footnote markers (with the space after them) and `**`
 * emphasis removed, line breaks made spaces. A drafter types neither markers nor emphasis when
 * reusing agreed language, so they must not break a match.
 */
export function indexedText(text: string): string {
  return text.replace(SUPERSCRIPT_MARKERS, '').replace(/\*\*/g, '').replace(/[\r\n\uffff]/g, ' ');
}

function topNumber(p: Paragraph): number {
  return p.label?.value ?? p.index + 1;
}

/** Every body paragraph and footnote of one parsed document, with its place named for a drafter. */
export function corpusParagraphs(model: ResolutionDocument, tables: AgreedLanguageTables = chineseAgreed): CorpusParagraph[] {
  const result: CorpusParagraph[] = [];
  const preambleNumber = new Map(model.preamble.map((p, i) => [p, i + 1]));
  const operativeNumber = new Map(model.operative.map((p, i) => [p, i + 1]));
  for (const p of model.paragraphs) {
    const text = indexedText(model.text.slice(p.body.start, p.body.end)).trim();
    if (text.length === 0) continue;
    let kind: CorpusParagraphKind;
    let where: string;
    if (p.level > 0) {
      kind = 'subparagraph';
      const labels: string[] = [];
      let top: Paragraph = p;
      while (top.parent) {
        labels.unshift(top.label?.text ?? '');
        top = top.parent;
      }
      const number = top.label?.value ?? operativeNumber.get(top) ?? topNumber(top);
      where = tables.where.subparagraph(number, labels);
    } else if (p.part === 'preamble') {
      kind = 'preambular';
      where = tables.where.preambular(preambleNumber.get(p) ?? topNumber(p));
    } else {
      kind = 'operative';
      const number = p.label?.value ?? operativeNumber.get(p) ?? topNumber(p);
      where = model.shape === 'numbered-text' ? tables.where.numbered(number) : tables.where.operative(number);
    }
    result.push({ kind, where, line: p.line, text });
  }
  for (const f of model.footnotes) {
    const text = indexedText(model.text.slice(f.textSpan.start, f.textSpan.end)).trim();
    if (text.length > 0) result.push({ kind: 'footnote', where: tables.where.footnote(f.number), line: f.line, text });
  }
  return result;
}

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
  /** `序言部分第 3 段`, `执行部分第 5 段`, `第 3 段(b)`, `脚注 1`, `B 部分序言部分第 1 段`, `附件第 2 段`. */
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

/** A numbered line's label (`2. `), a subparagraph's (`(a) `, `㈠ `), as an annex's lines write them. */
const ANNEX_NUMBER = /^([0-9０-９]{1,4})[.．、]\s*/;
const ANNEX_SUB = /^([(（][a-z]{1,6}[)）]|[㈠-㈩])\s*/;

/**
 * Every body paragraph and footnote of one parsed document, with its place named for a drafter;
 * in a resolution with parts, each part's paragraphs counted on their own and named with the part
 * (B 部分序言部分第 1 段); then the paragraphs of its annexes (a declaration, a commission's
 * decision: agreed language too), named with the annex (附件第 2 段, 附件序言部分第 1 段).
 */
export function corpusParagraphs(model: ResolutionDocument, tables: AgreedLanguageTables = chineseAgreed): CorpusParagraph[] {
  const result: CorpusParagraph[] = [];
  const letters = new Map(model.parts.map((p) => [p.division, p.letter]));
  const inPart = (p: Paragraph, where: string) => {
    const letter = letters.get(p.division);
    return letter === undefined ? where : tables.where.inPart(letter, where);
  };
  /** Each division's paragraphs of one part, counted from 1. */
  const counted = (list: readonly Paragraph[]) => {
    const numbers = new Map<Paragraph, number>();
    const next = new Map<number, number>();
    for (const p of list) {
      const n = (next.get(p.division) ?? 0) + 1;
      next.set(p.division, n);
      numbers.set(p, n);
    }
    return numbers;
  };
  const preambleNumber = counted(model.preamble);
  const operativeNumber = counted(model.operative);
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
    result.push({ kind, where: inPart(p, where), line: p.line, text });
  }
  for (const annex of model.annexes) {
    let preambular = 0;
    let number = 0;
    for (const l of annex.lines) {
      if (l.kind !== 'paragraph' && l.kind !== 'numbered' && l.kind !== 'subparagraph') continue;
      const label = (l.kind === 'numbered' ? ANNEX_NUMBER : l.kind === 'subparagraph' ? ANNEX_SUB : undefined)?.exec(l.text);
      const text = indexedText(l.text.slice(label?.[0].length ?? 0)).trim();
      if (text.length === 0) continue;
      let kind: CorpusParagraphKind;
      let where: string;
      if (l.kind === 'numbered') {
        kind = 'operative';
        number = label ? Number(label[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : number + 1;
        where = tables.where.numbered(number);
      } else if (l.kind === 'subparagraph') {
        kind = 'subparagraph';
        where = tables.where.subparagraph(number, [label?.[1] ?? '']);
      } else {
        kind = 'preambular';
        where = tables.where.preambular(++preambular);
      }
      result.push({ kind, where: tables.where.inAnnex(annex.heading.text, where), line: l.line, text });
    }
  }
  for (const f of model.footnotes) {
    const text = indexedText(model.text.slice(f.textSpan.start, f.textSpan.end)).trim();
    if (text.length > 0) result.push({ kind: 'footnote', where: tables.where.footnote(f.number), line: f.line, text });
  }
  return result;
}

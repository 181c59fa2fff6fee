/** Where symbols and resolution citations lead: the document on undocs.org, or the corpus draft. */
import type { ResolutionDocument } from '../model';
import { analyzeSymbol, undocsUrl } from '../symbols';
import type { Span } from '../text';

export interface DocumentLinkTarget {
  span: Span;
  /** The symbol linked to, in its normal form. */
  symbol: string;
  url: string;
}

/**
 * Links for every document symbol and every resolution citation that names one. They point to the
 * Chinese text (`https://undocs.org/ch/…`), the language drafters here work in, as the seeds do.
 * A joint symbol (`A/60/1002-S/2006/718`) gets one link for each of its parts.
 */
export function documentLinks(doc: ResolutionDocument): DocumentLinkTarget[] {
  const links: DocumentLinkTarget[] = [];
  for (const s of doc.symbols) {
    const analysis = analyzeSymbol(s.text);
    if (analysis.joint.length > 1) {
      let from = 0;
      for (const part of s.text.split(/-(?=[A-Za-z]{1,8}\s?[/／])/)) {
        const start = s.span.start + s.text.indexOf(part, from);
        from = start - s.span.start + part.length;
        const symbol = analyzeSymbol(part).normalized;
        links.push({ span: { start, end: start + part.length }, symbol, url: undocsUrl(symbol, 'ch') });
      }
      continue;
    }
    links.push({ span: s.span, symbol: analysis.normalized, url: undocsUrl(analysis.normalized, 'ch') });
  }
  for (const c of doc.citations) {
    if (c.symbol) links.push({ span: c.span, symbol: c.symbol, url: undocsUrl(c.symbol, 'ch') });
  }
  return links.sort((a, b) => a.span.start - b.span.start);
}

/** The symbol under the cursor: a written symbol (normalised) or a citation's symbol. */
export function symbolAt(doc: ResolutionDocument, offset: number): { symbol: string; span: Span } | undefined {
  for (const link of documentLinks(doc)) if (offset >= link.span.start && offset <= link.span.end) return { symbol: link.symbol, span: link.span };
  return undefined;
}

/** Compares symbols the way the UN treats them: case, spaces and full-width forms do not matter. */
export function sameSymbol(a: string, b: string): boolean {
  const key = (s: string) => analyzeSymbol(s).normalized.replace(/\s+/g, '').toUpperCase();
  return key(a) === key(b);
}

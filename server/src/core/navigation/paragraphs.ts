/** Paragraph numbers as a drafter refers to them: `上文第 15 段`, and the numbering of a new line. */
import type { CrossReference, Paragraph, ResolutionDocument } from '../model';
import { toLatinLetter, toRoman, toCircled } from '../parse/numbers';

/** The cross-reference (`上文第 15 段`) at `offset`. */
export function crossReferenceAt(doc: ResolutionDocument, offset: number): CrossReference | undefined {
  return doc.crossReferences.find((r) => offset >= r.span.start && offset <= r.span.end);
}

/**
 * The paragraph a cross-reference names: operative paragraph N of the list the reference stands in
 * (a numbered text such as a working paper restarts its numbering for an endorsed text).
 */
export function referencedParagraph(doc: ResolutionDocument, ref: CrossReference): Paragraph | undefined {
  const numbered = doc.operative.filter((p) => p.label && p.label.value === ref.paragraphNumber);
  if (numbered.length <= 1) return numbered[0];
  const sequence = ref.from?.sequence;
  const inList = numbered.filter((p) => p.sequence === sequence);
  const candidates = inList.length > 0 ? inList : numbered;
  // 上文 looks back, 下文 forward: prefer the nearest in that direction.
  if (ref.direction === 'above') return [...candidates].reverse().find((p) => p.line < ref.line) ?? candidates[0];
  if (ref.direction === 'below') return candidates.find((p) => p.line > ref.line) ?? candidates[0];
  return candidates[0];
}

/** The label that follows `label` in the same style: `3.` → `4.`, `(a)` → `(b)`, `㈠` → `㈡`, `(ii)` → `(iii)`. */
export function nextLabel(p: Paragraph): string | undefined {
  const label = p.label;
  if (!label) return undefined;
  const next = label.value + 1;
  switch (label.style) {
    case 'arabic':
    case 'arabic-fullwidth':
      return label.text.replace(/^[0-9０-９]+/, String(next));
    case 'latin':
      return label.text.replace(/[a-z]+/, toLatinLetter(next));
    case 'roman':
      return label.text.replace(/[ivxlc]+/, toRoman(next));
    case 'circled':
      return toCircled(next);
    case 'chinese-parenthesized':
      return undefined;
  }
}

/**
 * What to do on Enter, as a word processor continues a numbered list. `line` is the new line (the
 * cursor's, after the line break); the result is the label to put on it, or — when the line above is
 * an empty label the drafter left by pressing Enter again — what to do with that label: right under
 * its paragraph it moves down to the new line (the drafts keep a blank line between paragraphs, so
 * Enter twice gives `1. ……；`, a blank line, `2. `); after a blank line it is removed (the list ends).
 */
export function continueNumbering(
  doc: ResolutionDocument,
  line: number,
): { insert: string } | { removeLabelOnLine: number; insert?: string } | undefined {
  if (line < 1 || line >= doc.lines.lineCount) return undefined;
  if (doc.lines.lineText(line).trim().length > 0) return undefined;
  const above = line - 1;
  const aboveText = doc.lines.lineText(above);
  const p = doc.paragraphs.find((x) => x.line === above);
  const emptyLabel = p ? !!p.label && p.body.start >= p.body.end : /^\s*(?:\d{1,3}[.．]|[(（][a-z]{1,4}[)）]|[㈠-㈩])\s*$/.test(aboveText);
  if (emptyLabel) {
    const underParagraph = above > 0 && doc.paragraphs.some((x) => x.line === above - 1 && x.label && x.body.start < x.body.end);
    return underParagraph ? { removeLabelOnLine: above, insert: `${aboveText.trim()} ` } : { removeLabelOnLine: above };
  }
  if (!p?.label) return undefined;
  const body = doc.text.slice(p.body.start, p.body.end).replace(/[*\s⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
  // A paragraph that introduces a list (`……：`) is followed by its first subparagraph.
  if (body.endsWith('：') || body.endsWith(':')) {
    const fullWidth = p.label.text.includes('（');
    if (p.level === 0) return { insert: fullWidth ? '（a） ' : '(a) ' };
    if (p.level === 1) return { insert: '㈠ ' };
  }
  const next = nextLabel(p);
  return next ? { insert: `${next} ` } : undefined;
}

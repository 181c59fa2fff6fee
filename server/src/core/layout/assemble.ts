/**
 * Writes paragraphs read from a Word or PDF file as a `.unres` draft: one paragraph a line, a blank
 * line between paragraphs (none inside the heading block, the closing or the footnotes), the
 * footnotes after `---`. The readers find the paragraphs; this only lays them out, as the bundled
 * corpus drafts are laid out.
 */
import { parseDraft } from '../parse/parser';
import { toSuperscript } from '../parse/superscript';

export interface ReadFootnote {
  number: number;
  text: string;
}

/** The draft text of paragraphs (in order) and footnotes. */
export function assembleDraft(paragraphs: string[], footnotes: ReadFootnote[]): string {
  const lines = paragraphs.map((p) => p.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()).filter((p) => p.length > 0);
  const doc = parseDraft(lines.join('\n'));
  const heading = new Set(doc.heading.map((h) => h.line));
  const closing = new Set<number>();
  if (doc.closing.dateLine) closing.add(doc.lines.positionAt(doc.closing.dateLine.start).line);
  if (doc.closing.meeting) closing.add(doc.closing.meeting.line);
  const group = (n: number) => (heading.has(n) ? 'heading' : closing.has(n) ? 'closing' : undefined);
  const out: string[] = [];
  lines.forEach((line, n) => {
    if (n > 0 && !(group(n) && group(n) === group(n - 1))) out.push('');
    out.push(line);
  });
  if (footnotes.length > 0) {
    out.push('', '---');
    for (const f of footnotes) out.push(`${toSuperscript(f.number)} ${f.text.replace(/\s+/g, ' ').trim()}`);
  }
  return out.join('\n') + '\n';
}

/** The lines of a draft that make it what it is: blank lines and `%%` comments are free in the format. */
export function draftLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('%%'))
    .map((l) => (/^(?:_{3,}|-{3,}|—{2,})$/.test(l) ? '---' : l));
}

/** A stretch of read text and whether its font is bold. */
export interface TextPiece {
  text: string;
  bold: boolean;
}

/**
 * The text of a paragraph's pieces: bold stretches as `**…**`, unless the whole paragraph is bold
 * (a title, a heading: the type, not emphasis). `numbered`: the paragraph has a label, so a bold
 * body is emphasis (`3. **作为联合行动，鼓励：**`).
 */
export function emphasisText(pieces: TextPiece[], numbered = false): string {
  const visible = pieces.filter((p) => p.text.trim().length > 0 && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(p.text));
  const allBold = !numbered && visible.length > 0 && visible.every((p) => p.bold);
  let out = '';
  let open = false;
  for (const p of pieces) {
    const bold = p.bold && !allBold && p.text.trim().length > 0;
    if (bold && !open) {
      out += '**';
      open = true;
    } else if (!bold && open && p.text.length > 0) {
      out += '**';
      open = false;
    }
    out += p.text;
  }
  if (open) out += '**';
  // `**重申 **` → `**重申** `: the draft format keeps white space outside the stars.
  return out.replace(/\*\*([^*]*?)(\s+)\*\*/g, '**$1**$2').replace(/\*\*\*\*/g, '');
}

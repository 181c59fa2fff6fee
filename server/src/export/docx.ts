/**
 * Word out: a draft written as a Chinese UN resolution in a `.docx` (the `docx` package), from the
 * same document layout as the preview. Operative numbers and (a) subparagraphs are Word numbering
 * where the draft numbers them in order (a Secretariat editor keeps working on them as lists);
 * other labels are text and a tab. Footnotes are Word footnotes.
 */
import { unzipSync } from 'fflate';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type ILevelsOptions,
  type IParagraphOptions,
} from 'docx';
import { layoutOf, type DocumentLayout, type LayoutBlock, type Run } from '../core/layout/layout';
import type { ResolutionDocument } from '../core/model';

/** 12 pt text; a Chinese character is 12 pt wide: 240 twips. */
const SIZE = 24; // half-points
const CHAR = 240; // twips
const FIRST_LINE = 2 * CHAR;
/** A4, with the margins of the UN's Word template (25 mm around; header and footer 12.7 mm). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1418, left: 1418, right: 1418, header: 720, footer: 720 };
const FONTS = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };

export interface WordExportOptions {
  /** A user's `.dotx`/`.docx` whose styles (word/styles.xml) the export takes. */
  styles?: Uint8Array;
  /** The Secretariat's job number (`21-19234`): printed at each page's foot with the page, as ODS documents are. */
  jobNumber?: string;
}

/** The styles part of a Word file or template, or an error naming what is wrong with it. */
export function stylesOf(template: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(template, { filter: (f) => f.name === 'word/styles.xml' });
  } catch {
    throw new Error('the style template is not a Word file (.docx or .dotx)');
  }
  const styles = files['word/styles.xml'];
  if (!styles) throw new Error('the style template has no styles (word/styles.xml)');
  return new TextDecoder().decode(styles);
}

function textRuns(runs: Run[], footnoteIds: Map<number, number>, used: Set<number>, bold = false, size?: number): (TextRun | FootnoteReferenceRun)[] {
  const out: (TextRun | FootnoteReferenceRun)[] = [];
  for (const r of runs) {
    if (r.footnote !== undefined) {
      const id = footnoteIds.get(r.footnote);
      if (id !== undefined && !used.has(r.footnote)) {
        used.add(r.footnote);
        out.push(new FootnoteReferenceRun(id));
      } else {
        // A number used again (older practice) or with no text: a superscript, as printed.
        out.push(new TextRun({ text: String(r.footnote), superScript: true }));
      }
    } else {
      out.push(new TextRun({ text: r.text, bold: bold || r.bold || undefined, size }));
    }
  }
  return out;
}

/** Whether each numbered list's labels run 1, 2, 3 … in one style, so Word numbering gives them back. */
function numberedInOrder(blocks: LayoutBlock[]): { operative: Set<number>; letters: Set<LayoutBlock> } {
  const operative = new Set<number>();
  const broken = new Set<number>();
  const expected = new Map<number, number>();
  for (const b of blocks) {
    if (b.role !== 'operative' || !b.label || b.sequence === undefined) continue;
    const want = expected.get(b.sequence) ?? 1;
    if (b.labelStyle !== 'arabic' || b.labelValue !== want || b.label !== `${want}.`) broken.add(b.sequence);
    expected.set(b.sequence, want + 1);
    operative.add(b.sequence);
  }
  for (const s of broken) operative.delete(s);
  // (a), (b) … under one paragraph: a list of their own when in order.
  const letters = new Set<LayoutBlock>();
  let run: LayoutBlock[] = [];
  let ok = true;
  const close = () => {
    if (ok) for (const b of run) letters.add(b);
    run = [];
    ok = true;
  };
  for (const b of blocks) {
    if (b.role === 'subparagraph' && b.level === 1 && b.labelStyle === 'latin') {
      const want = run.length + 1;
      if (b.labelValue !== want || b.label !== `(${String.fromCharCode(96 + want)})` || want > 26) ok = false;
      run.push(b);
    } else if (b.role === 'subparagraph' && b.level > 1) continue;
    else close();
  }
  close();
  return { operative, letters };
}

// Operative numbers and (a) subparagraphs are two lists: a restart of one never restarts the other.
const operativeLevels: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, suffix: LevelSuffix.TAB, style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } } },
];
const letterLevels: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.LEFT, suffix: LevelSuffix.TAB, style: { paragraph: { indent: { left: 2 * FIRST_LINE, hanging: FIRST_LINE } } } },
];

function blockParagraph(b: LayoutBlock, numbered: ReturnType<typeof numberedInOrder>, letterInstance: number, runs: (TextRun | FootnoteReferenceRun)[]): Paragraph {
  const base: IParagraphOptions = { spacing: { after: 240, line: 300 } };
  const label = (text: string) => [new TextRun({ text }), new TextRun({ text: '\t' })];
  switch (b.role) {
    case 'heading': {
      return new Paragraph({
        ...base,
        style: 'UNHeading',
        spacing: { after: b.headingField === 'organ-heading' ? 240 : 0 },
        alignment: b.headingField === 'symbol' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs,
      });
    }
    case 'title':
      return new Paragraph({ ...base, style: 'UNTitle', indent: { left: 4 * CHAR, hanging: 4 * CHAR }, spacing: { before: 240, after: 240 }, children: runs });
    case 'organ':
      return new Paragraph({ ...base, style: 'UNOrgan', indent: { firstLine: FIRST_LINE }, children: runs });
    case 'preambular':
      return new Paragraph({ ...base, style: 'UNPreambular', indent: { firstLine: FIRST_LINE }, children: runs });
    case 'operative':
      if (b.label && b.sequence !== undefined && numbered.operative.has(b.sequence)) {
        return new Paragraph({ ...base, style: 'UNOperative', numbering: { reference: 'operative', level: 0, instance: b.sequence }, children: runs });
      }
      return new Paragraph({
        ...base,
        style: 'UNOperative',
        indent: { firstLine: FIRST_LINE },
        tabStops: [{ type: TabStopType.LEFT, position: 2 * FIRST_LINE }],
        children: b.label ? [...label(b.label), ...runs] : runs,
      });
    case 'subparagraph': {
      if (numbered.letters.has(b)) {
        return new Paragraph({ ...base, style: 'UNSubparagraph', numbering: { reference: 'letters', level: 0, instance: letterInstance }, children: runs });
      }
      const left = (b.level + 1) * FIRST_LINE;
      return new Paragraph({ ...base, style: 'UNSubparagraph', indent: { left, hanging: FIRST_LINE }, tabStops: [{ type: TabStopType.LEFT, position: left }], children: b.label ? [...label(b.label), ...runs] : runs });
    }
    case 'section':
      return new Paragraph({ ...base, style: 'UNSection', alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: runs });
    case 'closing':
      return new Paragraph({ ...base, style: 'UNClosing', alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: runs });
    default:
      return new Paragraph({ ...base, children: runs });
  }
}

/** Builds the Word document of a draft. */
export function wordDocument(input: ResolutionDocument | string | DocumentLayout, options: WordExportOptions = {}): Document {
  const layout = typeof input === 'object' && 'blocks' in input ? input : layoutOf(input);
  const footnoteIds = new Map<number, number>();
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  layout.footnotes.forEach((f, i) => {
    if (footnoteIds.has(f.number)) return;
    footnoteIds.set(f.number, i + 1);
    footnotes[String(i + 1)] = { children: [new Paragraph({ style: 'UNFootnote', children: [new TextRun({ text: ' ' }), ...f.runs.map((r) => new TextRun({ text: r.text, superScript: r.footnote !== undefined || undefined }))] })] };
  });
  const used = new Set<number>();
  const numbered = numberedInOrder(layout.blocks);
  const children: Paragraph[] = [];
  let letterInstance = 0;
  for (const b of layout.blocks) {
    if (numbered.letters.has(b) && b.labelValue === 1) letterInstance++;
    const wholeBold = b.role === 'title' || (b.role === 'heading' && b.headingField === 'organ-heading');
    // 大 会 stands in larger type at the head of the page.
    const size = b.role === 'heading' && b.headingField === 'organ-heading' ? 32 : undefined;
    children.push(blockParagraph(b, numbered, letterInstance, textRuns(b.runs, footnoteIds, used, wholeBold, size)));
  }
  const styleRun = { font: FONTS, size: SIZE };
  return new Document({
    creator: 'Resolution Drafter',
    title: layout.symbol,
    externalStyles: options.styles ? stylesOf(options.styles) : undefined,
    styles: options.styles
      ? undefined
      : {
          default: { document: { run: styleRun, paragraph: { alignment: AlignmentType.LEFT } } },
          paragraphStyles: [
            { id: 'UNHeading', name: 'UN Heading', basedOn: 'Normal', run: styleRun },
            { id: 'UNTitle', name: 'UN Resolution Title', basedOn: 'Normal', run: { ...styleRun, bold: true } },
            { id: 'UNOrgan', name: 'UN Organ Line', basedOn: 'Normal', run: styleRun },
            { id: 'UNPreambular', name: 'UN Preambular Paragraph', basedOn: 'Normal', run: styleRun },
            { id: 'UNOperative', name: 'UN Operative Paragraph', basedOn: 'Normal', run: styleRun },
            { id: 'UNSubparagraph', name: 'UN Subparagraph', basedOn: 'Normal', run: styleRun },
            { id: 'UNSection', name: 'UN Section Heading', basedOn: 'Normal', run: { ...styleRun, bold: true } },
            { id: 'UNClosing', name: 'UN Closing', basedOn: 'Normal', run: styleRun },
            { id: 'UNFootnote', name: 'UN Footnote', basedOn: 'Normal', run: { font: FONTS, size: 18 } },
          ],
        },
    numbering: { config: [{ reference: 'operative', levels: operativeLevels }, { reference: 'letters', levels: letterLevels }] },
    footnotes,
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        headers: layout.symbol ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: layout.symbol, size: 20, font: FONTS })] })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              options.jobNumber
                ? new Paragraph({
                    tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right }],
                    children: [new TextRun({ children: [options.jobNumber, '\t', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], size: 16, font: FONTS })],
                  })
                : new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 20, font: FONTS })] }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The `.docx` bytes of a draft. */
export async function exportDocx(input: ResolutionDocument | string, options: WordExportOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(wordDocument(input, options)));
}

/**
 * Word in: a `.docx` read as a draft. The XML is read directly (fflate + xmldom) because what a
 * draft needs lives where converters lose it: Word's automatic numbering (`1.`, `(a)`, `㈠` are
 * in numbering.xml, not in the text), real footnotes, bold runs and superscripts.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { assembleDraft, emphasisText, type ReadFootnote, type TextPiece } from '../core/layout/assemble';
import { toSuperscript } from '../core/parse/superscript';
import { toChineseNumeral, toLatinLetter, toRoman } from '../core/parse/numbers';
import { ingestMessages, type IngestMessages } from '../core/ingest/messages';
import type { Locale } from '../core/rules/types';

export type DocumentRead = { ok: true; text: string } | { ok: false; problem: string };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function parseXml(bytes: Uint8Array | undefined): Element | undefined {
  if (!bytes) return undefined;
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(new TextDecoder().decode(bytes), 'application/xml');
  return doc.documentElement ?? undefined;
}

function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!local || (n as Element).localName === local)) out.push(n as Element);
  }
  return out;
}

function child(el: Element | undefined, local: string): Element | undefined {
  return el ? children(el, local)[0] : undefined;
}

function attr(el: Element | undefined, local: string): string | undefined {
  if (!el) return undefined;
  return el.getAttributeNS(W, local) ?? el.getAttribute(`w:${local}`) ?? undefined;
}

/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"` / `"false"` off; no element: not said (undefined). */
function toggle(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || v === '' || !/^(?:0|false|off|none)$/i.test(v);
}

/** What a style (or the document defaults) says, itself: undefined where it says nothing. */
interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  bold?: boolean;
  vertAlign?: string;
}

function runProperties(rPr: Element | undefined): Pick<StyleDef, 'bold' | 'vertAlign'> {
  return { bold: toggle(child(rPr, 'b')), vertAlign: attr(child(rPr, 'vertAlign'), 'val') };
}

/**
 * The styles of styles.xml, resolved as Word resolves them: a paragraph style's numbering
 * (`w:numPr`, as Word's "List Number" and the UN template's `UNOperative` carry it) and run
 * properties, and a character style's (`w:rStyle`, Word's "Strong"), each through its `w:basedOn`
 * chain, the nearest definition winning. Bold is a toggle: a paragraph style and a character
 * style that both set it cancel out, as in Word; direct formatting sets it absolutely.
 */
class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private readonly defaults: Pick<StyleDef, 'bold' | 'vertAlign'> = {};
  /** The style of a paragraph that names none (Word's "Normal"). */
  readonly defaultParagraph: string | undefined;

  constructor(root: Element | undefined) {
    let defaultParagraph: string | undefined;
    if (root) {
      const docDefaults = child(child(child(root, 'docDefaults'), 'rPrDefault'), 'rPr');
      this.defaults = runProperties(docDefaults);
      for (const st of children(root, 'style')) {
        const id = attr(st, 'styleId');
        if (id === undefined) continue;
        const type = attr(st, 'type') ?? 'paragraph';
        if (type === 'paragraph' && /^(?:1|true|on)$/i.test(attr(st, 'default') ?? '')) defaultParagraph = id;
        const numPr = child(child(st, 'pPr'), 'numPr');
        const ilvl = attr(child(numPr, 'ilvl'), 'val');
        this.defs.set(`${type}:${id}`, {
          basedOn: attr(child(st, 'basedOn'), 'val'),
          numId: attr(child(numPr, 'numId'), 'val'),
          ilvl: ilvl === undefined ? undefined : Number(ilvl),
          ...runProperties(child(st, 'rPr')),
        });
      }
    }
    this.defaultParagraph = defaultParagraph;
  }

  /** A style and the styles it is based on, nearest first (a loop in basedOn ends the chain). */
  private chain(type: 'paragraph' | 'character', id: string | undefined): { id: string; def: StyleDef }[] {
    const out: { id: string; def: StyleDef }[] = [];
    const seen = new Set<string>();
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const def = this.defs.get(`${type}:${id}`);
      if (!def) break;
      out.push({ id, def });
      id = def.basedOn;
    }
    return out;
  }

  private nearest<K extends keyof StyleDef>(type: 'paragraph' | 'character', id: string | undefined, key: K): StyleDef[K] | undefined {
    for (const s of this.chain(type, id)) if (s.def[key] !== undefined) return s.def[key];
    return undefined;
  }

  /** The numbering a paragraph style gives (numId "0" included: numbering taken off), and the style that gives it. */
  numbering(pStyle: string | undefined): { numId: string; ilvl?: number; style: string } | undefined {
    const chain = this.chain('paragraph', pStyle);
    const at = chain.find((s) => s.def.numId !== undefined);
    if (!at) return undefined;
    return { numId: at.def.numId!, ilvl: chain.find((s) => s.def.ilvl !== undefined)?.def.ilvl, style: at.id };
  }

  /** A run's bold and superscript: direct formatting, else the character style, the paragraph style and the defaults. */
  run(pStyle: string | undefined, rPr: Element | undefined): { bold: boolean; superscript: boolean } {
    const rStyle = attr(child(rPr, 'rStyle'), 'val');
    const direct = runProperties(rPr);
    let bold = direct.bold;
    if (bold === undefined) {
      bold = this.defaults.bold ?? false;
      if (this.nearest('paragraph', pStyle, 'bold')) bold = !bold;
      if (this.nearest('character', rStyle, 'bold')) bold = !bold;
    }
    const vertAlign = direct.vertAlign ?? this.nearest('character', rStyle, 'vertAlign') ?? this.nearest('paragraph', pStyle, 'vertAlign') ?? this.defaults.vertAlign;
    return { bold, superscript: vertAlign === 'superscript' };
  }
}

interface Level {
  format: string;
  text: string;
  start: number;
}

/** One list's counters, as Word numbers its paragraphs. */
class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  /** The level each abstract definition gives a paragraph style (`w:lvl/w:pStyle`), by abstract and style. */
  private readonly styleLevels = new Map<string, Map<string, number>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly used = new Set<string>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const a of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      const styleLevels = new Map<string, number>();
      for (const l of children(a, 'lvl')) {
        const pStyle = attr(child(l, 'pStyle'), 'val');
        if (pStyle !== undefined && !styleLevels.has(pStyle)) styleLevels.set(pStyle, Number(attr(l, 'ilvl') ?? 0));
        levels.set(Number(attr(l, 'ilvl') ?? 0), {
          format: attr(child(l, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(l, 'lvlText'), 'val') ?? '',
          start: Number(attr(child(l, 'start'), 'val') ?? 1),
        });
      }
      this.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
      this.styleLevels.set(attr(a, 'abstractNumId') ?? '', styleLevels);
    }
    for (const n of children(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const s = attr(child(o, 'startOverride'), 'val');
        if (s !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'numId') ?? '', { abstract: attr(child(n, 'abstractNumId'), 'val') ?? '', starts });
    }
  }

  /** The level of list `numId` whose `w:pStyle` names paragraph style `style` (as Word links "List Number 2" to the second level), if one does. */
  levelOfStyle(numId: string, style: string): number | undefined {
    const num = this.nums.get(numId);
    return num && this.styleLevels.get(num.abstract)?.get(style);
  }

  /**
   * The label Word shows for the next paragraph of list `numId` at `level`, or undefined. Lists
   * that share an abstract definition count on together (LibreOffice writes a new list for a
   * paragraph that restarts, with a start override, and goes back to the first list after it).
   */
  next(numId: string, level: number): string | undefined {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const def = levels?.get(level);
    if (!num || !levels || !def) return undefined;
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let counters = this.counters.get(num.abstract);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstract, counters);
    }
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const l of num.starts.keys()) counters[l] = undefined as unknown as number;
    }
    counters[level] = counters[level] === undefined ? startOf(level) : counters[level] + 1;
    for (let l = level + 1; l < 9; l++) counters[l] = undefined as unknown as number;
    return def.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      return formatNumber(levels.get(l)?.format ?? 'decimal', value);
    });
  }
}

function formatNumber(format: string, value: number): string {
  switch (format) {
    case 'lowerLetter':
      return toLatinLetter(value);
    case 'upperLetter':
      return toLatinLetter(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperRoman':
      return toRoman(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
      return toChineseNumeral(value);
    case 'ideographEnclosedCircle':
    case 'ideographParenthesized':
      return value >= 1 && value <= 10 ? String.fromCharCode(0x321f + value) : String(value);
    case 'decimalFullWidth':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
      return '';
    default:
      return String(value);
  }
}

type Piece = TextPiece;

/**
 * Reads a paragraph's runs (also inside hyperlinks, insertions, smart tags), footnote references
 * as `¹`; bold and superscript as the run's formatting and styles give them.
 */
function paragraphPieces(p: Element, styles: Styles, footnoteNumber: (id: string) => number | undefined): Piece[] {
  const pStyle = attr(child(child(p, 'pPr'), 'pStyle'), 'val') ?? styles.defaultParagraph;
  const pieces: Piece[] = [];
  const walk = (el: Element) => {
    for (const c of children(el)) {
      const name = c.localName;
      if (name === 'pPr' || name === 'del' || name === 'moveFrom' || name === 'rPr') continue;
      if (name !== 'r') {
        walk(c);
        continue;
      }
      const { bold, superscript } = styles.run(pStyle, child(c, 'rPr'));
      for (const part of children(c)) {
        switch (part.localName) {
          case 't': {
            const t = part.textContent ?? '';
            pieces.push({ text: superscript && /^\d+$/.test(t.trim()) ? toSuperscript(Number(t.trim())) : t, bold });
            break;
          }
          case 'tab':
          case 'ptab':
            pieces.push({ text: '\t', bold: false });
            break;
          case 'br':
          case 'cr':
            pieces.push({ text: ' ', bold: false });
            break;
          case 'noBreakHyphen':
            pieces.push({ text: '-', bold });
            break;
          case 'footnoteReference': {
            const n = footnoteNumber(attr(part, 'id') ?? '');
            if (n !== undefined) pieces.push({ text: toSuperscript(n), bold: false });
            break;
          }
        }
      }
    }
  };
  walk(p);
  return pieces;
}

function readZip(bytes: Uint8Array, say: IngestMessages): Record<string, Uint8Array> | string {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return say.notWordFile;
  try {
    return unzipSync(bytes, { filter: (f) => f.name.startsWith('word/') });
  } catch (err) {
    return say.wordArchiveDamaged(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Reads a `.docx` into draft text: one paragraph a line, numbering labels written out, footnotes
 * after `---` numbered as Word shows them (in order of their references). Never throws.
 */
export function readDocx(bytes: Uint8Array, locale: Locale = 'en'): DocumentRead {
  const say = ingestMessages[locale];
  const files = readZip(bytes, say);
  if (typeof files === 'string') return { ok: false, problem: files };
  const body = child(parseXml(files['word/document.xml']), 'body');
  if (!body) return { ok: false, problem: say.wordNoBody };
  const numbering = new Numbering(parseXml(files['word/numbering.xml']));
  const styles = new Styles(parseXml(files['word/styles.xml']));
  // Footnote texts by id; numbers by order of first reference, as Word numbers them.
  const footnoteXml = new Map<string, Element>();
  const notes = parseXml(files['word/footnotes.xml']);
  if (notes) for (const f of children(notes, 'footnote')) if (!attr(f, 'type') || attr(f, 'type') === 'normal') footnoteXml.set(attr(f, 'id') ?? '', f);
  const numbers = new Map<string, number>();
  const footnoteNumber = (id: string) => {
    if (!footnoteXml.has(id)) return undefined;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id);
  };
  const paragraphs: string[] = [];
  const visit = (el: Element) => {
    for (const c of children(el)) {
      if (c.localName === 'tbl' || c.localName === 'tr' || c.localName === 'tc' || c.localName === 'sdt' || c.localName === 'sdtContent') visit(c);
      else if (c.localName === 'p') {
        const pPr = child(c, 'pPr');
        // The paragraph's own numPr wins (numId 0: numbering taken off); else its style's, as in Word.
        const numPr = child(pPr, 'numPr');
        const pStyle = attr(child(pPr, 'pStyle'), 'val') ?? styles.defaultParagraph;
        const ownLevel = attr(child(numPr, 'ilvl'), 'val');
        let numId = attr(child(numPr, 'numId'), 'val');
        let level = ownLevel === undefined ? undefined : Number(ownLevel);
        if (numId === undefined) {
          const fromStyle = styles.numbering(pStyle);
          numId = fromStyle?.numId;
          if (fromStyle && level === undefined) level = fromStyle.ilvl ?? (pStyle === undefined ? undefined : numbering.levelOfStyle(fromStyle.numId, pStyle)) ?? numbering.levelOfStyle(fromStyle.numId, fromStyle.style);
        }
        const label = numId && numId !== '0' ? numbering.next(numId, level ?? 0) : undefined;
        let text = emphasisText(paragraphPieces(c, styles, footnoteNumber), label !== undefined);
        // A label typed as text and a tab, as numbering gives it: one space after the label.
        text = text.replace(/^\s*((?:\d{1,3}[.．]|[(（][a-z]{1,4}[)）]|[(（][一二三四五六七八九十]{1,3}[)）]|[\u3220-\u3229]))\t+/, '$1 ');
        text = text.replace(/\t+/g, ' ').trim();
        if (label) text = `${label} ${text}`;
        if (text) paragraphs.push(text);
      }
    }
  };
  visit(body);
  const footnotes: ReadFootnote[] = [];
  for (const [id, number] of numbers) {
    const f = footnoteXml.get(id)!;
    const text = children(f, 'p')
      .map((p) => emphasisText(paragraphPieces(p, styles, () => undefined).filter((x) => x.text !== '')))
      .join(' ')
      .replace(/\t+/g, ' ')
      .trim();
    footnotes.push({ number, text });
  }
  if (paragraphs.length === 0) return { ok: false, problem: say.wordEmpty };
  return { ok: true, text: assembleDraft(paragraphs, footnotes) };
}

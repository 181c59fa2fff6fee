/**
 * The benchmark's measures: each takes the loaded corpus index and the bench draft and makes the
 * work of one timed run. To add a measure (completion, hover …), add one entry to `measures`.
 */
import { layoutOf } from '../core/layout/layout';
import { previewBodyHtml } from '../core/layout/html';
import { completeAt, hoverAt, hoverMarkdown, parseDraft, validate, type Catalogue, type CorpusKnowledge, type ResolutionDocument, type Span } from '../core';
import type { PhraseIndex } from '../core/agreed/phrase-index';
import { ProvenanceFinder } from '../core/agreed/provenance';
import { compareDrafts } from '../core/compare';
import { random } from './synthetic';

/** What every measure may use. */
export interface BenchContext {
  /** `bundled`, `50`, `200` (MB). */
  size: string;
  index: PhraseIndex;
  /** The bundled corpus catalogue (validation reads cited dates from it). */
  catalogue: Catalogue;
  /** A ~100 KB draft made of corpus paragraphs (about 150 paragraphs and 50 footnotes). */
  draft: string;
  /** What completion and hovers know of the corpus of this size (built from its drafts and catalogue). */
  knowledge: CorpusKnowledge;
  /** Seeded randomness: the same inputs on every run of the bench. */
  random: () => number;
}

/** A repeated measure: `prepare` builds one run's input (not timed) and returns the work that is timed. */
export interface Measure {
  name: string;
  /** Timed runs (after a few untimed warm-up runs). */
  runs: number;
  prepare(ctx: BenchContext, run: number): () => unknown;
}

/** What a drafter has typed so far in a paragraph: a corpus paragraph cut at a random point. */
export function typedBefore(ctx: BenchContext): string {
  const p = Math.floor(ctx.random() * ctx.index.paragraphCount);
  const text = ctx.index.paragraph(p).text;
  const cut = 2 + Math.floor(ctx.random() * Math.max(1, text.length - 2));
  return text.slice(0, cut);
}

/** A corpus paragraph with a few characters changed, as a drafter's edited copy would be. */
function editedParagraph(ctx: BenchContext): string {
  const text = ctx.index.paragraph(Math.floor(ctx.random() * ctx.index.paragraphCount)).text;
  const chars = [...text];
  for (let i = 0; i < 3 && chars.length > 4; i++) chars.splice(Math.floor(ctx.random() * chars.length), 1, '和');
  return chars.join('');
}

/** The draft with one character typed into a random paragraph. */
function afterKeystroke(ctx: BenchContext): string {
  const lines = ctx.draft.split('\n');
  let line = Math.floor(ctx.random() * lines.length);
  while (lines[line].length < 10) line = (line + 1) % lines.length;
  const at = 5 + Math.floor(ctx.random() * (lines[line].length - 5));
  lines[line] = lines[line].slice(0, at) + '的' + lines[line].slice(at);
  return lines.join('\n');
}

/** Where completion is asked for, as a drafter types. */
type CompletionPlace = 'paragraph start' | 'mid-paragraph' | 'inside 《' | 'after 第';
const COMPLETION_PLACES: CompletionPlace[] = ['paragraph start', 'mid-paragraph', 'inside 《', 'after 第'];

/**
 * The draft as it is while a paragraph is being typed: one paragraph of the bench draft cut at a
 * point of the given kind (its label only, a random point, just after a 《 or after 第 and a
 * digit), and the offset of the cursor there. Falls back to a random point when the paragraph
 * has no such place.
 */
function typingDraft(ctx: BenchContext, place: CompletionPlace): { model: ResolutionDocument; offset: number } {
  const paragraphs = parsedDraft(ctx).paragraphs.filter((p) => p.level === 0 && p.span.end - p.span.start > 20);
  const wanted = place === 'inside 《' ? '《' : place === 'after 第' ? /第 ?\d/ : undefined;
  let candidates = paragraphs;
  if (wanted) {
    const having = paragraphs.filter((p) => (typeof wanted === 'string' ? ctx.draft.slice(p.span.start, p.span.end).includes(wanted) : wanted.test(ctx.draft.slice(p.span.start, p.span.end))));
    if (having.length > 0) candidates = having;
  }
  const p = candidates[Math.floor(ctx.random() * candidates.length)];
  const text = ctx.draft.slice(p.span.start, p.span.end);
  const bodyStart = p.body.start - p.span.start;
  let cut = bodyStart + 1 + Math.floor(ctx.random() * Math.max(1, text.length - bodyStart - 1));
  if (place === 'paragraph start') cut = bodyStart;
  else if (place === 'inside 《' && text.includes('《')) {
    const opens = [...text.matchAll(/《/g)].map((m) => m.index);
    cut = opens[Math.floor(ctx.random() * opens.length)] + 1 + Math.floor(ctx.random() * 3);
  } else if (place === 'after 第') {
    const at = [...text.matchAll(/第 ?\d/g)].map((m) => m.index + m[0].length);
    if (at.length > 0) cut = at[Math.floor(ctx.random() * at.length)];
  }
  cut = Math.min(cut, text.length);
  const typed = ctx.draft.slice(0, p.span.start) + text.slice(0, cut) + ctx.draft.slice(p.span.end);
  return { model: parseDraft(typed), offset: p.span.start + cut };
}

const parsed = new WeakMap<BenchContext, ResolutionDocument>();
function parsedDraft(ctx: BenchContext): ResolutionDocument {
  let model = parsed.get(ctx);
  if (!model) {
    model = parseDraft(ctx.draft);
    parsed.set(ctx, model);
  }
  return model;
}

/** What a drafter hovers: the symbols, citations, titles, footnote markers and openers of the bench draft. */
function hoverSpans(model: ResolutionDocument): Span[] {
  return [
    ...model.symbols.map((s) => s.span),
    ...model.citations.map((c) => c.numberSpan),
    ...model.titles.map((t) => t.innerSpan),
    ...model.markers.map((m) => m.span),
    ...model.paragraphs.flatMap((p) => (p.opener ? [p.opener.span] : [])),
  ];
}

export const measures: Measure[] = [
  {
    // What completion calls on every keystroke: the continuations of the text before the cursor.
    name: 'continuation',
    runs: 1000,
    prepare(ctx, run) {
      const before = run % 10 === 0 ? '重申《不扩散核武器条约》' : typedBefore(ctx);
      return () => ctx.index.continuations(before, 20);
    },
  },
  {
    // Inline continuation (ghost text), asked for after every keystroke: the text before the cursor
    // is a corpus paragraph cut at a random point, in a random part.
    name: 'inline continuation',
    runs: 1000,
    prepare(ctx, run) {
      const before = run % 10 === 0 ? '重申《不扩散核武器条约》作为' : typedBefore(ctx);
      const kind = (['preambular', 'operative', 'subparagraph'] as const)[run % 3];
      return () => ctx.index.inline(before, { kind, organ: 'A' });
    },
  },
  {
    name: 'similar',
    runs: 200,
    prepare(ctx, run) {
      const text = run % 4 === 0 ? typedBefore(ctx).slice(-12) : editedParagraph(ctx);
      return () => ctx.index.similar(text, { limit: 10 });
    },
  },
  {
    // Completion as the server answers it (the draft is parsed per version before, not timed):
    // openers, titles, resolutions and continuations with this corpus's knowledge and index.
    name: 'completion',
    runs: 400,
    prepare(ctx, run) {
      const { model, offset } = typingDraft(ctx, COMPLETION_PLACES[run % COMPLETION_PLACES.length]);
      return () => completeAt(model, offset, ctx.knowledge, ctx.index);
    },
  },
  // The same by place, to see where the time goes (continuations come from the phrase index).
  ...COMPLETION_PLACES.map(
    (place): Measure => ({
      name: `completion, ${place}`,
      runs: 100,
      prepare(ctx) {
        const { model, offset } = typingDraft(ctx, place);
        return () => completeAt(model, offset, ctx.knowledge, ctx.index);
      },
    }),
  ),
  {
    // A hover and its Markdown, on a random symbol, citation, title, marker or opener of the draft.
    name: 'hover',
    runs: 400,
    prepare(ctx) {
      const model = parsedDraft(ctx);
      const spans = hoverSpans(model);
      const span = spans[Math.floor(ctx.random() * spans.length)];
      const offset = span.start + Math.floor(ctx.random() * Math.max(1, span.end - span.start));
      return () => {
        const hover = hoverAt(model, offset, ctx.knowledge);
        return hover && hoverMarkdown(hover, (path, line) => `file://${path}#L${line ?? 1}`);
      };
    },
  },
  {
    // Provenance of every paragraph of the 100 KB draft, nothing remembered (a draft just opened).
    name: 'provenance, 100 KB draft',
    runs: 10,
    prepare(ctx) {
      const model = parsedDraft(ctx);
      return () => new ProvenanceFinder(ctx.index).ofDraft(model);
    },
  },
  {
    // The same with half its paragraphs edited: more windows searched, closest paragraphs scored.
    name: 'provenance, 100 KB draft half edited',
    runs: 10,
    prepare(ctx) {
      const model = parseDraft(halfEditedDraft(ctx));
      return () => new ProvenanceFinder(ctx.index).ofDraft(model);
    },
  },
  {
    // After a keystroke: the changed paragraph is computed, the others come from memory.
    name: 'provenance after a keystroke',
    runs: 30,
    prepare(ctx) {
      const finder = new ProvenanceFinder(ctx.index);
      finder.ofDraft(parsedDraft(ctx));
      const model = parseDraft(afterKeystroke(ctx));
      return () => finder.ofDraft(model);
    },
  },
  {
    // The 100 KB draft compared with a half-edited copy of itself (140 × 140 paragraphs aligned, the edited ones diffed).
    name: 'compare, 100 KB drafts',
    runs: 10,
    prepare(ctx) {
      const earlier = parseDraft(halfEditedDraft(ctx));
      const draft = parsedDraft(ctx);
      return () => compareDrafts(draft, earlier);
    },
  },
  {
    // The whole draft parsed and checked by every rule, as when it is opened.
    name: 'validateDraft',
    runs: 30,
    prepare(ctx) {
      return () => validate(parseDraft(ctx.draft), undefined, { catalogue: ctx.catalogue });
    },
  },
  {
    // After one keystroke the server parses and validates the changed draft again.
    name: 'revalidateKeystroke',
    runs: 30,
    prepare(ctx) {
      const text = afterKeystroke(ctx);
      return () => validate(parseDraft(text), undefined, { catalogue: ctx.catalogue });
    },
  },
  {
    // The preview after one keystroke: the changed draft parsed, laid out and written as HTML.
    name: 'previewKeystroke',
    runs: 30,
    prepare(ctx) {
      const text = afterKeystroke(ctx);
      return () => previewBodyHtml(layoutOf(text));
    },
  },
];

/** The bench draft with every other paragraph edited (three characters changed), as a draft that is half new text. */
function halfEditedDraft(ctx: BenchContext): string {
  const lines = ctx.draft.split('\n');
  let n = 0;
  return lines
    .map((line) => {
      if (line.length < 20 || n++ % 2 === 1) return line;
      const chars = [...line];
      for (let i = 0; i < 3; i++) chars.splice(5 + Math.floor(ctx.random() * (chars.length - 6)), 1, '和');
      return chars.join('');
    })
    .join('\n');
}

/**
 * The bench draft: corpus paragraphs (from the bundled corpus) until about 100 KB (or `bytes`),
 * with footnotes (about one per 2 KB in a longer draft).
 */
export function benchDraft(paragraphs: { kind: string; text: string }[], seed = 7, bytes = 95 * 1024): string {
  const next = random(seed);
  // Long paragraphs, so that ~100 KB holds about 150 of them, as a long resolution does.
  const body = paragraphs.filter((p) => p.kind !== 'footnote' && p.text.length >= 200);
  const notes = paragraphs.filter((p) => p.kind === 'footnote');
  const preamble: string[] = [];
  const operative: string[] = [];
  const footnotes: string[] = [];
  const maxFootnotes = Math.max(50, Math.round(bytes / 2048));
  let size = 0;
  while (size < bytes) {
    const p = body[Math.floor(next() * body.length)];
    let text = p.text.replace(/[，；。：]$/, '');
    // About two paragraphs in five cite a document with a footnote, as resolutions do.
    if (footnotes.length < maxFootnotes && next() < 0.4) {
      footnotes.push(notes[Math.floor(next() * notes.length)].text);
      const n = String(footnotes.length).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
      const title = text.indexOf('》');
      text = title > 0 ? `${text.slice(0, title + 1)}${n} ${text.slice(title + 1)}` : `${text}${n}`;
    }
    if (preamble.length < 60) preamble.push(`${text}，`);
    else operative.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  const ops = operative.map((t, i) => `${i + 1}. ${t}${i === operative.length - 1 ? '。' : '；'}`);
  const foot = footnotes.map((t, i) => `${String(i + 1).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])} ${t}`);
  return ['第七十九届会议', '', '79/__. 基准决议草案', '', '大会，', '', ...preamble.flatMap((p) => [p, '']), ...ops.flatMap((p) => [p, '']), '2024 年 12 月 2 日', '第 50 次全体会议', '', '---', ...foot, ''].join('\n');
}

/** p50 and p95 of a list of times (ms). */
export function percentiles(times: number[]): { p50: number; p95: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(at(0.5)), p95: round(at(0.95)), runs: sorted.length };
}

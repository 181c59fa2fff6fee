// Property-based tests: whatever text arrives — random strings, soups of corpus lines, corpus
// drafts with lines deleted, duplicated, swapped, truncated or garbage inserted — the parser and
// the ingest core never throw, terminate, and every span they report lies within the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDraft, type ResolutionDocument } from '../../server/src/core';
import { cleanRawText, decodeRaw, ingestText } from '../../server/src/core/ingest';
import { CORPUS, rawFiles } from './helpers';

const drafts = readdirSync(CORPUS).filter((n) => n.endsWith('.unres')).sort().map((n) => readFileSync(join(CORPUS, n), 'utf8'));
const raws = rawFiles().map((f) => readFileSync(f, 'utf8'));
const corpusLines = [...new Set([...drafts, ...raws].flatMap((t) => t.split('\n')))];

/** Every object with numeric `start` and `end` reachable from the model (a span). */
function spansOf(doc: ResolutionDocument): { path: string; start: number; end: number }[] {
  const found: { path: string; start: number; end: number }[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const v = value as Record<string, unknown>;
    if (typeof v.start === 'number' && typeof v.end === 'number') found.push({ path, start: v.start, end: v.end });
    for (const [key, child] of Object.entries(v)) {
      if (key === 'lines' || key === 'text' || key === 'parent') continue;
      visit(child, `${path}.${key}`);
    }
  };
  visit(doc, 'doc');
  return found;
}

function checkParse(text: string): void {
  const doc = parseDraft(text);
  for (const s of spansOf(doc)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${s.path}: integer offsets`);
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${s.path}: [${s.start}, ${s.end}) within 0..${text.length}`);
  }
  for (const p of doc.paragraphs) {
    assert.ok(p.line >= 0 && p.line < doc.lines.lineCount);
    assert.equal(doc.paragraphs[p.index], p);
  }
}

function checkIngest(text: string): void {
  const clean = cleanRawText(text);
  assert.equal(typeof clean.text, 'string');
  assert.ok(clean.text.endsWith('\n'));
  ingestText(text);
  // The clean draft is itself parseable.
  checkParse(clean.text);
}

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((units) => String.fromCharCode(...units));
const structural = fc.constantFrom('\n', '\r', '\r\n', ' ', '\u3000', '1. ', '(a) ', '㈠ ', '---', '______', '大会，', '76/54. ', '¹', '²³', '**', '《', '》', '第 ', ' 号决议', '\ud800', '\udc00', '2021 年 12 月 6 日', 'A/RES/', '(Part', '\t');
const soupPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...corpusLines) },
  { weight: 1, arbitrary: fc.constantFrom(...corpusLines).chain((l) => fc.nat({ max: Math.max(0, l.length) }).map((n) => l.slice(n))) },
  { weight: 1, arbitrary: structural },
);
const lineSoup = fc.array(soupPiece, { maxLength: 80 }).chain((pieces) => fc.constantFrom('\n', '\n\n', '\r\n', '').map((sep) => pieces.join(sep)));

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(codeUnits, structural, fc.string({ unit: 'binary', maxLength: 20 })) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) lines = [''];
    const pick = (n: number) => n % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(pick(m.at), 1);
        break;
      case 'duplicate':
        lines.splice(pick(m.at), 0, lines[pick(m.at)]);
        break;
      case 'swap': {
        const a = pick(m.a);
        const b = pick(m.b);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
        break;
      }
      case 'insert': {
        const joined = lines.join('\n');
        const at = m.at % (joined.length + 1);
        lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

const mutatedDraft = fc.tuple(fc.nat({ max: drafts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([i, ms]) => mutate(drafts[i], ms));
const mutatedRaw = fc.tuple(fc.nat({ max: raws.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([i, ms]) => mutate(raws[i], ms));

test('parseDraft: random strings (any code units, lone surrogates included)', () => {
  fc.assert(fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary', maxLength: 300 }), fc.array(structural).map((a) => a.join(''))), checkParse), { numRuns: 400 });
});

test('parseDraft: soups of corpus lines', () => {
  fc.assert(fc.property(lineSoup, checkParse), { numRuns: 300 });
});

test('parseDraft: mutated corpus drafts', () => {
  fc.assert(fc.property(mutatedDraft, checkParse), { numRuns: 150 });
});

test('ingest core: random strings, line soups and mutated raw documents', () => {
  fc.assert(fc.property(fc.oneof(codeUnits, lineSoup), checkIngest), { numRuns: 300 });
  fc.assert(fc.property(mutatedRaw, checkIngest), { numRuns: 100 });
});

test('decodeRaw: any bytes give text or a reason, never an exception', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const result = decodeRaw(bytes);
      assert.ok(result.ok ? typeof result.text === 'string' : result.problem.length > 0);
    }),
    { numRuns: 400 },
  );
});

test('the unmutated corpus passes the same checks, and the span walk sees its spans', () => {
  for (const d of drafts) {
    checkParse(d);
    assert.ok(spansOf(parseDraft(d)).length > 100, 'the walk reaches paragraphs, markers, symbols …');
  }
  for (const r of raws) checkIngest(r);
});

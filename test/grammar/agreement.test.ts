// The grammar and the parser must see the same things: every symbol, citation, footnote marker and
// number, paragraph number and opener the parser finds in a corpus draft is coloured as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { parseDraft, type Span } from '../../server/src/core';

async function loadGrammar(): Promise<IGrammar> {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => JSON.parse(readFileSync('syntaxes/unres.tmLanguage.json', 'utf8')) as IRawGrammar,
  });
  const grammar = await registry.loadGrammar('source.unres');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The clean corpus drafts (corpus/*.unres) and the sample draft. */
function drafts(): string[] {
  const corpus = existsSync('corpus') ? readdirSync('corpus').filter((n) => n.endsWith('.unres')).map((n) => join('corpus', n)) : [];
  return ['test/fixtures/sample.unres', ...corpus];
}

test('the grammar colours what the parser finds, in every corpus draft', async () => {
  const grammar = await loadGrammar();
  const failures: string[] = [];
  for (const path of drafts()) {
    const text = readFileSync(path, 'utf8');
    const doc = parseDraft(text);
    // Scopes of each UTF-16 offset of the text.
    const scopes: string[][] = new Array<string[]>(text.length);
    let state = INITIAL;
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const start = doc.lines.lineStarts[line];
      const result = grammar.tokenizeLine(doc.lines.lineText(line), state);
      state = result.ruleStack;
      for (const t of result.tokens) for (let i = t.startIndex; i < t.endIndex; i++) scopes[start + i] = t.scopes;
    }
    const expect = (what: string, span: Span, scope: string) => {
      for (let i = span.start; i < span.end; i++) {
        if (!scopes[i]?.includes(scope)) {
          failures.push(`${path}:${doc.lines.positionAt(span.start).line + 1}: ${what} “${text.slice(span.start, span.end)}” is not ${scope} (${scopes[i]?.join(' ')})`);
          return;
        }
      }
    };
    for (const s of doc.symbols) expect('symbol', s.span, 'entity.name.type.symbol.unres');
    for (const c of doc.citations) expect('citation', c.numberSpan, 'entity.name.type.citation.unres');
    for (const m of doc.markers) expect('footnote marker', m.span, 'support.type.footnote-marker.unres');
    for (const f of doc.footnotes) expect('footnote number', f.numberSpan, 'support.type.footnote-number.unres');
    for (const p of doc.operative) if (p.label) expect('paragraph number', { start: p.label.span.start, end: p.label.span.end - 1 }, 'constant.numeric.paragraph.unres');
    for (const p of doc.paragraphs) if (p.kind === 'subparagraph' && p.label) expect('subparagraph label', p.label.span, 'constant.numeric.subparagraph.unres');
    for (const p of doc.preamble) if (p.opener?.known && p.opener.span.start === p.body.start) expect('preambular opener', p.opener.span, 'entity.name.function.preambular-opener.unres');
    for (const p of doc.operative) if (p.opener?.known && p.label) expect('operative verb', p.opener.span, 'keyword.other.operative-verb.unres');
    for (const r of doc.crossReferences) expect('cross-reference', r.span, 'variable.other.cross-reference.unres');
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

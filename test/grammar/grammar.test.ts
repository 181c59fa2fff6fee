// The TextMate grammar: generated from the language table (a drift fails here), and its scopes
// checked on corpus lines by vscode-tmgrammar-test and by tokenising with vscode-textmate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { chinese } from '../../server/src/core/lang/zh';
import { grammarText } from '../../scripts/grammar/build';

const GRAMMAR = 'syntaxes/unres.tmLanguage.json';

test('the grammar file is what the language table generates (run `npm run grammar` after editing zh.ts)', () => {
  assert.equal(readFileSync(GRAMMAR, 'utf8'), grammarText(chinese));
});

test('package.json contributes the grammar and the language configuration', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { languages: { id: string; configuration?: string }[]; grammars?: { language: string; scopeName: string; path: string }[] };
  };
  assert.equal(manifest.contributes.languages[0].configuration, './syntaxes/language-configuration.json');
  assert.deepEqual(manifest.contributes.grammars, [{ language: 'unres', scopeName: 'source.unres', path: './syntaxes/unres.tmLanguage.json' }]);
  const configuration = JSON.parse(readFileSync('syntaxes/language-configuration.json', 'utf8')) as { comments: { lineComment: string }; autoClosingPairs: { open: string; close: string }[] };
  assert.equal(configuration.comments.lineComment, '%%');
  for (const pair of ['《》', '“”', '()', '（）']) assert.ok(configuration.autoClosingPairs.some((p) => p.open + p.close === pair), pair);
});

test('vscode-tmgrammar-test: every scope assertion in test/grammar/cases holds', () => {
  const cases = readdirSync('test/grammar/cases').filter((n) => n.endsWith('.unres'));
  assert.ok(cases.length >= 2);
  const cli = join('node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const run = spawnSync(process.execPath, [cli, '-g', GRAMMAR, 'test/grammar/cases/*.unres'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  for (const name of cases) assert.match(run.stdout, new RegExp(`${name.replace('.', '\\.')} run successfuly`));
});

let grammar: Promise<IGrammar> | undefined;
function loadGrammar(): Promise<IGrammar> {
  grammar ??= (async () => {
    await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => JSON.parse(readFileSync(GRAMMAR, 'utf8')) as IRawGrammar,
    });
    const loaded = await registry.loadGrammar('source.unres');
    if (!loaded) throw new Error('grammar did not load');
    return loaded;
  })();
  return grammar;
}

/** The scopes of the token that starts at `column` of a one-line text. */
function scopesAt(g: IGrammar, line: string, column: number): string[] {
  const { tokens } = g.tokenizeLine(line, INITIAL);
  return tokens.find((t) => t.startIndex <= column && column < t.endIndex)?.scopes ?? [];
}

test('every opener of the language table gets its scope, with 又 and 还', async () => {
  const g = await loadGrammar();
  for (const opener of chinese.preambularOpeners) {
    for (const prefix of ['', ...chinese.repeatPrefixes]) {
      const line = `${prefix}${opener}实现无核武器世界是国际社会的共同目标，`;
      const { tokens } = g.tokenizeLine(line, INITIAL);
      const first = tokens[0];
      assert.ok(first.scopes.includes('entity.name.function.preambular-opener.unres'), `${line}: ${first.scopes.join(' ')}`);
      assert.equal(line.slice(first.startIndex, first.endIndex), prefix + opener, line);
    }
  }
  for (const opener of chinese.operativeOpeners) {
    for (const line of [`3. ${opener}所有国家全面履行义务；`, `3. **${opener}**所有国家全面履行义务；`]) {
      const at = line.indexOf(opener);
      const scopes = scopesAt(g, line, at);
      assert.ok(scopes.includes('keyword.other.operative-verb.unres'), `${line}: ${scopes.join(' ')}`);
    }
  }
});

test('every line of the corpus seeds tokenises, and each seed shows openers, symbols and dates', async () => {
  const g = await loadGrammar();
  const folder = 'corpus/raw';
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt'))) {
    let state = INITIAL;
    const seen = new Set<string>();
    for (const line of readFileSync(join(folder, name), 'utf8').split(/\r?\n/)) {
      const result = g.tokenizeLine(line, state);
      state = result.ruleStack;
      for (const t of result.tokens) for (const s of t.scopes) seen.add(s);
    }
    for (const scope of ['entity.name.function.preambular-opener.unres', 'entity.name.type.symbol.unres', 'constant.other.date.unres', 'constant.numeric.paragraph.unres']) {
      assert.ok(seen.has(scope), `${name}: no ${scope}`);
    }
  }
});

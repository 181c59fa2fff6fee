// package.json against the server's tables and the client's code: settings, texts, commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules';
import { defaultSettings, resolveSettings } from '../../server/src/core/settings';
import { Commands } from '../../client/src/command-ids';
import { SECTION, settingsContribution } from '../../scripts/settings/contribution';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const manifest = json('package.json');
const nls: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
const bundleZh: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');

test('the settings in package.json are the ones generated from the server\'s tables (run `npm run settings`)', () => {
  const { configuration, nls: texts } = settingsContribution();
  assert.deepEqual(manifest.contributes.configuration, configuration);
  for (const [key, text] of Object.entries(texts)) assert.equal(nls[key], text, `package.nls.json ${key}`);
});

test('one setting per rule, with the rule\'s default severity in its description, in English and Chinese', () => {
  const properties = manifest.contributes.configuration.properties;
  for (const rule of rules) {
    const setting = properties[`${SECTION}.rules.${rule.id}`];
    assert.ok(setting, rule.id);
    assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'info', 'warning', 'error']);
    const key = `config.rules.${rule.id}`;
    assert.ok(nls[key].startsWith(rule.description), key);
    assert.ok(nls[key].includes(`\`${rule.defaultSeverity}\``), key);
    assert.ok(nlsZh[key]?.includes(`\`${rule.defaultSeverity}\``), `package.nls.zh-cn.json ${key} names the default ${rule.defaultSeverity}`);
  }
  const ruleSettings = Object.keys(properties).filter((k) => k.startsWith(`${SECTION}.rules.`));
  assert.equal(ruleSettings.length, rules.length, 'no setting for a rule that does not exist');
});

/** What VS Code hands the server for `workspace/configuration` section resolutionDrafter: the settings' defaults, nested by dots. */
function configurationAsVsCodeSendsIt(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
  for (const [key, value] of Object.entries({ ...Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, p.default])), ...overrides })) {
    const path = key.slice(SECTION.length + 1).split('.');
    let node = section;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  }
  return section;
}

test('the settings VS Code sends, left at their defaults, resolve to the server\'s defaults', () => {
  assert.deepEqual(resolveSettings(configurationAsVsCodeSendsIt()), defaultSettings);
});

test('a rule set in the settings UI reaches the server as its severity', () => {
  const resolved = resolveSettings(configurationAsVsCodeSendsIt({
    [`${SECTION}.rules.footnote-reuse`]: 'error',
    [`${SECTION}.rules.repeated-opener`]: 'off',
    [`${SECTION}.footnotes.reuse`]: 'forbid',
    [`${SECTION}.parentheses`]: 'half-width',
    [`${SECTION}.corpus.folders`]: ['/corpus'],
    [`${SECTION}.maxProblems`]: 200,
  }));
  assert.deepEqual(resolved.rules, { 'footnote-reuse': 'error', 'repeated-opener': 'off' });
  assert.equal(resolved.footnotes.reuse, 'forbid');
  assert.equal(resolved.parentheses, 'half-width');
  assert.deepEqual(resolved.corpus.folders, ['/corpus']);
  assert.equal(resolved.maxProblems, 200);
});

test('every %key% of package.json has an English and a Chinese text, and no text is left over', () => {
  const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.deepEqual([...used].filter((k) => !(k in nls)), [], 'missing in package.nls.json');
  assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused in package.nls.json');
  assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort(), 'package.nls.zh-cn.json has the same keys');
  for (const [key, text] of Object.entries(nlsZh)) assert.match(text, /[\u4e00-\u9fff]/, `${key} is in Chinese`);
});

/** Every `t('…')` text in the client's code. */
function runtimeTexts(): Set<string> {
  const dir = 'client/src';
  const texts = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const code = readFileSync(join(dir, name), 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) texts.add(m[1].replace(/\\(.)/g, '$1'));
  }
  return texts;
}

test('every runtime text of the client has its Chinese translation in l10n/bundle.l10n.zh-cn.json, and none is left over', () => {
  const texts = runtimeTexts();
  assert.ok(texts.size > 30, `found ${texts.size} texts`);
  assert.deepEqual([...texts].filter((k) => !(k in bundleZh)), [], 'missing translations');
  assert.deepEqual(Object.keys(bundleZh).filter((k) => !texts.has(k)), [], 'translations no code uses');
  for (const [key, text] of Object.entries(bundleZh)) {
    const places = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(places(text), places(key), `${key}: the same {n} places`);
  }
  assert.equal(manifest.l10n, './l10n');
});

test('the commands: contributed with a title and category, in the palette for drafts where they act on one', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, Object.values(Commands).sort());
  for (const c of manifest.contributes.commands) {
    assert.match(c.title, /^%command\.\w+%$/);
    assert.equal(c.category, '%command.category%');
  }
  const palette = Object.fromEntries(manifest.contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
  for (const id of [Commands.renumberParagraphs, Commands.renumberFootnotes, Commands.insertFootnote, Commands.findSimilar]) {
    assert.equal(palette[id], 'editorLangId == unres', id);
  }
  // These work without a draft open: a new one, the corpus, the server.
  for (const id of [Commands.newResolution, Commands.addCorpusFolder, Commands.showCorpusStats, Commands.restartServer]) assert.equal(palette[id], undefined, id);
  // Client commands must not clash with the server's (the language client registers those under their own ids).
  for (const id of Object.values(Commands)) assert.ok(!id.startsWith('resolutionDrafter.server.'), id);
});

test('[unres] editors do not box full-width punctuation as "ambiguous" (，；：（） are the text\'s own, not look-alikes of ASCII)', () => {
  const defaults = manifest.contributes.configurationDefaults['[unres]'];
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  // Invisible characters (a stray zero-width space) are still shown.
  assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], undefined);
});

test('a plain install turns on numbering on Enter and word wrap for drafts, and no language detection', () => {
  const unres = manifest.contributes.configurationDefaults['[unres]'];
  assert.equal(unres['editor.formatOnType'], true, 'numbering on Enter is an on-type formatting');
  assert.equal(unres['editor.wordWrap'], 'on', 'a paragraph is one long line');
  assert.equal(unres['workbench.editor.languageDetection'], false, 'no “Change to Detected Language: ini” on a new draft');
});

test('** is no auto-closing pair (typing ** gave ****)', () => {
  const configuration = json('syntaxes/language-configuration.json');
  assert.deepEqual(configuration.autoClosingPairs.filter((p: { open: string }) => p.open.includes('*')), []);
});

test('Restricted Mode: limited support, and the workspace cannot name corpus folders to read', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, [`${SECTION}.corpus.folders`]);
  assert.ok(nls[untrusted.description.replace(/%/g, '')]);
});

test('Restricted Mode draws no box around every run of Chinese (nonBasicASCII is highlighted there by default)', () => {
  assert.equal(manifest.contributes.configurationDefaults['[unres]']['editor.unicodeHighlight.nonBasicASCII'], false);
});

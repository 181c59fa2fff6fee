/**
 * The settings part of package.json (`contributes.configuration`) and its English texts
 * (package.nls.json), made from the server's own tables: the settings defaults and the rule
 * registry with each rule's description and default severity. `npm run settings` writes them; a
 * test fails when package.json drifts from these tables.
 */
import { defaultSettings, footnoteReusePolicies, parenthesisStyles, ruleSeverities } from '../../server/src/core/settings';
import { rules } from '../../server/src/core/rules';

/** The section every setting lives under; the server asks `workspace/configuration` for it. */
export const SECTION = 'resolutionDrafter';

/** A rule setting left at `default` keeps the rule's own severity (and its milder style remarks). */
export const DEFAULT_SEVERITY = 'default';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface SettingsContribution {
  /** `contributes.configuration` with `%key%` placeholders. */
  configuration: { [key: string]: Json };
  /** The English text of every placeholder, for package.nls.json. */
  nls: Record<string, string>;
}

/** The descriptions of the settings that are not rules (English; Chinese in package.nls.zh-cn.json). */
const texts = {
  'config.title': 'Resolution Drafter',
  'config.corpus.folders':
    'Folders of clean drafts (`.unres` files with a `catalogue.json`, as **Add a folder to the corpus** writes them) to learn agreed language and citation dates from, besides the bundled corpus. Relative paths are read from the first workspace folder. Changing this restarts the server.',
  'config.corpus.useBundled': 'Use the corpus that comes with the extension (General Assembly resolutions on disarmament). Changing this restarts the server.',
  'config.footnotes.reuse': 'Whether a footnote number may be used again for the same source (rule `footnote-reuse`).',
  'config.footnotes.reuse.allow': 'Allowed: the older practice (73/62 reuses ¹).',
  'config.footnotes.reuse.forbid': 'Forbidden: every citation gets its own footnote, as the current Editorial Manual says.',
  'config.footnotes.reuse.by-date': 'By the document\'s date: allowed before 2019, forbidden from 2019 on or when the draft has no date yet.',
  'config.parentheses': 'Which parentheses Chinese text uses (rule `punctuation-width`). Parentheses around symbols and inside a 《title》 are left alone.',
  'config.parentheses.half-width': 'Half-width ( ), as documents do from 2018.',
  'config.parentheses.full-width': 'Full-width （ ）, the older style.',
  'config.parentheses.consistent': 'Either, as long as one style is kept in a draft.',
  'config.maxProblems':
    'The most problems shown for one draft: errors first, then warnings, information and hints, each in the order of the text; one more problem at the top of the draft says how many are not shown. `0`: no limit (a damaged draft may then give hundreds of thousands).',
  'config.severity.default': 'The rule\'s own severity.',
  'config.severity.off': 'Not checked.',
  'config.severity.hint': 'Shown as a hint (dotted underline).',
  'config.severity.info': 'Shown as information.',
  'config.severity.warning': 'Shown as a warning.',
  'config.severity.error': 'Shown as an error.',
  'config.rules.defaultIs': 'Default: {0}.',
  'config.corpus.server':
    'A corpus database shared by your organisation (PostgreSQL, see the README): a connection string without its password (`postgres://drafter@db.example.org/corpus?sslmode=verify-full`), or a name. The password (or, for a name, the whole connection string) is kept in VS Code\'s secret storage (**Resolution Drafter: Set the corpus database login**) or in `PGPASSFILE`, never in settings. The local corpus answers first; the database adds to it. Changing this restarts the server.',
  'config.trace.server': 'Log the messages between VS Code and the Resolution Drafter server in its output channel (for reporting a problem).',
} as const;

const placeholder = (key: string) => `%${key}%`;

/** Builds the contribution from the tables. */
export function settingsContribution(): SettingsContribution {
  const nls: Record<string, string> = { ...texts };
  delete nls['config.rules.defaultIs'];
  const properties: { [key: string]: Json } = {};
  let order = 0;
  properties[`${SECTION}.corpus.folders`] = {
    type: 'array',
    items: { type: 'string' },
    default: defaultSettings.corpus.folders,
    scope: 'window',
    order: order++,
    markdownDescription: placeholder('config.corpus.folders'),
  };
  properties[`${SECTION}.corpus.useBundled`] = {
    type: 'boolean',
    default: defaultSettings.corpus.useBundled,
    scope: 'window',
    order: order++,
    markdownDescription: placeholder('config.corpus.useBundled'),
  };
  properties[`${SECTION}.footnotes.reuse`] = {
    type: 'string',
    enum: [...footnoteReusePolicies],
    enumDescriptions: footnoteReusePolicies.map((p) => placeholder(`config.footnotes.reuse.${p}`)),
    default: defaultSettings.footnotes.reuse,
    scope: 'resource',
    order: order++,
    markdownDescription: placeholder('config.footnotes.reuse'),
  };
  properties[`${SECTION}.parentheses`] = {
    type: 'string',
    enum: [...parenthesisStyles],
    enumDescriptions: parenthesisStyles.map((p) => placeholder(`config.parentheses.${p}`)),
    default: defaultSettings.parentheses,
    scope: 'resource',
    order: order++,
    markdownDescription: placeholder('config.parentheses'),
  };
  const severities = [DEFAULT_SEVERITY, ...ruleSeverities];
  for (const rule of rules) {
    const key = `config.rules.${rule.id}`;
    nls[key] = `${rule.description} ${texts['config.rules.defaultIs'].replace('{0}', `\`${rule.defaultSeverity}\``)}`;
    properties[`${SECTION}.rules.${rule.id}`] = {
      type: 'string',
      enum: severities,
      enumDescriptions: severities.map((s) => placeholder(`config.severity.${s}`)),
      default: DEFAULT_SEVERITY,
      scope: 'resource',
      order: order++,
      markdownDescription: placeholder(key),
    };
  }
  properties[`${SECTION}.trace.server`] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    order: order++,
    markdownDescription: placeholder('config.trace.server'),
  };
  properties[`${SECTION}.corpus.server`] = {
    type: 'string',
    default: '',
    scope: 'application',
    order: order++,
    markdownDescription: placeholder('config.corpus.server'),
  };
  properties[`${SECTION}.maxProblems`] = {
    type: 'integer',
    minimum: 0,
    default: defaultSettings.maxProblems,
    scope: 'resource',
    order: order++,
    markdownDescription: placeholder('config.maxProblems'),
  };
  return { configuration: { title: placeholder('config.title'), properties }, nls };
}

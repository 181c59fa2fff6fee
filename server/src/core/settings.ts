/**
 * The drafter's settings, shared by the editor and the command line. This table is the single
 * source for the defaults; the client's package.json settings are checked against it.
 */
export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface DrafterSettings {
  /** Severity per rule id; rules not named keep their default. */
  rules: Record<string, RuleSeverity>;
  footnotes: {
    /**
     * Whether a footnote number may be used again for the same source. `by-date` follows the
     * document's era: allowed before 2019 (older practice), forbidden from 2019 on (current Manual).
     */
    reuse: 'allow' | 'forbid' | 'by-date';
  };
  /** Which parentheses Chinese text uses: half-width () as from 2018, full-width （）, or either as long as one style is kept. */
  parentheses: 'half-width' | 'full-width' | 'consistent';
  corpus: {
    /** Extra folders of clean .unres drafts (with a catalogue.json) to learn from, besides the bundled corpus. */
    folders: string[];
    /** Whether the bundled corpus is used. */
    useBundled: boolean;
  };
}

export const defaultSettings: DrafterSettings = {
  rules: {},
  footnotes: { reuse: 'by-date' },
  parentheses: 'consistent',
  corpus: { folders: [], useBundled: true },
};

/** Merges partial settings (from the editor or a config file) over the defaults. */
export function resolveSettings(partial: unknown): DrafterSettings {
  const p = (partial && typeof partial === 'object' ? partial : {}) as Partial<DrafterSettings> & Record<string, unknown>;
  const rules: Record<string, RuleSeverity> = {};
  const severities = new Set(['off', 'hint', 'info', 'warning', 'error']);
  if (p.rules && typeof p.rules === 'object') {
    for (const [id, sev] of Object.entries(p.rules)) if (typeof sev === 'string' && severities.has(sev)) rules[id] = sev as RuleSeverity;
  }
  const reuse = p.footnotes?.reuse;
  const parens = p.parentheses;
  const folders = Array.isArray(p.corpus?.folders) ? p.corpus.folders.filter((f): f is string => typeof f === 'string') : [];
  return {
    rules,
    footnotes: { reuse: reuse === 'allow' || reuse === 'forbid' || reuse === 'by-date' ? reuse : defaultSettings.footnotes.reuse },
    parentheses: parens === 'half-width' || parens === 'full-width' || parens === 'consistent' ? parens : defaultSettings.parentheses,
    corpus: { folders, useBundled: p.corpus?.useBundled !== false },
  };
}

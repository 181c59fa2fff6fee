/**
 * The drafter's settings, shared by the editor and the command line. This table is the single
 * source for the defaults; the client's package.json settings are checked against it.
 */
/** The severities a setting may give a rule, mildest first (`off` silences it). */
export const ruleSeverities = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type RuleSeverity = (typeof ruleSeverities)[number];

/** The footnote reuse policies (`footnotes.reuse`). */
export const footnoteReusePolicies = ['allow', 'forbid', 'by-date'] as const;
/** The parenthesis styles (`parentheses`). */
export const parenthesisStyles = ['half-width', 'full-width', 'consistent'] as const;

export interface DrafterSettings {
  /** Severity per rule id; rules not named keep their default. */
  rules: Record<string, RuleSeverity>;
  footnotes: {
    /**
     * Whether a footnote number may be used again for the same source. `by-date` follows the
     * document's era: allowed before 2019 (older practice), forbidden from 2019 on (current Manual).
     */
    reuse: (typeof footnoteReusePolicies)[number];
  };
  /** Which parentheses Chinese text uses: half-width () as from 2018, full-width （）, or either as long as one style is kept. */
  parentheses: (typeof parenthesisStyles)[number];
  /**
   * The most findings shown for one draft (errors first, then in the order of the text); one more
   * finding says how many are not shown. 0: no limit.
   */
  maxProblems: number;
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
  maxProblems: 1000,
  corpus: { folders: [], useBundled: true },
};

/** Merges partial settings (from the editor or a config file) over the defaults. */
export function resolveSettings(partial: unknown): DrafterSettings {
  const p = (partial && typeof partial === 'object' ? partial : {}) as Partial<DrafterSettings> & Record<string, unknown>;
  const rules: Record<string, RuleSeverity> = {};
  const severities = new Set<string>(ruleSeverities);
  if (p.rules && typeof p.rules === 'object') {
    for (const [id, sev] of Object.entries(p.rules)) if (typeof sev === 'string' && severities.has(sev)) rules[id] = sev as RuleSeverity;
  }
  const reuse = p.footnotes?.reuse;
  const parens = p.parentheses;
  const max = p.maxProblems;
  const maxProblems = typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : defaultSettings.maxProblems;
  const folders = Array.isArray(p.corpus?.folders) ? p.corpus.folders.filter((f): f is string => typeof f === 'string') : [];
  return {
    rules,
    footnotes: { reuse: footnoteReusePolicies.find((r) => r === reuse) ?? defaultSettings.footnotes.reuse },
    parentheses: parenthesisStyles.find((s) => s === parens) ?? defaultSettings.parentheses,
    maxProblems,
    corpus: { folders, useBundled: p.corpus?.useBundled !== false },
  };
}

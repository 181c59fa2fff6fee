/**
 * The skeleton of a new General Assembly resolution in Chinese, one line per entry. `{…}` marks a
 * placeholder the drafter fills in (a tab stop in the editor); the text inside is what stands
 * there until then. Filled with its placeholders as they are, the template lints clean.
 */
export const resolutionTemplate: readonly string[] = [
  '大 会',
  '第{XX}届会议',
  '议程项目 {XX}',
  '',
  'XX/XX. {决议标题}',
  '',
  '大会，',
  '',
  '{回顾}{……}，',
  '',
  '1. **{决定}**{……}。',
  '',
  '{XXXX} 年 {XX} 月 {XX} 日',
  '第 {XX} 次全体会议',
  '',
  '---',
  '',
];

/**
 * What stands in a draft until the drafter fills it in (the template's placeholders and the usual
 * hand-typed ones): runs of `X` (`XX/XX.`, `XXXX 年 XX 月 XX 日`, `第 XX 次`), runs of `_`
 * (`76/__.`), the ellipsis `……` after an opener or in a footnote (`³ ……。`). The published texts
 * use none of them. Each pattern is global; `what` names it in the finding.
 */
export const placeholderPatterns: readonly { pattern: RegExp; what: 'letters' | 'underscores' | 'ellipsis' }[] = [
  { pattern: /(?<![A-Za-z])X{2,}(?![A-Za-z])/g, what: 'letters' },
  { pattern: /_{2,}/g, what: 'underscores' },
  { pattern: /…+|\.{6,}/g, what: 'ellipsis' },
];

/** Placeholder words of the template that are a whole title line's text (`XX/XX. 决议标题`). */
export const placeholderTitles: readonly string[] = ['决议标题'];

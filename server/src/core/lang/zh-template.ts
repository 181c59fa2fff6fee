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
  '{回顾}……，',
  '',
  '1. **{决定}**……。',
  '',
  '{XXXX} 年 {XX} 月 {XX} 日',
  '第 {XX} 次全体会议',
  '',
  '---',
  '',
];

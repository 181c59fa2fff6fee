/**
 * What the comparison with an earlier resolution needs to know about Chinese: which openers recall
 * an earlier resolution, and how a drafter names the changes.
 */
export interface CompareTables {
  /** Preambular openers that recall earlier resolutions (`回顾其 2017 年 12 月 4 日第 72/50 号决议`), without 又/还. */
  recallOpeners: readonly string[];
  /** Written right after the opener when the resolutions are the organ's own (`回顾其…`). */
  ownMarker: string;
}

export const chineseCompare: CompareTables = {
  recallOpeners: ['回顾', '忆及'],
  ownMarker: '其',
};

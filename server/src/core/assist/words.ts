/**
 * Words the hovers and completion notes share, in the client's language: dates, places in a
 * document, counts. The Chinese forms come from the language tables (core/lang); the English ones
 * are written here.
 */
import { readPlace } from '../lang/zh-agreed';
import type { Locale } from '../rules/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date as the language writes it: `4 December 2017` or `2017 年 12 月 4 日` (anything else as it is). */
export function writtenDate(locale: Locale, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return iso;
  return locale === 'zh' ? `${year} 年 ${month} 月 ${day} 日` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** `1 document`, `2 documents`. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * A place in a corpus document (as the index names it, in Chinese: `序言部分第 3 段`) in the
 * language: `preambular paragraph 3`, `operative paragraph 5`, `paragraph 3 (b)`, `footnote 1`,
 * `part B, preambular paragraph 1`, `annex, paragraph 2`.
 */
export function placeName(locale: Locale, where: string): string {
  if (locale === 'zh') return where;
  const place = readPlace(where);
  if (!place) return where;
  const within = place.part !== undefined ? `part ${place.part}, ` : place.annex !== undefined ? `annex${place.annex ? ` ${ROMAN[place.annex] ?? place.annex}` : ''}, ` : '';
  switch (place.kind) {
    case 'preambular': return `${within}preambular paragraph ${place.number}`;
    case 'operative': return `${within}operative paragraph ${place.number}`;
    case 'numbered': return `${within}paragraph ${place.number}`;
    case 'subparagraph': return `${within}paragraph ${place.number} ${place.labels}`;
    case 'footnote': return `${within}footnote ${place.number}`;
  }
}

/** Annexes numbered 附件一, 附件二 … are annex I, annex II … in English. */
const ROMAN: Record<string, string> = { 一: 'I', 二: 'II', 三: 'III', 四: 'IV', 五: 'V', 六: 'VI', 七: 'VII', 八: 'VIII', 九: 'IX', 十: 'X' };

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `七十六` → 76, `一百零二` → 102, `十` → 10. NaN when the text is not a Chinese numeral. */
export function chineseNumeral(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in DIGITS) current = DIGITS[ch];
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    }
  }
  return total + current;
}

/** 76 → `七十六`, 102 → `一百零二`. */
export function toChineseNumeral(value: number): string {
  const d = '零一二三四五六七八九';
  if (value < 10) return d[value];
  if (value < 20) return '十' + (value % 10 ? d[value % 10] : '');
  if (value < 100) return d[Math.floor(value / 10)] + '十' + (value % 10 ? d[value % 10] : '');
  if (value < 1000) {
    const rest = value % 100;
    const head = d[Math.floor(value / 100)] + '百';
    if (rest === 0) return head;
    if (rest < 10) return head + '零' + d[rest];
    return head + (rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
  }
  return String(value);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** `iv` → 4; NaN when not a lower-case roman numeral. */
export function romanNumeral(text: string): number {
  if (!/^[ivxlc]+$/.test(text)) return NaN;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]];
    const next = ROMAN[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(value: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let v = value;
  for (const [n, s] of table) while (v >= n) { out += s; v -= n; }
  return out;
}

/** `a` → 1, `z` → 26, `aa` → 27 (the UN continues (z) with (aa)). */
export function latinLetterValue(text: string): number {
  if (!/^[a-z]+$/.test(text)) return NaN;
  if (text.length === 1) return text.charCodeAt(0) - 96;
  if (text.length === 2 && text[0] === text[1]) return 26 + text.charCodeAt(0) - 96;
  return NaN;
}

export function toLatinLetter(value: number): string {
  if (value <= 26) return String.fromCharCode(96 + value);
  const c = String.fromCharCode(96 + value - 26);
  return c + c;
}

/** ㈠ … ㈩ are U+3220–U+3229. */
export function circledValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 0x3220 && code <= 0x3229 ? code - 0x3220 + 1 : NaN;
}

export function toCircled(value: number): string {
  return value >= 1 && value <= 10 ? String.fromCharCode(0x3220 + value - 1) : `(${toChineseNumeral(value)})`;
}

/**
 * A number as the texts write it: ASCII digits (`1481`), Chinese digits one by one (`一四八一`,
 * `一九六六`, `二〇二三`) or a Chinese numeral (`二十九`, `十三`). NaN otherwise.
 */
export function writtenNumber(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(t)) return Number([...t].map((ch) => DIGITS[ch]).join(''));
  return chineseNumeral(t);
}

const UPPER_ROMAN: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 21 → `XXI`: the General Assembly's sessions before the 31st, as in `2159 (XXI)`. */
export function toUpperRoman(value: number): string {
  let out = '';
  let v = value;
  for (const [n, s] of UPPER_ROMAN) while (v >= n) { out += s; v -= n; }
  return out;
}

/** `XXI` → 21; NaN when not an upper-case roman numeral. */
export function upperRomanNumeral(text: string): number {
  return /^[IVXLC]+$/.test(text) ? romanNumeral(text.toLowerCase()) : NaN;
}

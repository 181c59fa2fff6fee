const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Matches a run of superscript digits. */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function isSuperscriptDigit(ch: string): boolean {
  return ch.length === 1 && SUPERSCRIPT_DIGITS.includes(ch);
}

/** `¹²` → 12. Returns NaN for text that is not all superscript digits. */
export function fromSuperscript(text: string): number {
  if (text.length === 0) return NaN;
  let value = 0;
  for (const ch of text) {
    const d = SUPERSCRIPT_DIGITS.indexOf(ch);
    if (d < 0) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/** 12 → `¹²`. */
export function toSuperscript(value: number): string {
  return String(Math.max(0, Math.floor(value)))
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join('');
}

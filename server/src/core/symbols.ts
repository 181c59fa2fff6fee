/** Analysis of a written document symbol: its normal form, what kind of document it names, and its faults. */
import type { DocumentKind } from './catalogue';

export type SymbolFault =
  | 'lower-case' // a/res/72/50
  | 'space-inside' // A/ RES/72/50
  | 'full-width' // A／76／444, A/C．1
  | 'trailing-stop' // A/76/444.
  | 'unknown-modifier' // /Add1, /Corr 1
  | 'impossible-session'; // A/99/1 when the 99th session is still to come

export interface SymbolAnalysis {
  written: string;
  /** The symbol as the UN writes it: `A/RES/72/50`, `S/RES/1540(2004)`, `NPT/CONF.2000/28(Part I)`. */
  normalized: string;
  faults: SymbolFault[];
  kind: DocumentKind;
  /** For `A/60/1002-S/2006/718`: both symbols. */
  joint: string[];
}

/** The latest General Assembly session that can be cited (the 81st opened in September 2026). */
export const LATEST_SESSION = 81;

export function analyzeSymbol(written: string, latestSession = LATEST_SESSION): SymbolAnalysis {
  const faults: SymbolFault[] = [];
  let s = written;
  if (/[／．（）]/.test(s)) faults.push('full-width');
  s = s.replace(/／/g, '/').replace(/．/g, '.').replace(/（/g, '(').replace(/）/g, ')');
  if (/\s\/|\/\s/.test(s)) faults.push('space-inside');
  s = s.replace(/\s*\/\s*/g, '/');
  if (/\.$/.test(s) && !/(?:Rev|Add|Corr|Amend|Vol)\.$/.test(s)) {
    faults.push('trailing-stop');
    s = s.replace(/\.$/, '');
  }
  const series = s.split('/')[0];
  if (/^[a-z]/.test(series)) {
    faults.push('lower-case');
    s = s.replace(/^[a-z]+/, (m) => m.toUpperCase()).replace(/\/res\//gi, '/RES/');
  }
  if (s.split('/').slice(1).some((seg) => /^(?:add|corr|rev|amend)\s?\d+$/i.test(seg) || /^(?:add|corr|rev|amend)\.\s\d+$/i.test(seg))) {
    faults.push('unknown-modifier');
  }
  // Normal spacing: S/RES/984 (1995) → S/RES/984(1995); (Vol. III) → (Vol.III).
  s = s.replace(/\s+\(/g, '(').replace(/\(Vol\.\s+/g, '(Vol.');
  const session = /^A\/(?:RES\/|C\.\d\/|INF\/)?(\d{1,3})\//.exec(s);
  if (session) {
    const n = Number(session[1]);
    if (n === 0 || n > latestSession) faults.push('impossible-session');
  }
  const joint = s.split(/-(?=[A-Z]{1,8}\/)/);
  return { written, normalized: s, faults, kind: symbolKind(s), joint };
}

export function symbolKind(symbol: string): DocumentKind {
  if (/\/RES\//.test(symbol)) return 'resolution';
  if (/\/DEC\//.test(symbol)) return 'decision';
  if (/\/WP\.\d/.test(symbol)) return 'working-paper';
  if (/\/L\.\d/.test(symbol)) return 'draft';
  if (/\/PV\.\d/.test(symbol)) return 'record';
  if (/^(?:NPT\/CONF|CTBT-Art|CD\/)/.test(symbol)) return 'conference-document';
  if (/^A\/\d+\/\d+/.test(symbol)) return 'report';
  return 'other';
}

/** The undocs.org address of a symbol: English by default, `ch` for the Chinese text. */
export function undocsUrl(symbol: string, language?: 'ch'): string {
  // A part written in Chinese, `(Parts I 和 II)`, is no part of the address: the document's own symbol is.
  const path = symbol.replace(/\s*\([^()]*[^\u0020-\u007e][^()]*\)/g, '').replace(/\s+/g, '');
  return `https://undocs.org/${language ? language + '/' : ''}${path}`;
}

import { analyzeSymbol, type SymbolFault } from '../symbols';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    'lower-case': (p) => `Document symbols are written in capitals: ${p.normalized}.`,
    'space-inside': (p) => `A document symbol has no spaces around its slashes: ${p.normalized}.`,
    'full-width': (p) => `A document symbol uses half-width “/”, “.” and “()”, not full-width ones: ${p.normalized}.`,
    'trailing-stop': (p) => `The full stop after ${p.normalized} is not part of the symbol.`,
    'unknown-modifier': (p) => `“${p.written}” has a modifier the UN does not use; write Add.1, Corr.1, Rev.1 or Amend.1.`,
    'impossible-session': (p) => `“${p.written}” names a General Assembly session that has not taken place (the latest is the ${p.latest}th).`,
    fixTitle: (p) => `Write ${p.normalized}`,
  },
  zh: {
    'lower-case': (p) => `文件编号应使用大写字母：${p.normalized}。`,
    'space-inside': (p) => `文件编号的斜线前后不加空格：${p.normalized}。`,
    'full-width': (p) => `文件编号应使用半角“/”“.”“()”，不用全角：${p.normalized}。`,
    'trailing-stop': (p) => `${p.normalized} 后面的句点不属于文件编号。`,
    'unknown-modifier': (p) => `“${p.written}”的后缀不合规范；应写作 Add.1、Corr.1、Rev.1 或 Amend.1。`,
    'impossible-session': (p) => `“${p.written}”所指的大会届会尚未举行(最近一届为第 ${p.latest} 届)。`,
    fixTitle: (p) => `改为 ${p.normalized}`,
  },
} satisfies Rule['messages'];

/** Faults the quick fix can mend by writing the normal form. */
const MENDABLE: SymbolFault[] = ['lower-case', 'space-inside', 'full-width', 'trailing-stop'];

/** The latest General Assembly session on a day: the nth session opens in September of 1945 + n. */
export function latestSession(today: Date): number {
  return today.getUTCFullYear() - 1945 - (today.getUTCMonth() < 8 ? 1 : 0);
}

/** A malformed document symbol: lower case, spaces, full-width characters, a stray stop, an unknown modifier, an impossible session. */
export const symbolFormat: Rule = {
  id: 'symbol-format',
  scope: 'paragraph',
  defaultSeverity: 'warning',
  description: 'A document symbol is malformed (case, spaces, full-width characters, stray stop, modifier, session).',
  messages,
  check({ model, today, say }) {
    const findings: RuleFinding[] = [];
    const latest = latestSession(today);
    for (const s of model.symbols) {
      const a = analyzeSymbol(s.text, latest);
      for (const fault of a.faults) {
        const params = { normalized: a.normalized, written: s.text, latest };
        findings.push({
          span: s.span,
          message: say(messages, fault, params),
          data: MENDABLE.includes(fault) ? { fix: 'replace', newText: a.normalized, title: say(messages, 'fixTitle', params) } : undefined,
        });
      }
    }
    return findings;
  },
};

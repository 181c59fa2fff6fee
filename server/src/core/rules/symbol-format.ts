import { chineseStructure } from '../lang/zh';
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
    'cited-by-symbol': (p) => `A ${p.what} is cited by its number, not its symbol: ${p.number}, not ${p.written}.`,
    resolution: () => 'resolution',
    decision: () => 'decision',
    numberFixTitle: (p) => `Write ${p.number}`,
  },
  zh: {
    'lower-case': (p) => `文件编号应使用大写字母：${p.normalized}。`,
    'space-inside': (p) => `文件编号的斜线前后不加空格：${p.normalized}。`,
    'full-width': (p) => `文件编号应使用半角“/”“.”“()”，不用全角：${p.normalized}。`,
    'trailing-stop': (p) => `${p.normalized} 后面的句点不属于文件编号。`,
    'unknown-modifier': (p) => `“${p.written}”的后缀不合规范；应写作 Add.1、Corr.1、Rev.1 或 Amend.1。`,
    'impossible-session': (p) => `“${p.written}”所指的大会届会尚未举行(最近一届为第 ${p.latest} 届)。`,
    fixTitle: (p) => `改为 ${p.normalized}`,
    'cited-by-symbol': (p) => `引用${p.what}时写其编号，不写文件编号：应为 ${p.number}，而非 ${p.written}。`,
    resolution: () => '决议',
    decision: () => '决定',
    numberFixTitle: (p) => `改为 ${p.number}`,
  },
} satisfies Rule['messages'];

/** Faults the quick fix can mend by writing the normal form. */
const MENDABLE: SymbolFault[] = ['lower-case', 'space-inside', 'full-width', 'trailing-stop'];

/** The latest General Assembly session on a day: the nth session opens in September of 1945 + n. */
export function latestSession(today: Date): number {
  return today.getUTCFullYear() - 1945 - (today.getUTCMonth() < 8 ? 1 : 0);
}

/**
 * The number a resolution or decision is cited by, from its symbol: A/RES/74/50 → 74/50,
 * S/RES/1540 (2004) → 1540(2004), E/DEC/2023/201 → 2023/201, A/HRC/RES/52/1 → 52/1; undefined
 * for a symbol of anything else.
 */
export function citedNumberOf(normalized: string): { number: string; decision: boolean } | undefined {
  const m = /^(?:A\/(?:HRC\/)?|S\/|E\/)(RES|DEC)\/(.+)$/.exec(normalized);
  if (!m) return undefined;
  return { number: m[2].replace(/\s+(?=\()/, ''), decision: m[1] === 'DEC' };
}

/** A malformed document symbol: lower case, spaces, full-width characters, a stray stop, an unknown modifier, an impossible session; a resolution cited by its symbol. */
export const symbolFormat: Rule = {
  id: 'symbol-format',
  scope: 'paragraph',
  defaultSeverity: 'warning',
  description: 'A document symbol is malformed (case, spaces, full-width characters, stray stop, modifier, session), or a resolution is cited by its symbol (第 A/RES/74/50 号决议).',
  messages,
  check({ model, today, say }) {
    const findings: RuleFinding[] = [];
    const latest = latestSession(today);
    const { before, after } = chineseStructure.citedNumber;
    for (const s of model.symbols) {
      const a = analyzeSymbol(s.text, latest);
      // 第 A/RES/74/50 号决议: a resolution is cited by its number (第 74/50 号决议), its symbol is
      // for documents. The fix writes the number: the faults of the symbol's form go with it.
      const cited = citedNumberOf(a.normalized);
      const citedBySymbol = cited !== undefined && before.test(model.text.slice(Math.max(0, s.span.start - 4), s.span.start)) && after.test(model.text.slice(s.span.end, s.span.end + 6));
      for (const fault of a.faults) {
        if (citedBySymbol && MENDABLE.includes(fault)) continue;
        const params = { normalized: a.normalized, written: s.text, latest };
        findings.push({
          span: s.span,
          message: say(messages, fault, params),
          data: MENDABLE.includes(fault) ? { fix: 'replace', newText: a.normalized, title: say(messages, 'fixTitle', params) } : undefined,
        });
      }
      if (cited && citedBySymbol) {
        const params = { number: cited.number, written: s.text, what: say(messages, cited.decision ? 'decision' : 'resolution') };
        findings.push({ span: s.span, message: say(messages, 'cited-by-symbol', params), data: { fix: 'replace', newText: cited.number, title: say(messages, 'numberFixTitle', params) } });
      }
    }
    return findings;
  },
};

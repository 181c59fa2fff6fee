import { chineseStructure } from '../lang/zh';
import { chineseNumeral, toChineseNumeral } from '../parse/numbers';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    wrong: (p) => `This places the item on the agenda of the ${p.namedEn} session, but a resolution of the ${p.ownEn} session places it on the next one, the ${p.expectedEn} (第${p.expectedZh}届会议).`,
    fixTitle: (p) => `Write 第${p.expectedZh}届会议`,
  },
  zh: {
    wrong: (p) => `此处将项目列入第${p.namedZh}届会议临时议程，但第${p.ownZh}届会议的决议应列入下一届，即第${p.expectedZh}届会议。`,
    fixTitle: (p) => `改为第${p.expectedZh}届会议`,
  },
} satisfies Rule['messages'];

/** 71 → `71st`, 77 → `77th`. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const AGENDA = /第([零〇一二三四五六七八九十百]+)届会议临时议程/g;

/**
 * The closing paragraph places the item on the provisional agenda of the resolution's own session
 * + 1. A General Assembly convention: the Security Council, ECOSOC (sessions are years) and the
 * Human Rights Council do not write it.
 */
export const agendaSession: Rule = {
  id: 'agenda-session',
  scope: 'paragraph',
  defaultSeverity: 'warning',
  description: 'The item is placed on the agenda of a session other than the next one.',
  messages,
  appliesTo: { organs: [chineseStructure.organ.ga], kinds: ['resolution'] },
  check({ model, say }) {
    const own = model.facts.session;
    if (!own || model.shape !== 'resolution') return [];
    const findings: RuleFinding[] = [];
    const expected = own + 1;
    for (const p of model.paragraphs) {
      if (p.part !== 'operative') continue;
      const body = model.text.slice(p.body.start, p.body.end);
      for (const m of body.matchAll(AGENDA)) {
        const named = chineseNumeral(m[1]);
        if (named === expected) continue;
        const start = p.body.start + (m.index ?? 0) + 1;
        const params = { namedEn: ordinal(named), ownEn: ordinal(own), expectedEn: ordinal(expected), namedZh: m[1], ownZh: toChineseNumeral(own), expectedZh: toChineseNumeral(expected) };
        findings.push({
          span: { start, end: start + m[1].length },
          message: say(messages, 'wrong', params),
          data: { fix: 'replace', newText: toChineseNumeral(expected), title: say(messages, 'fixTitle', params) },
        });
      }
    }
    return findings;
  },
};

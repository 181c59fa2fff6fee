/**
 * A draft made from A/RES/73/62 with known edits, as a delegation edits last year's text: one
 * preambular paragraph inserted, one moved, one operative paragraph reworded, one deleted (the
 * operative paragraphs after it renumbered), and the recalled resolution's date and number
 * changed. Tests check that compare and provenance name exactly these.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const EARLIER_FILE = resolve('corpus/A-RES-73-62.unres');
export const INSERTED = '欢迎太平洋岛屿国家为建立信任所作的各项新倡议，';
export const MOVED_START = '确认必须确保妇女和男子在裁军讨论中的公平代表和参与';
export const REWORDED_FROM = '充分执行';
export const REWORDED_TO = '全面、切实执行';
export const REWORDED_START = '在这方面重申核武器国家明确承诺';
export const DELETED_START = '强调对核武器的使用会造成人道主义后果的高度关切';
export const RECALL_BEFORE = '回顾其 2017 年 12 月 4 日第 72/50 号决议，';
export const RECALL_AFTER = '回顾其 2018 年 12 月 5 日第 73/62 号决议，';

export interface KnownEdits {
  earlier: string;
  draft: string;
  /** 0-based line in the earlier text / the draft of the paragraph starting with `start`. */
  earlierLine(start: string): number;
  draftLine(start: string): number;
}

function lineOf(text: string, start: string): number {
  const i = text.split('\n').findIndex((l) => l.replace(/^\d+\.\s*/, '').startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${start}`);
  return i;
}

export function knownEdits(): KnownEdits {
  const earlier = readFileSync(EARLIER_FILE, 'utf8');
  let lines = earlier.split('\n');
  const at = (start: string) => lines.findIndex((l) => l.replace(/^\d+\.\s*/, '').startsWith(start));
  // The recalled resolution: date and number changed (nothing else).
  lines[at(RECALL_BEFORE)] = RECALL_AFTER;
  // A new preambular paragraph after the third.
  const third = at('重申《不扩散核武器条约》');
  lines.splice(third + 1, 0, '', INSERTED);
  // The paragraph on women and men moved three paragraphs down (after the one on the DPRK).
  const moved = at(MOVED_START);
  const [movedLine] = lines.splice(moved, 2);
  const after = at('重申根据安全理事会决议致力于实现朝鲜');
  lines.splice(after + 1, 0, '', movedLine);
  // Operative paragraph 2 reworded.
  const reworded = at(REWORDED_START);
  lines[reworded] = lines[reworded].replace(REWORDED_FROM, REWORDED_TO);
  // Operative paragraph 7 deleted, and the ones after it renumbered.
  lines.splice(at(DELETED_START), 2);
  let n = 0;
  lines = lines.map((l) => (/^\d+\. /.test(l) ? l.replace(/^\d+/, String(++n)) : l));
  const draft = lines.join('\n');
  return { earlier, draft, earlierLine: (s) => lineOf(earlier, s), draftLine: (s) => lineOf(draft, s) };
}

// The hovers and completion notes follow the client's language: places named, not file lines;
// dates as the language writes them; counts in English words in an English UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { startServer } from './harness';

// A draft citing 74/50, which A/RES/76/54 recalls in its preamble.
const TEXT = ['76/55. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', '回顾其 2019 年 12 月 12 日第 74/50 号决议，', '', ''].join('\n');
const at = (needle: string, extra = 0): Position => {
  const i = TEXT.indexOf(needle) + extra;
  const lines = TEXT.slice(0, i).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
};

async function answers(locale: string | undefined) {
  const server = await startServer({ locale });
  try {
    const uri = await server.open('words.unres', TEXT);
    await server.diagnostics(uri);
    const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: at('74/50', 2) })) as Hover;
    const list = (await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 0 } })) as CompletionList;
    return { hover: (hover.contents as MarkupContent).value, details: list.items.map((i) => i.detail ?? '') };
  } finally {
    await server.stop();
  }
}

test('English UI: “Cited by A/RES/76/54, preambular paragraph N”, dates in words, opener notes in English', async () => {
  const { hover, details } = await answers('en');
  assert.match(hover, /Cited by \[?A\\\/RES\\\/76\\\/54\\, preambular paragraph \d+/, hover);
  assert.doesNotMatch(hover, /, line \d+/, hover);
  assert.match(hover, /Adopted 12 December 2019\./, hover);
  assert.ok(details.length > 0);
  for (const d of details) assert.match(d, /^preamble · \d+ uses?$/, d);
});

test('Chinese UI: “A/RES/76/54，序言部分第 N 段”, dates and notes in Chinese', async () => {
  const { hover, details } = await answers('zh-cn');
  assert.match(hover, /A\\\/RES\\\/76\\\/54，序言部分第 \d+ 段/, hover);
  assert.match(hover, /2019 年 12 月 12 日/, hover);
  for (const d of details) assert.match(d, /^序言部分 \d+ 次$/, d);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer } from './harness';

// A/RES/76/54 with paragraph 2 numbered 3, a preambular paragraph ending with ；, and the organ
// line again (a structure note of the parser's, not a rule's finding).
const DRAFT = [
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '',
  '大会，',
  '',
  '重申实现无核武器世界是国际社会的共同目标；',
  '',
  '大会，',
  '',
  '1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标；',
  '',
  '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。',
  '',
].join('\n');

// Chinese quoted in an English message (“…”, 《…》, or in parentheses: (大会，)) is a quotation.
const hasChinese = (s: string) => /[\u4e00-\u9fff]{2}/.test(s.replace(/“[^”]*”|《[^》]*》|\([^)]*\)/g, ''));

async function messagesFor(locale: string | undefined) {
  const server = await startServer({ locale });
  try {
    const uri = await server.open('locale.unres', DRAFT);
    const { diagnostics } = await server.diagnostics(uri);
    const numbering = diagnostics.find((d) => d.code === 'operative-numbering') as Diagnostic;
    assert.ok(numbering, 'operative-numbering is reported');
    const actions = (await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: numbering.range,
      context: { diagnostics: [numbering], only: ['quickfix'] },
    })) as CodeAction[];
    // The whole-draft renumberings (source actions) speak the same language.
    const source = (await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    // LSP 3.18 lets a message be Markdown; this server sends plain strings.
    return { diagnostics: diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value)), fixes: [...actions, ...source].map((a) => a.title) };
  } finally {
    await server.stop();
  }
}

test('a Chinese display language (zh-cn) gets Chinese messages and quick-fix titles', async () => {
  const zh = await messagesFor('zh-cn');
  assert.ok(zh.diagnostics.length >= 3);
  assert.ok(zh.diagnostics.includes('机构行（大会，）出现了不止一次。'), zh.diagnostics.join('\n'));
  for (const m of zh.diagnostics) assert.ok(hasChinese(m), m);
  assert.ok(zh.fixes.length > 0);
  for (const f of zh.fixes) assert.ok(hasChinese(f), f);
});

test('English (en, or no locale) keeps English messages', async () => {
  for (const locale of ['en', undefined]) {
    const en = await messagesFor(locale);
    assert.ok(en.diagnostics.length >= 2);
    for (const m of en.diagnostics) assert.ok(!hasChinese(m), m);
    for (const f of en.fixes) assert.ok(!hasChinese(f), f);
  }
});

test('zh-tw also counts as Chinese; the same findings in either language', async () => {
  const [tw, en] = [await messagesFor('zh-tw'), await messagesFor('en')];
  assert.equal(tw.diagnostics.length, en.diagnostics.length);
  for (const m of tw.diagnostics) assert.ok(hasChinese(m), m);
});

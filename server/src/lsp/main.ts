import {
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type RequestMessage,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, type Feature } from './context';
import { codeActionsFeature } from './features/code-actions';
import { diagnosticsFeature } from './features/diagnostics';
import { outlineFeature } from './features/outline';
import { foldingFeature } from './features/folding';
import { definitionFeature } from './features/definition';
import { renameFeature } from './features/rename';
import { linksFeature } from './features/links';
import { insertFootnoteFeature } from './features/insertFootnote';
import { onTypeFormattingFeature } from './features/onTypeFormatting';
import { ingestFeature } from './features/ingest';
import { completionFeature } from './features/completion';
import { hoverFeature } from './features/hover';
import { agreedLanguageIndexFeature } from './features/agreed-index';
import { inlineCompletionFeature } from './features/inline-completion';
import { remoteCorpusFeature } from './features/remote-corpus';
import { remoteProvenanceFeature } from './features/remote-provenance';
import { provenanceFeature } from './features/provenance';
import { wordDocumentsFeature } from './features/word-documents';
import { corpusWatchFeature } from './features/corpus-watch';

/** Every feature the server offers; each adds its capabilities and handlers. */
const features: Feature[] = [
  diagnosticsFeature,
  outlineFeature,
  foldingFeature,
  definitionFeature,
  renameFeature,
  linksFeature,
  insertFootnoteFeature,
  onTypeFormattingFeature,
  codeActionsFeature,
  ingestFeature,
  completionFeature,
  hoverFeature,
  agreedLanguageIndexFeature,
  inlineCompletionFeature,
  remoteCorpusFeature,
  remoteProvenanceFeature,
  provenanceFeature,
  wordDocumentsFeature,
  corpusWatchFeature,
];

// A request cancelled while it still waits its turn is answered RequestCancelled without running it.
const connection = createConnection(ProposedFeatures.all, {
  cancelUndispatched: (message) => {
    const request = message as RequestMessage;
    return { jsonrpc: '2.0', id: request.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${request.method}: cancelled` } };
  },
});
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents);

connection.onInitialize((params): InitializeResult => {
  ctx.initializeParams = params;
  ctx.supportsConfiguration = !!params.capabilities.workspace?.configuration;
  let capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  const commands: string[] = [];
  for (const f of features) {
    if (!f.capabilities) continue;
    const added = f.capabilities(params);
    commands.push(...(added.executeCommandProvider?.commands ?? []));
    capabilities = { ...capabilities, ...added };
  }
  // Several features may add commands: list them all.
  if (commands.length > 0) capabilities.executeCommandProvider = { commands };
  return { capabilities, serverInfo: { name: 'resolution-drafter', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (ctx.supportsConfiguration && ctx.initializeParams?.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'resolutionDrafter' });
  }
  for (const f of features) f.initialized?.(ctx);
});
connection.onDidChangeConfiguration(() => ctx.settingsChanged());
connection.onShutdown(() => {
  for (const f of features) ctx.safely(`${f.name} shutdown`, undefined, () => f.shutdown?.(ctx));
});

for (const f of features) f.register(ctx);

documents.listen(connection);
connection.listen();

import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, type Feature } from './context';
import { diagnosticsFeature } from './features/diagnostics';
import { outlineFeature } from './features/outline';
import { foldingFeature } from './features/folding';
import { definitionFeature } from './features/definition';
import { renameFeature } from './features/rename';
import { linksFeature } from './features/links';
import { insertFootnoteFeature } from './features/insertFootnote';
import { onTypeFormattingFeature } from './features/onTypeFormatting';

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
];

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents);

connection.onInitialize((params): InitializeResult => {
  ctx.initializeParams = params;
  ctx.supportsConfiguration = !!params.capabilities.workspace?.configuration;
  let capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const f of features) {
    if (!f.capabilities) continue;
    const added = f.capabilities(params);
    // Several features implement commands: their lists are joined, not overwritten.
    const commands = [...(capabilities.executeCommandProvider?.commands ?? []), ...(added.executeCommandProvider?.commands ?? [])];
    capabilities = { ...capabilities, ...added };
    if (commands.length > 0) capabilities.executeCommandProvider = { ...capabilities.executeCommandProvider, commands };
  }
  return { capabilities, serverInfo: { name: 'resolution-drafter', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (ctx.supportsConfiguration && ctx.initializeParams?.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'resolutionDrafter' });
  }
});
connection.onDidChangeConfiguration(() => ctx.settingsChanged());

for (const f of features) f.register(ctx);
connection.onExecuteCommand(async (params) => {
  const handler = ctx.commands.get(params.command);
  if (!handler) {
    connection.console.warn(`unknown command ${params.command}`);
    return null;
  }
  try {
    return (await handler(params.arguments ?? [])) ?? null;
  } catch (err) {
    // A command that fails answers with its reason; the server goes on.
    const message = err instanceof Error ? err.message : String(err);
    connection.console.error(`${params.command} failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    return new ResponseError(ErrorCodes.InvalidParams, message);
  }
});

documents.listen(connection);
connection.listen();

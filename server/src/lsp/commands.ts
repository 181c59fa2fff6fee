import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerContext } from './context';

type Handler = (args: unknown[]) => Promise<unknown> | unknown;

const registries = new WeakMap<ServerContext, Map<string, Handler>>();

/**
 * Registers a `workspace/executeCommand` command. The connection takes a single handler, so the
 * features share this one dispatcher; each feature also lists its commands under
 * `executeCommandProvider` (main.ts merges the lists).
 */
export function registerServerCommand(ctx: ServerContext, command: string, handler: Handler): void {
  let registry = registries.get(ctx);
  if (!registry) {
    const map = new Map<string, Handler>();
    registries.set(ctx, map);
    registry = map;
    ctx.connection.onExecuteCommand((params: ExecuteCommandParams) =>
      ctx.safelyAsync(`command ${params.command}`, null as unknown, async () => {
        const h = map.get(params.command);
        if (!h) throw new Error(`unknown command ${params.command}`);
        return (await h(params.arguments ?? [])) ?? null;
      }),
    );
  }
  registry.set(command, handler);
}

import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerContext } from './context';

type Handler = (args: unknown[]) => Promise<unknown> | unknown;

/** What a command throws when its arguments are wrong: the client gets InvalidParams with this message. */
export function invalidArguments(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

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
    ctx.connection.onExecuteCommand((params: ExecuteCommandParams | null) => {
      if (!params || typeof params.command !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'workspace/executeCommand needs params { command, arguments? }');
      const h = map.get(params.command);
      // An unknown command is an error, not an empty answer.
      if (!h) return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}; this server has ${[...map.keys()].join(', ')}`);
      if (params.arguments !== undefined && !Array.isArray(params.arguments)) return new ResponseError(ErrorCodes.InvalidParams, `${params.command}: arguments must be a list`);
      return ctx.safelyAsync(`command ${params.command}`, new ResponseError(ErrorCodes.InternalError, `${params.command} failed; see the server log`) as unknown, async () => (await h(params.arguments ?? [])) ?? null);
    });
  }
  registry.set(command, handler);
}

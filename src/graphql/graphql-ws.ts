/**
 * graphql-ws on the yoga handler: every operation over a WebSocket runs through yoga's envelop (the same
 * context, auth and error masking as HTTP), so the transports differ only in framing.
 */
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import { createMaskError } from './errors.js';
import type { GraphQLHandler } from './yoga.js';

type Enveloped = ReturnType<GraphQLHandler['getEnveloped']>;

export interface Disposable {
  dispose(): void | Promise<void>;
}

/** The graphql-ws payload's `extensions.headers`: where GraphiQL puts its header editor's content. */
function headersOf(extensions: Readonly<Record<string, unknown>> | null | undefined): Record<string, unknown> {
  const headers = extensions?.['headers'];
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : {};
}

export function serveGraphQLOverWebSocket(wss: WebSocketServer, yoga: GraphQLHandler, logger: Logger): Disposable {
  const maskError = createMaskError(logger);
  // graphql-ws hands the args returned by onSubscribe back to execute/subscribe: remember which
  // enveloped functions belong to them.
  const envelopedOf = new WeakMap<ExecutionArgs, Enveloped>();
  const envelopedFor = (args: ExecutionArgs): Enveloped => {
    const enveloped = envelopedOf.get(args);
    if (!enveloped) throw new Error('graphql-ws operation without its envelop');
    return enveloped;
  };

  return useServer(
    {
      execute: (args) => envelopedFor(args).execute(args),
      subscribe: (args) => envelopedFor(args).subscribe(args),
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        // Credentials from the connection, or (GraphiQL) from the operation's headers.
        const connectionParams = { ...headersOf(payload.extensions), ...ctx.connectionParams };
        const enveloped = yoga.getEnveloped({ connectionParams, params: payload });
        try {
          const document = enveloped.parse(payload.query);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          const args: ExecutionArgs = {
            schema: enveloped.schema,
            document,
            operationName: payload.operationName ?? null,
            variableValues: payload.variables ?? null,
            contextValue: await enveloped.contextFactory(),
          };
          envelopedOf.set(args, enveloped);
          return args;
        } catch (error) {
          // Syntax errors and UNAUTHENTICATED pass through unchanged; anything else is masked.
          return [maskError(error, 'Unexpected error') as GraphQLError];
        }
      },
      // Errors graphql-ws raises itself (e.g. a stream that throws) would otherwise reach the client raw.
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => (maskError(error, 'Unexpected error') as GraphQLError).toJSON()),
      // Close reasons never carry error messages.
      isProd: true,
    },
    wss,
  );
}

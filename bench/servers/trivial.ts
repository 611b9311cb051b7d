/**
 * The accept-rate yardstick: the same stack as the service (node:http, graphql-yoga 5 with the same
 * options, a Pothos schema, pino) with one trivial mutation. createReport is compared with it in the
 * same run, so the ratio says what our mutation costs beyond the framework.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SchemaBuilder from '@pothos/core';
import { createYoga } from 'graphql-yoga';
import { createMaskError } from '../../src/graphql/errors.js';
import { yogaStackOptions } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';

const logger = createLogger('info');
const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({ defaultFieldNullability: false });
builder.queryType({ fields: (t) => ({ health: t.string({ resolve: () => 'OK' }) }) });
builder.mutationType({
  fields: (t) => ({
    ping: t.string({ args: { note: t.arg.string() }, resolve: (_root, { note }) => note ?? 'pong' }),
  }),
});

const yoga = createYoga({
  schema: builder.toSchema(),
  graphqlEndpoint: '/graphql',
  maskedErrors: { maskError: createMaskError(logger) },
  landingPage: false,
  graphiql: false,
  ...yogaStackOptions(),
});
const server = createServer((req, res) => void yoga(req, res));
await new Promise<void>((resolve) => server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
logger.info(`trivial mutation server listening on http://127.0.0.1:${port}/graphql`);
process.on('SIGTERM', () => process.exit(0));

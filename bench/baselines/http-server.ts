/**
 * What both baselines share: the seed's API as a small yoga schema (one mutation that answers with the
 * finished analysis, since the seed's client waits on its HTTP request), served by node:http like ours.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';

export interface BaselineReport {
  id: string;
  status: 'COMPLETED' | 'TIMED_OUT' | 'FAILED';
  error: string | null;
  result: unknown;
}

export interface BaselineResolvers {
  createReport(input: unknown): Promise<BaselineReport>;
  report(id: string): Promise<BaselineReport | null>;
}

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literal(field.value)]));
    default:
      return null;
  }
}

/** Any JSON value: the seed's endpoint took and returned dicts. */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});

const typeDefs = /* GraphQL */ `
  scalar JSON
  type Health { status: String! }
  type BaselineReport { id: ID! status: String! error: String result: JSON }
  type Query { health: Health! report(id: ID!): BaselineReport }
  type Mutation { createReport(input: JSON!): BaselineReport! }
`;

/** Listens on PORT (0: any) at 127.0.0.1 and prints the line the harness waits for. */
export async function serveBaseline(name: string, resolvers: BaselineResolvers): Promise<void> {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs,
      resolvers: {
        JSON: JSONScalar,
        Query: {
          health: () => ({ status: 'OK' }),
          report: (_root: unknown, { id }: { id: string }) => resolvers.report(id),
        },
        Mutation: {
          createReport: (_root: unknown, { input }: { input: unknown }) => resolvers.createReport(input),
        },
      },
    }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: 'warn',
  });
  const server = createServer((req, res) => void yoga(req, res));
  await new Promise<void>((resolve) => server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`${name} listening on http://127.0.0.1:${port}/graphql`);
  // The seed had no graceful shutdown; the bench only needs the process gone.
  process.on('SIGTERM', () => process.exit(0));
}

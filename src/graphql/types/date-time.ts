/**
 * DateTime: the domain keeps epoch milliseconds (plain, serialisable numbers); clients see ISO 8601.
 */
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

function parseIso(value: unknown): number {
  const millis = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) throw new GraphQLError('DateTime must be an ISO 8601 string such as 2030-01-01T00:00:00Z');
  return millis;
}

export const DateTime = builder.scalarType('DateTime', {
  description: 'A point in time as an ISO 8601 string in UTC, e.g. `2030-01-01T00:00:00.000Z`.',
  serialize: (millis) => new Date(millis).toISOString(),
  parseValue: parseIso,
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : undefined),
});

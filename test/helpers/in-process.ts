/** The GraphQL handler alone, called through `yoga.fetch`: no port, no sockets. */
import type { ApiKey } from '../../src/config.js';
import { createGraphQLHandler } from '../../src/graphql/yoga.js';
import type { Logger } from '../../src/logger.js';
import type { ReportService } from '../../src/reports/index.js';
import type { Fetcher } from './graphql.js';
import { silentLogger } from './services.js';

export function inProcess(service: ReportService, options: { apiKeys?: ApiKey[]; logger?: Logger } = {}): { fetcher: Fetcher } {
  const yoga = createGraphQLHandler({ service, logger: options.logger ?? silentLogger, apiKeys: options.apiKeys ?? [] });
  return { fetcher: { fetch: (input, init) => yoga.fetch(input, init ?? {}) } };
}

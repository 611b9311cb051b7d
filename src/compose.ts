/**
 * The report service as the configuration describes it: the one composition that `npm start` runs and
 * the benchmark's server reuses, so what is measured is what ships.
 */
import { createOpenAiNarrator } from './analysis/narrative/index.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createReportService } from './reports/index.js';
import type { ReportService, ReportServiceOptions } from './reports/index.js';

/** `seams` replaces parts for measurement or tests (a pool, a worker file). */
export function createServiceFromConfig(
  config: Config,
  logger: Logger,
  seams: Pick<ReportServiceOptions, 'pool' | 'workerFile'> = {},
): { service: ReportService; narrative: 'llm' | 'template' } {
  const narrator = createOpenAiNarrator({
    apiKey: config.openai.apiKey,
    baseURL: config.openai.baseUrl,
    model: config.openai.model,
  });
  const service = createReportService({
    logger: logger.child({ component: 'reports' }),
    workers: config.workers,
    maxQueue: config.maxQueue,
    defaultTimeoutSeconds: config.reportTimeoutSeconds,
    maxTimeoutSeconds: config.maxTimeoutSeconds,
    llmConcurrency: config.llmConcurrency,
    resultTtlSeconds: config.resultTtlSeconds,
    maxStoredReports: config.maxStoredReports,
    ...(narrator ? { narrator } : {}),
    ...seams,
  });
  return { service, narrative: narrator ? 'llm' : 'template' };
}

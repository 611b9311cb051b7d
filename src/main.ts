/**
 * Start-up and graceful shutdown: `npm start`.
 *
 * Start: read the configuration, compose the report service (src/compose.ts), listen. Any failure stops
 * the process with a non-zero code and one clear line.
 * Shutdown (SIGTERM/SIGINT): refuse new connections, let the service finish or interrupt its reports
 * within the grace period (subscribers hear the final events), close the remaining sockets, exit 0.
 */
import { createServiceFromConfig } from './compose.js';
import { ConfigError, loadConfig } from './config.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import type { Logger } from './logger.js';
import type { ReportService } from './reports/index.js';
import { buildApp } from './server.js';
import type { App } from './server.js';

/** Exit codes: 0 clean shutdown, 1 failure at start or during shutdown, 2 bad configuration. */
const EXIT_FAILURE = 1;
const EXIT_BAD_CONFIG = 2;

/** Extra time past the grace period before a stuck shutdown is abandoned. */
const SHUTDOWN_SLACK_MS = 5_000;

class StartError extends Error {
  override readonly name = 'StartError';
}

function checkSupported(config: Config): void {
  if (config.redisUrl !== undefined) {
    throw new StartError(
      'REDIS_URL is set, but the distributed (Redis) mode is not supported yet; unset REDIS_URL to run in embedded mode',
    );
  }
}

function installShutdown(app: App, service: ReportService, config: Config, logger: Logger): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown: exiting now');
      process.exit(EXIT_FAILURE);
    }
    stopping = true;
    const graceMs = config.shutdownGraceSeconds * 1000;
    logger.info({ signal, graceMs }, 'shutting down: no new connections, finishing reports');
    const abandon = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(EXIT_FAILURE);
    }, graceMs + SHUTDOWN_SLACK_MS);
    abandon.unref();
    try {
      app.stopAccepting();
      await service.close({ graceMs });
      await app.stop();
      logger.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(EXIT_FAILURE);
    }
  };
  // `on`, not `once`: a second signal must reach the handler (which then exits at once).
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_BAD_CONFIG);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let service: ReportService | undefined;
  try {
    checkSupported(config);
    const composed = createServiceFromConfig(config, logger);
    service = composed.service;
    const app = buildApp({ service, config, logger });
    const { url } = await app.start();
    installShutdown(app, service, config, logger);
    const dashboard = new URL('/', url).href;
    logger.info(
      {
        url,
        dashboard,
        workers: config.workers,
        narrative: composed.narrative,
        auth: config.apiKeys.length > 0 ? 'api-keys' : 'open',
      },
      `Climate Risk Reports listening on ${url} (dashboard: ${dashboard})`,
    );
  } catch (error) {
    const message = error instanceof StartError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
    logger.fatal({ err: error instanceof StartError ? undefined : error }, message);
    await service?.close({ graceMs: 0 }).catch(() => undefined);
    process.exit(EXIT_FAILURE);
  }
}

await main();

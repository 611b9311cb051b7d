/**
 * Report services for edge tests: the same builders the lifecycle tests use, over a hand-driven pool
 * (deterministic, no threads) or over real threads running the scripted fixture worker.
 */
export { SCRIPTED_WORKER, manualService, silentLogger, threadedService } from '../reports/helpers/service.js';

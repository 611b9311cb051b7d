/** The report lifecycle's public face: what the GraphQL edge and main.ts import. */
export { createReportService, ReportService } from './service.js';
export type { CreateReportRequest, ListReportsOptions, ReportPage, ServiceHealth } from './service.js';
export type { ReportServiceOptions } from './options.js';
export { ServiceError, SERVICE_ERROR_CODES } from './errors.js';
export type { ServiceErrorCode } from './errors.js';
export type { Clock } from './clock.js';
export * from './report.js';

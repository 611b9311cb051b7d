/** The stored report as a document: its subject and its analysis, once it has one. */
import type { Report } from '../reports/index.js';
import type { ReportDocument } from './shapes.js';

/** null unless the report is COMPLETED with a result. */
export function documentOf(report: Report): ReportDocument | null {
  if (report.status !== 'COMPLETED' || report.result === null) return null;
  const { input } = report;
  return {
    subject: {
      id: report.id,
      language: input.language,
      finishedAt: report.finishedAt,
      location: input.location,
      building: input.building,
      asset: input.asset,
    },
    analysis: report.result,
  };
}

/**
 * The executable schema: importing each type file registers its types and root fields on the builder.
 */
import { builder } from './builder.js';
import './types/date-time.js';
import './types/analysis-enums.js';
import './types/scenario-result.js';
import './types/risk-analysis.js';
import './types/report-input.js';
import './types/report.js';
import './types/report-event.js';
import './types/health.js';

export const schema = builder.toSchema();

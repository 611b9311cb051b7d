/**
 * Report: one requested analysis and where it is in its lifecycle; the queries and mutations that
 * return reports live here too.
 */
import { REPORT_STATUSES } from '../../reports/report.js';
import type { Progress as ProgressShape, Report as ReportShape, ReportError as ReportErrorShape } from '../../reports/report.js';
import { builder } from '../builder.js';
import { badUserInput, translated } from '../errors.js';
import { RiskAnalysis } from './risk-analysis.js';
import { CreateReportInput, ReportInput, withoutNulls } from './report-input.js';
import type { ReportInputShape } from './report-input.js';

export const ReportStatus = builder.enumType('ReportStatus', {
  description:
    'Where a report is: QUEUED → RUNNING → COMPLETED, or FAILED, TIMED_OUT or CANCELLED. The last four are final.',
  values: REPORT_STATUSES,
});

export const Progress = builder.objectRef<ProgressShape>('Progress').implement({
  description: 'How far a running report has come.',
  fields: (t) => ({
    stage: t.exposeString('stage', { description: 'Stage of the analysis, e.g. `simulation` or `narrative`.' }),
    percent: t.exposeFloat('percent', { description: '0 to 100.' }),
  }),
});

export const ReportError = builder.objectRef<ReportErrorShape>('ReportError').implement({
  description: 'Why a report did not complete.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'ANALYZER_ERROR, WORKER_CRASHED, LLM_UNAVAILABLE, TIMED_OUT, CANCELLED or INTERRUPTED.',
    }),
    message: t.exposeString('message', { description: 'What happened, for people.' }),
  }),
});

function storedInput(report: ReportShape): ReportInputShape {
  const timeoutSeconds = Math.round((report.deadline - report.createdAt) / 1000);
  return { ...report.input, params: { ...report.input.params, timeoutSeconds } };
}

export const Report = builder.objectRef<ReportShape>('Report').implement({
  description: 'A climate-risk report: created at once, analysed in the background, final once it leaves RUNNING.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Random and unguessable.' }),
    status: t.expose('status', { type: ReportStatus, description: 'Where the report is in its lifecycle.' }),
    version: t.exposeInt('version', { description: 'Grows by one with every change; events carry it, so stale ones can be dropped.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When createReport accepted it.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When a worker took it; null until RUNNING.' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it reached a final status.' }),
    deadline: t.expose('deadline', {
      type: 'DateTime',
      description: 'createdAt + timeout: the latest time the report reaches a final status.',
    }),
    queuePosition: t.int({
      nullable: true,
      description: 'Place in the queue (1: next to start); null unless QUEUED.',
      resolve: (report, _args, { service }) => (report.status === 'QUEUED' ? service.queuePosition(report.id) : null),
    }),
    progress: t.expose('progress', { type: Progress, nullable: true, description: 'null until the analysis starts.' }),
    input: t.field({ type: ReportInput, description: 'What was asked, defaults filled in.', resolve: storedInput }),
    result: t.expose('result', { type: RiskAnalysis, nullable: true, description: 'The analysis, once COMPLETED.' }),
    error: t.expose('error', { type: ReportError, nullable: true, description: 'Why, once FAILED, TIMED_OUT or CANCELLED.' }),
  }),
});

const ReportConnection = builder.connectionObject(
  { type: Report, name: 'ReportConnection', description: 'A page of reports, newest first.' },
  { name: 'ReportEdge' },
);

const MAX_PAGE = 100;

builder.queryFields((t) => ({
  report: t.field({
    type: Report,
    nullable: true,
    description: 'A report of the caller; null when it does not exist, expired, or belongs to another tenant.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { service, tenant }) => translated(() => service.get(tenant, String(id))),
  }),
  reports: t.field({
    type: ReportConnection,
    description: `The caller's reports, newest first, at most ${MAX_PAGE} per page.`,
    args: {
      first: t.arg.int({ defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE}.` }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
      status: t.arg({ type: [ReportStatus], description: 'Only reports in one of these statuses.' }),
    },
    resolve: async (_root, args, { service, tenant }) => {
      const first = args.first ?? 20; // an explicit null skips the argument default
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
        throw badUserInput([{ path: 'first', message: `first must be between 1 and ${MAX_PAGE}` }]);
      }
      const page = await translated(() =>
        service.list(tenant, { first, after: args.after ?? undefined, status: args.status ?? undefined }),
      );
      const edges = page.reports.map((report) => ({ cursor: page.cursorOf(report), node: report }));
      return {
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: args.after !== null && args.after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  createReport: t.field({
    type: Report,
    description:
      'Queues a report and returns it at once (status QUEUED); follow it with the reportEvents subscription. ' +
      'Errors: BAD_USER_INPUT (extensions.issues names each field), QUEUE_FULL, SHUTTING_DOWN.',
    args: { input: t.arg({ type: CreateReportInput, required: true }) },
    resolve: (_root, { input }, { service, tenant }) => {
      const { idempotencyKey, params, ...analysis } = withoutNulls(input);
      const { timeoutSeconds, ...analysisParams } = params ?? {};
      return translated(() =>
        service.create(tenant, {
          input: params === undefined ? analysis : { ...analysis, params: analysisParams },
          timeoutSeconds,
          idempotencyKey,
        }),
      );
    },
  }),
  cancelReport: t.field({
    type: Report,
    description: 'Cancels a QUEUED or RUNNING report. Errors: NOT_FOUND, INVALID_STATE (already final).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { service, tenant }) => translated(() => service.cancel(tenant, String(id))),
  }),
}));

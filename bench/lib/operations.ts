/**
 * The GraphQL operations the bench sends, and the analysis inputs. Ours and the baselines take the same
 * analysis input; the baselines' schema is the seed's (one mutation that answers with the result).
 */

export interface InputOptions {
  /** Monte-Carlo years (1,000 … 10,000,000): the CPU part's size. */
  years: number;
  narrative?: boolean;
  /** Our service only: the report's deadline in seconds. */
  timeoutSeconds?: number;
  /** Spreads inputs over sites (same work, different figures). */
  variant?: number;
  /** Rides in building.name: the bench's probe worker reads it (bench/servers/probe-worker.ts). */
  name?: string;
}

/** The analysis input (seed order: location, building, asset, params, language). */
export function analysisInput(options: InputOptions): Record<string, unknown> {
  const variant = options.variant ?? 0;
  return {
    location: { latitude: 35.1566 + (variant % 100) * 0.001, longitude: 129.145, elevationM: 3, distanceToCoastKm: 0.1 },
    building: { name: options.name ?? `bench ${variant}`, occupancy: 'COMMERCIAL', floorsAboveGround: 12 },
    asset: { value: 50_000_000_000, currency: 'KRW' },
    params: { simulationYears: options.years, includeNarrative: options.narrative ?? false },
    language: 'EN',
  };
}

/** Our CreateReportInput: the analysis input plus the deadline. */
export function reportInput(options: InputOptions): Record<string, unknown> {
  const input = analysisInput(options);
  const params = input['params'] as Record<string, unknown>;
  if (options.timeoutSeconds !== undefined) params['timeoutSeconds'] = options.timeoutSeconds;
  return input;
}

export const CREATE_REPORT = /* GraphQL */ `mutation CreateReport($input: CreateReportInput!) {
  createReport(input: $input) { id status createdAt deadline queuePosition }
}`;

export const HEALTH = /* GraphQL */ `query Health { health { status queueDepth running workers } }`;

export const REPORT = /* GraphQL */ `query Report($id: ID!) {
  report(id: $id) { id status version progress { stage percent } }
}`;

/** What a client of a finished report typically reads: the grades and losses, not every hazard. */
const EVENT_FIELDS = /* GraphQL */ `type version at
  report {
    id status startedAt finishedAt deadline
    error { code }
    result {
      dataQuality { proxies }
      scenarios { scenario horizon total { grade ealAmount loss100Amount } }
      narrative { source summary }
    }
  }`;

export const REPORT_EVENTS = `subscription ReportEvents($id: ID!) { reportEvents(id: $id) { ${EVENT_FIELDS} } }`;

/** What a client following a report's status reads (it fetches the result with a query when it wants it). */
const STATUS_FIELDS = /* GraphQL */ `type version at report { id status startedAt finishedAt deadline error { code } }`;

export const REPORT_STATUS_EVENTS = `subscription ReportStatus($id: ID!) { reportEvents(id: $id) { ${STATUS_FIELDS} } }`;

export const REPORT_FEED = `subscription ReportFeed($status: [ReportStatus!]) { reportFeed(status: $status) { ${EVENT_FIELDS} } }`;

export const FINAL_STATUSES = ['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED'] as const;

/** The baselines' mutation (bench/baselines/schema.ts): the request stays open until the result. */
export const BASELINE_CREATE_REPORT = /* GraphQL */ `mutation CreateReport($input: JSON!) {
  createReport(input: $input) { id status error result }
}`;

export const BASELINE_HEALTH = /* GraphQL */ `query Health { health { status } }`;

export const BASELINE_REPORT = /* GraphQL */ `query Report($id: ID!) { report(id: $id) { id status } }`;

/** The trivial mutation of bench/servers/trivial.ts. */
export const TRIVIAL_MUTATION = /* GraphQL */ `mutation Ping($note: String) { ping(note: $note) }`;

export function body(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

export interface EventShape {
  type: string;
  version: number;
  at: string;
  report: {
    id: string;
    status: string;
    startedAt: string | null;
    finishedAt: string | null;
    deadline: string;
    error: { code: string } | null;
    result: { dataQuality: { proxies: string[] }; narrative: { source: string } | null } | null;
  };
}

/**
 * Carries committed report events to subscribers: per report and per tenant. Implementations:
 * memory/event-bus.ts now; a Redis one later (same EventTarget contract, via
 * @graphql-yoga/redis-event-target).
 */
import type { ReportEvent } from './report.js';

export type ReportEventListener = (event: ReportEvent) => void;
export type Unsubscribe = () => void;

export interface EventBus {
  /** Delivers to the report's subscribers and to its tenant's feed subscribers. */
  publish(event: ReportEvent): void;
  subscribeReport(id: string, listener: ReportEventListener): Unsubscribe;
  subscribeTenant(tenant: string, listener: ReportEventListener): Unsubscribe;
  /** Listeners attached now; tests check that disconnecting subscribers leaves none behind. */
  listenerCount(): number;
}

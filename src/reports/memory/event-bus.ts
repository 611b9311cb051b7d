/**
 * The embedded event bus over an EventTarget, with the topic and payload conventions of graphql-yoga's
 * pub/sub (`report:<id>`, `tenant:<tenant>`, the event in `detail`), so a distributed EventTarget such as
 * @graphql-yoga/redis-event-target can replace the in-memory one. Subscribers get plain callbacks rather
 * than yoga's Repeaters: a Repeater attaches its listener only on the first next() (a snapshot read
 * before that could miss an event) and throws past 1024 unconsumed events.
 */
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { EventBus, ReportEventListener, Unsubscribe } from '../event-bus.js';
import type { ReportEvent } from '../report.js';

export interface MemoryEventBusOptions {
  logger: Logger;
  /** @default a new in-process EventTarget */
  eventTarget?: EventTarget;
}

const reportTopic = (id: string) => `report:${id}`;
const tenantTopic = (tenant: string) => `tenant:${tenant}`;

export class MemoryEventBus implements EventBus {
  readonly #target: EventTarget;
  readonly #logger: Logger;
  #listeners = 0;

  constructor(options: MemoryEventBusOptions) {
    this.#target = options.eventTarget ?? new EventTarget();
    // Hundreds of subscribers on one report are normal here, not a leak; listenerCount() watches leaks.
    setMaxListeners(0, this.#target);
    this.#logger = options.logger;
  }

  publish(event: ReportEvent): void {
    this.#target.dispatchEvent(new CustomEvent(reportTopic(event.report.id), { detail: event }));
    this.#target.dispatchEvent(new CustomEvent(tenantTopic(event.report.tenant), { detail: event }));
  }

  subscribeReport(id: string, listener: ReportEventListener): Unsubscribe {
    return this.#subscribe(reportTopic(id), listener);
  }

  subscribeTenant(tenant: string, listener: ReportEventListener): Unsubscribe {
    return this.#subscribe(tenantTopic(tenant), listener);
  }

  listenerCount(): number {
    return this.#listeners;
  }

  #subscribe(topic: string, listener: ReportEventListener): Unsubscribe {
    const onEvent = (event: Event): void => {
      // A listener that throws inside dispatchEvent becomes an uncaught exception in Node: contain it.
      try {
        listener((event as CustomEvent<ReportEvent>).detail);
      } catch (error) {
        this.#logger.error({ err: error, topic }, 'report event listener threw');
      }
    };
    this.#target.addEventListener(topic, onEvent);
    this.#listeners += 1;
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.#target.removeEventListener(topic, onEvent);
      this.#listeners -= 1;
    };
  }
}

/**
 * Health: a cheap status read, also used to measure how quickly the event loop answers while every
 * worker is busy.
 */
import { builder } from '../builder.js';

export interface HealthShape {
  status: 'OK' | 'SHUTTING_DOWN';
  queueDepth: number;
  running: number;
  workers: number;
  uptimeSeconds: number;
}

export const HealthStatus = builder.enumType('HealthStatus', {
  description: 'OK while the service accepts reports; SHUTTING_DOWN once it stopped accepting them.',
  values: ['OK', 'SHUTTING_DOWN'] as const,
});

export const Health = builder.objectRef<HealthShape>('Health').implement({
  description: 'How the service is doing; answering it costs no I/O.',
  fields: (t) => ({
    status: t.expose('status', { type: HealthStatus, description: 'Whether new reports are accepted.' }),
    queueDepth: t.exposeInt('queueDepth', { description: 'Reports waiting for a worker.' }),
    running: t.exposeInt('running', { description: 'Reports being analysed now.' }),
    workers: t.exposeInt('workers', { description: 'CPU worker threads.' }),
    uptimeSeconds: t.exposeInt('uptimeSeconds', { description: 'Whole seconds since the service started.' }),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    description: 'How the service is doing; cheap enough to poll.',
    resolve: (_root, _args, { service }): HealthShape => {
      const { queueDepth, running, workers, uptimeSeconds, shuttingDown } = service.health();
      return { status: shuttingDown ? 'SHUTTING_DOWN' : 'OK', queueDepth, running, workers, uptimeSeconds };
    },
  }),
);

/** Errors a client can cause, with stable codes that the GraphQL edge puts in `extensions.code`. */

export const SERVICE_ERROR_CODES = ['NOT_FOUND', 'QUEUE_FULL', 'INVALID_STATE', 'SHUTTING_DOWN'] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One factory per outcome, so the same situation always reads the same. */
export const ServiceErrors = {
  notFound: (id: string) => new ServiceError('NOT_FOUND', `Report ${id} was not found`),
  queueFull: (maxQueue: number) =>
    new ServiceError('QUEUE_FULL', `The queue is full (${maxQueue} reports waiting); try again later`),
  invalidState: (id: string, status: string) =>
    new ServiceError('INVALID_STATE', `Report ${id} is ${status} and can no longer be cancelled`),
  shuttingDown: () => new ServiceError('SHUTTING_DOWN', 'The service is shutting down; try again shortly'),
};

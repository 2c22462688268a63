/** Every Bull queue of the system. The API only enqueues; the worker registers the processors. */
export enum QueueName {
  /** Housekeeping and the worker heartbeat the health check reads. */
  System = 'system',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

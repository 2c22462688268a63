/**
 * Redis key the worker refreshes on every heartbeat job; the health check reads it. Namespaced by the
 * queue prefix so deployments (or test runs) sharing one Redis do not see each other's workers.
 */
export function workerHeartbeatKey(queuePrefix: string): string {
  return `${queuePrefix}:worker:heartbeat`;
}

export const WORKER_HEARTBEAT_EVERY_MS = 5000;

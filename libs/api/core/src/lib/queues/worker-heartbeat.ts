/** Redis key the worker refreshes on every heartbeat job; the health check reads it. */
export const WORKER_HEARTBEAT_KEY = 'cadence:worker:heartbeat';
export const WORKER_HEARTBEAT_EVERY_MS = 5000;

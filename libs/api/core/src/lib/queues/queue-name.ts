/** Every Bull queue of the system. The API only enqueues; the worker registers the processors. */
export enum QueueName {
  /** Housekeeping and the worker heartbeat the health check reads. */
  System = 'system',
  /** Contact imports: one job per import batch, resumable from its checkpoint. */
  Imports = 'imports',
  /** Strategy deployments: one job per deploy walks the campaign's contacts and creates executions. */
  StrategyFanOut = 'strategy-fanout',
  /** One job per execution and attempt, one queue per provider account so each has its own rate limit. */
  SendSms = 'send-sms',
  SendEmail = 'send-email',
  SendVoicemail = 'send-voicemail',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

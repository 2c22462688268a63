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
  /** Voicemail script batches: one job per batch, resumable (finished scripts are never regenerated). */
  ScriptGeneration = 'script-generation',
  /** Voicemail audio batches: one job per batch; identical text and voice reuse the stored file. */
  AudioGeneration = 'audio-generation',
  /** Verified provider webhook events, stored once and applied here so the webhook answers at once. */
  WebhookEvents = 'webhook-events',
  /** Campaign clock: starts scheduled campaigns and strategies and completes finished ones. */
  CampaignScheduler = 'campaign-scheduler',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

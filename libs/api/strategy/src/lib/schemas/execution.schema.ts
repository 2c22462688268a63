import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum ExecutionChannel {
  Sms = 'sms',
  Email = 'email',
  Voicemail = 'voicemail',
}

/**
 * Our side of one send. `queued → sending → sent` is written before and after the provider call;
 * what the provider reports afterwards lives in `deliveryStatus` and only moves forward.
 */
export enum ExecutionStatus {
  /** Created by the fan-out, not yet judged by the gate. */
  Pending = 'pending',
  /** Waiting for the send job (possibly a delayed one: a later step, a retry). */
  Queued = 'queued',
  /** The provider call is in progress (or a worker died during it). */
  Sending = 'sending',
  /** The provider took it. */
  Sent = 'sent',
  /** Held by the gate until `notBefore` (or until the agent acts, without a time). */
  Deferred = 'deferred',
  Skipped = 'skipped',
  Failed = 'failed',
  /** A worker stopped during a call to a provider without idempotency keys: not resent, needs reconciling. */
  Unknown = 'unknown',
  /** Never sent: the contact left the campaign, or the campaign ended first. */
  Cancelled = 'cancelled',
}

/** Nothing more will happen to these on our side. */
export const FINAL_EXECUTION_STATUSES: ExecutionStatus[] = [ExecutionStatus.Sent, ExecutionStatus.Skipped, ExecutionStatus.Failed, ExecutionStatus.Unknown, ExecutionStatus.Cancelled];
/** These wait for the gate, a send job, or the agent. */
export const WAITING_EXECUTION_STATUSES: ExecutionStatus[] = [ExecutionStatus.Pending, ExecutionStatus.Queued, ExecutionStatus.Deferred];

/**
 * The compliance facts of one send as they stood when the gate passed it and the provider was called
 * (issue #7). Stored, not recomputed at export: consent, scrubs and touch counts change after the send.
 */
@Schema({ _id: false })
export class ExecutionCompliance {
  /** The contact's consent on this channel (ConsentStatus), its source and capture time. */
  @Prop({ type: String, required: true })
  consentStatus!: string;

  @Prop({ type: String, default: null })
  consentSource!: string | null;

  @Prop({ type: Date, default: null })
  consentCapturedAt!: Date | null;

  /** The number's own do-not-call flag; null for email. */
  @Prop({ type: Boolean, default: null })
  numberDnc!: boolean | null;

  /** The latest National DNC Registry scrub of the number; null when never scrubbed (or email). */
  @Prop({ type: Boolean, default: null })
  dncRegistryListed!: boolean | null;

  @Prop({ type: Date, default: null })
  dncScrubbedAt!: Date | null;

  /** The zone the calling hours were read in; null when unknown (the window then held in every candidate zone). */
  @Prop({ type: String, default: null })
  timeZone!: string | null;

  /** The windows applied, e.g. "legal 08:00–20:00 America/New_York (FL); campaign 09:00–17:00 America/New_York". */
  @Prop({ type: String, required: true })
  sendWindow!: string;

  /** The contact's sends in the 7 days before this one, any channel or campaign of the agent. */
  @Prop({ type: Number, required: true })
  touchesLast7Days!: number;

  /** sha256 of what was sent: SMS text; email subject, HTML and text; voicemail script and audio. */
  @Prop({ type: String, required: true })
  contentHash!: string;

  @Prop({ type: Date, required: true })
  capturedAt!: Date;
}
const ExecutionComplianceSchema = SchemaFactory.createForClass(ExecutionCompliance);

/** One message of one strategy step to one contact (seed: StrategyExecution). */
@Schema({ collection: 'executions', timestamps: true })
export class Execution {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  strategyId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  contactId!: Types.ObjectId;

  @Prop({ type: Number, required: true })
  step!: number;

  @Prop({ type: String, required: true })
  variant!: string;

  @Prop({ type: String, enum: Object.values(ExecutionChannel), required: true })
  channel!: ExecutionChannel;

  /** strategy:contact:step — the fan-out's unique key and the provider's Idempotency-Key. */
  @Prop({ type: String, required: true })
  idempotencyKey!: string;

  @Prop({ type: String, enum: Object.values(ExecutionStatus), default: ExecutionStatus.Pending })
  status!: ExecutionStatus;

  /** Gate or provider reason code (GateReason, a PermanentFailureReason, …). */
  @Prop({ type: String, default: null })
  reasonCode!: string | null;

  /** Why it was skipped, deferred or failed, for a person. */
  @Prop({ type: String, default: null })
  reason!: string | null;

  /** Earliest send time: the step's planned time, or where the gate deferred it to. */
  @Prop({ type: Date, required: true })
  notBefore!: Date;

  /** Bumped on every new send job, so each job id is new and a re-run fan-out adds none twice. */
  @Prop({ type: Number, default: 0 })
  jobSeq!: number;

  /** The phone number or email the message went to. */
  @Prop({ type: String, default: null })
  address!: string | null;

  @Prop({ type: Number, default: 0 })
  attempts!: number;

  @Prop({ type: String, default: null })
  provider!: string | null;

  @Prop({ type: String, default: undefined })
  providerMessageId?: string;

  /** The provider's view after acceptance (channel's DeliveryStatus), forward only. */
  @Prop({ type: String, default: null })
  deliveryStatus!: string | null;

  /** Provider event ids already applied, so a redelivered webhook counts once. */
  @Prop({ type: [String], default: [] })
  appliedEventIds!: string[];

  // When the provider says each state was reached (the event's own time; the earliest wins). Written
  // even by an event too late to move `deliveryStatus`, so "delivered" after "opened" still counts.
  // No default: they are set with `$min`, which never replaces a stored null (null sorts before dates).
  @Prop({ type: Date }) deliveredAt?: Date;
  @Prop({ type: Date }) openedAt?: Date;
  @Prop({ type: Date }) listenedAt?: Date;
  @Prop({ type: Date }) clickedAt?: Date;
  @Prop({ type: Date }) respondedAt?: Date;
  @Prop({ type: Date }) failedAt?: Date;
  @Prop({ type: Date }) bouncedAt?: Date;
  @Prop({ type: Date }) undeliveredAt?: Date;

  @Prop({ type: Number, default: 0 })
  costMicros!: number;

  @Prop({ type: Date, default: null })
  sendingAt!: Date | null;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  /** Written with `sending`; absent on executions sent before issue #7 (the export recomputes those). */
  @Prop({ type: ExecutionComplianceSchema, default: undefined })
  compliance?: ExecutionCompliance;

  createdAt!: Date;
  updatedAt!: Date;
}

/** The per-state timestamps above, by name. */
export type DeliveryTimestampField = 'deliveredAt' | 'openedAt' | 'listenedAt' | 'clickedAt' | 'respondedAt' | 'failedAt' | 'bouncedAt' | 'undeliveredAt';

export const ExecutionSchema = SchemaFactory.createForClass(Execution);
// The fan-out's idempotency: one execution per (strategy, contact, step), whatever re-runs.
ExecutionSchema.index({ idempotencyKey: 1 }, { unique: true });
// Webhooks that carry only the provider's message id.
ExecutionSchema.index({ providerMessageId: 1 }, { sparse: true });
// A strategy's status counts and its executions list filtered by status.
ExecutionSchema.index({ userId: 1, strategyId: 1, status: 1, _id: 1 });
// The fan-out's re-gating of a batch of contacts of one strategy.
ExecutionSchema.index({ strategyId: 1, contactId: 1 });
// The daily cap: a campaign's sends since the start of its local day.
ExecutionSchema.index({ userId: 1, campaignId: 1, sentAt: 1 });
// The gate's "last touch by another campaign" of a contact.
ExecutionSchema.index({ userId: 1, contactId: 1, sentAt: -1 });
// FindLatestSendToAddressUseCase: inbound texts and HELP replies find the latest send to the sender's
// number. Tenant-less on purpose (the number is all an inbound message carries), so no userId prefix.
ExecutionSchema.index({ address: 1, channel: 1, sentAt: -1 });

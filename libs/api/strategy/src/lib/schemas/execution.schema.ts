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

  @Prop({ type: Number, default: 0 })
  costMicros!: number;

  @Prop({ type: Date, default: null })
  sendingAt!: Date | null;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

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

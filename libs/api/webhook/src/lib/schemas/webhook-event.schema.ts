import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum WebhookEventStatus {
  /** Stored and enqueued, not yet applied. */
  Received = 'received',
  Applied = 'applied',
  /** No execution found yet (the webhook beat our own write of the provider id); retried, then kept for replay. */
  Unmatched = 'unmatched',
  Failed = 'failed',
}

/** How long raw events are kept: providers redeliver within a day (SendGrid up to 24 h), replays need some margin. */
export const WEBHOOK_EVENT_RETENTION_DAYS = 7;

/**
 * One verified provider event, stored raw before anything else happens (webhookEvents, unique per
 * provider + event id). Written before a tenant is known: `userId` is set once the event is matched.
 */
@Schema({ collection: 'webhookEvents', timestamps: true })
export class WebhookEvent {
  _id!: Types.ObjectId;

  @Prop({ type: String, required: true })
  provider!: string;

  /** Twilio MessageSid:MessageStatus, SendGrid sg_event_id, Drop Cowboy event_id or callback:foreign_id. */
  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: String, enum: Object.values(WebhookEventStatus), default: WebhookEventStatus.Received })
  status!: WebhookEventStatus;

  /** The parsed event (channel's DeliveryEvent without `raw`). */
  @Prop({ type: Object, required: true })
  event!: Record<string, unknown>;

  /** The provider's own payload of this event, as received. */
  @Prop({ type: Object, default: null })
  raw!: unknown;

  @Prop({ type: Types.ObjectId, default: null })
  userId!: Types.ObjectId | null;

  @Prop({ type: Types.ObjectId, default: null })
  executionId!: Types.ObjectId | null;

  @Prop({ type: Number, default: 0 })
  attempts!: number;

  @Prop({ type: String, default: null })
  lastError!: string | null;

  @Prop({ type: Date, required: true })
  receivedAt!: Date;

  @Prop({ type: Date, default: null })
  appliedAt!: Date | null;

  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const WebhookEventSchema = SchemaFactory.createForClass(WebhookEvent);
// Dedupe: a redelivered event is refused by this key and acknowledged without a second effect.
WebhookEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });
// Raw events expire (TTL) once no provider would redeliver them and replays are unlikely.
WebhookEventSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
// The admin replay's selection by status and age.
WebhookEventSchema.index({ status: 1, receivedAt: 1 });
// The compliance record's provider receipts of one execution.
WebhookEventSchema.index({ executionId: 1 }, { sparse: true });

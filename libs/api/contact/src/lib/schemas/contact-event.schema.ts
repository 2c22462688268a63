import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * Everything that happened to a contact. Later modules (campaigns, sends, webhooks) append their own
 * types here through AppendContactEventsUseCase; add a member when a module starts recording one.
 */
export enum ContactEventType {
  Created = 'created',
  Imported = 'imported',
  Updated = 'updated',
  Tagged = 'tagged',
  Untagged = 'untagged',
  ConsentChanged = 'consent-changed',
  OptedOut = 'opted-out',
  MarkedDoNotContact = 'marked-do-not-contact',
  AddedToCampaign = 'added-to-campaign',
  RemovedFromCampaign = 'removed-from-campaign',
  OptedIn = 'opted-in',
  Replied = 'replied',
  Engaged = 'engaged',
  Converted = 'converted',
}

export enum EventActorKind {
  User = 'user',
  Import = 'import',
  System = 'system',
}

@Schema({ collection: 'contactEvents', timestamps: { createdAt: true, updatedAt: false } })
export class ContactEvent {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  contactId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  type!: ContactEventType;

  @Prop({ type: Date, required: true })
  occurredAt!: Date;

  /** One human-readable line for the timeline ("Tagged farm-2024"). */
  @Prop({ type: String, required: true })
  summary!: string;

  @Prop({ type: String, enum: Object.values(EventActorKind), required: true })
  actor!: EventActorKind;

  /** Type-specific facts (changed field names, tags, channel, campaign or batch id). */
  @Prop({ type: Object, default: () => ({}) })
  data!: Record<string, unknown>;

  /** Set by writers that may run twice (a resumed import, a redelivered webhook): the second insert is dropped. */
  @Prop({ type: String, default: undefined })
  idempotencyKey?: string;

  createdAt!: Date;
}

export const ContactEventSchema = SchemaFactory.createForClass(ContactEvent);
// A contact's timeline, newest first.
ContactEventSchema.index({ userId: 1, contactId: 1, occurredAt: -1, _id: -1 });
// Drops the second copy of an event a retried writer appends. Keys name globally unique ids
// (batch, campaign, contact), so the index need not include the tenant; sparse skips unkeyed events.
ContactEventSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });

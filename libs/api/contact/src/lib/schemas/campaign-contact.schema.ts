import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ContactSource } from './contact.schema';

export enum MembershipStatus {
  Active = 'active',
  Paused = 'paused',
  Completed = 'completed',
  Removed = 'removed',
}

export enum ChannelDeliveryStatus {
  NotStarted = 'not-started',
  Scheduled = 'scheduled',
  Sent = 'sent',
  Delivered = 'delivered',
  Engaged = 'engaged',
  Responded = 'responded',
  Failed = 'failed',
  Skipped = 'skipped',
  // Written by the send pipeline (issue #5); the values above stay for older memberships.
  Queued = 'queued',
  Deferred = 'deferred',
  Opened = 'opened',
  Listened = 'listened',
  Clicked = 'clicked',
  OptedOut = 'opted_out',
  /** Its pending sends were called off (the contact left the campaign, or the campaign ended) before any went out. */
  Cancelled = 'cancelled',
}

export enum ResponseChannel {
  Voicemail = 'voicemail',
  Sms = 'sms',
  Email = 'email',
}

/** One channel's progress for this contact in this campaign (seed: ContactCampaign.strategies). */
@Schema({ _id: false })
export class ChannelProgress {
  @Prop({ type: String, enum: Object.values(ChannelDeliveryStatus), default: ChannelDeliveryStatus.NotStarted })
  status!: ChannelDeliveryStatus;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  @Prop({ type: Date, default: null })
  deliveredAt!: Date | null;

  /** Listened (voicemail), opened (email) or clicked: the channel's first sign of attention. */
  @Prop({ type: Date, default: null })
  engagedAt!: Date | null;

  @Prop({ type: Date, default: null })
  respondedAt!: Date | null;

  /** Why it was skipped, deferred or failed (the execution's reason code and text); null otherwise. */
  @Prop({ type: String, default: null })
  reasonCode?: string | null;

  @Prop({ type: String, default: null })
  reason?: string | null;

  /** When the status last changed. */
  @Prop({ type: Date, default: null })
  statusAt?: Date | null;
}
const ChannelProgressSchema = SchemaFactory.createForClass(ChannelProgress);

@Schema({ _id: false })
export class ChannelProgressByChannel {
  @Prop({ type: ChannelProgressSchema, default: () => ({}) })
  voicemail!: ChannelProgress;

  @Prop({ type: ChannelProgressSchema, default: () => ({}) })
  sms!: ChannelProgress;

  @Prop({ type: ChannelProgressSchema, default: () => ({}) })
  email!: ChannelProgress;
}
const ChannelProgressByChannelSchema = SchemaFactory.createForClass(ChannelProgressByChannel);

@Schema({ _id: false })
export class Engagement {
  @Prop({ type: Boolean, default: false })
  responded!: boolean;

  @Prop({ type: Boolean, default: false })
  converted!: boolean;

  @Prop({ type: String, enum: [...Object.values(ResponseChannel), null], default: null })
  responseChannel!: ResponseChannel | null;
}
const EngagementSchema = SchemaFactory.createForClass(Engagement);

/**
 * A contact's membership in a campaign (the seed's ContactCampaign). The contact library owns it
 * until the campaigns module exists; that module will take the collection over through the
 * repository's intent-named methods, which is why nothing else here touches it directly.
 */
@Schema({ collection: 'campaignContacts', timestamps: true })
export class CampaignContact {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  contactId!: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(ContactSource), required: true })
  source!: ContactSource;

  @Prop({ type: Types.ObjectId, default: null })
  importBatchId!: Types.ObjectId | null;

  @Prop({ type: String, enum: Object.values(MembershipStatus), default: MembershipStatus.Active })
  status!: MembershipStatus;

  @Prop({ type: ChannelProgressByChannelSchema, default: () => ({}) })
  channels!: ChannelProgressByChannel;

  @Prop({ type: EngagementSchema, default: () => ({}) })
  engagement!: Engagement;

  @Prop({ type: Date, required: true })
  addedAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const CampaignContactSchema = SchemaFactory.createForClass(CampaignContact);
// One membership per contact and campaign: adding twice (a retried request, a resumed import) is a no-op.
CampaignContactSchema.index({ campaignId: 1, contactId: 1 }, { unique: true });
// A contact's campaign history, newest first.
CampaignContactSchema.index({ userId: 1, contactId: 1, addedAt: -1 });
// Campaign analytics: who responded in a campaign (seed index).
CampaignContactSchema.index({ campaignId: 1, 'engagement.responded': 1 });

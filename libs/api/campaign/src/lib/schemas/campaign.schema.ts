import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum CampaignType {
  SphereOfInfluence = 'sphere_of_influence',
  PastClients = 'past_clients',
  NeighborhoodExpireds = 'neighborhood_expireds',
  HighEquity = 'high_equity',
  Custom = 'custom',
}

export enum CampaignStatus {
  Draft = 'draft',
  /** Voicemail: the script batch is running (issue #6). */
  GeneratingScripts = 'generating_scripts',
  /** Voicemail: the audio batch is running (issue #6). */
  GeneratingAudio = 'generating_audio',
  Review = 'review',
  Approved = 'approved',
  /**
   * Voicemail drops (issue #6): launched, its drops are being handed to Drop Cowboy and none has been
   * accepted yet. It sends like `active` and becomes `active` at the first provider acceptance.
   */
  Submitted = 'submitted',
  Scheduled = 'scheduled',
  Active = 'active',
  Paused = 'paused',
  Completed = 'completed',
  Failed = 'failed',
}

/** When the campaign may send, in the agent's time zone; the channel library's send-window rules read it. */
@Schema({ _id: false })
export class CampaignScheduleSettings {
  @Prop({ type: String, required: true })
  timeZone!: string;

  @Prop({ type: String, default: null })
  startDate!: string | null;

  @Prop({ type: String, default: null })
  endDate!: string | null;

  @Prop({ type: String, default: null })
  dailyStart!: string | null;

  @Prop({ type: String, default: null })
  dailyEnd!: string | null;

  @Prop({ type: [Number], default: null })
  daysOfWeek!: number[] | null;

  /** Most sends per day across the campaign's channels; null = no cap. */
  @Prop({ type: Number, default: null })
  dailyCap!: number | null;
}
const CampaignScheduleSettingsSchema = SchemaFactory.createForClass(CampaignScheduleSettings);

/** Money in micro-dollars, like the channel library's cost estimates, so sums stay exact. */
@Schema({ _id: false })
export class CampaignBudget {
  @Prop({ type: Number, default: null })
  limitMicros!: number | null;

  @Prop({ type: Number, default: 0 })
  spentMicros!: number;
}
const CampaignBudgetSchema = SchemaFactory.createForClass(CampaignBudget);

@Schema({ _id: false })
export class ChannelStats {
  @Prop({ type: Number, default: 0 })
  queued!: number;

  @Prop({ type: Number, default: 0 })
  sent!: number;

  @Prop({ type: Number, default: 0 })
  delivered!: number;

  /** Opened (email) or listened (voicemail). */
  @Prop({ type: Number, default: 0 })
  engaged!: number;

  @Prop({ type: Number, default: 0 })
  clicked!: number;

  @Prop({ type: Number, default: 0 })
  responded!: number;

  @Prop({ type: Number, default: 0 })
  failed!: number;

  @Prop({ type: Number, default: 0 })
  skipped!: number;

  @Prop({ type: Number, default: 0 })
  costMicros!: number;
}
const ChannelStatsSchema = SchemaFactory.createForClass(ChannelStats);

@Schema({ _id: false })
export class CampaignStats {
  @Prop({ type: ChannelStatsSchema, default: () => ({}) })
  sms!: ChannelStats;

  @Prop({ type: ChannelStatsSchema, default: () => ({}) })
  email!: ChannelStats;

  @Prop({ type: ChannelStatsSchema, default: () => ({}) })
  voicemail!: ChannelStats;
}
const CampaignStatsSchema = SchemaFactory.createForClass(CampaignStats);

/**
 * A campaign (seed: Campaign). The contact library reads this collection by `_id`, `userId` and `name`
 * and may insert a minimal draft (an import's "new campaign"), so every other field has a default and
 * readers must tolerate its absence.
 */
@Schema({ collection: 'campaigns', timestamps: true })
export class Campaign {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  name!: string;

  /** Lower-cased name for the list's search box (no collation). */
  @Prop({ type: String, default: '' })
  nameLower!: string;

  @Prop({ type: String, enum: Object.values(CampaignType), default: CampaignType.Custom })
  type!: CampaignType;

  @Prop({ type: String, default: null })
  neighborhood!: string | null;

  @Prop({ type: String, default: null })
  description!: string | null;

  @Prop({ type: String, enum: Object.values(CampaignStatus), default: CampaignStatus.Draft })
  status!: CampaignStatus;

  @Prop({ type: CampaignScheduleSettingsSchema, default: null })
  schedule!: CampaignScheduleSettings | null;

  @Prop({ type: CampaignBudgetSchema, default: () => ({}) })
  budget!: CampaignBudget;

  @Prop({ type: CampaignStatsSchema, default: () => ({}) })
  stats!: CampaignStats;

  @Prop({ type: Types.ObjectId, default: null })
  duplicatedFrom!: Types.ObjectId | null;

  @Prop({ type: Date, default: null })
  approvedAt!: Date | null;

  @Prop({ type: Date, default: null })
  launchedAt!: Date | null;

  /**
   * When per-contact voicemail was first prepared (script or audio generation started): such a
   * campaign's launch hands drops to Drop Cowboy and reads `submitted` until one is accepted.
   */
  @Prop({ type: Date, default: null })
  dropsPreparedAt?: Date | null;

  /** When the launch handed the drops over (`submitted`); the seed's submittedAt. */
  @Prop({ type: Date, default: null })
  submittedAt?: Date | null;

  @Prop({ type: Date, default: null })
  pausedAt!: Date | null;

  @Prop({ type: String, default: null })
  pausedReason!: string | null;

  @Prop({ type: Date, default: null })
  completedAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export const CampaignSchema = SchemaFactory.createForClass(Campaign);
// The campaign list filtered by status (seed index), newest first.
CampaignSchema.index({ userId: 1, status: 1, createdAt: -1 });
// The campaign list's default order: newest first (seed index).
CampaignSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// The campaign list filtered by type.
CampaignSchema.index({ userId: 1, type: 1, createdAt: -1 });
// The list's search box and sort by name.
CampaignSchema.index({ userId: 1, nameLower: 1 });
// The campaign clock: scheduled, active and paused campaigns of every agent, by cursor.
CampaignSchema.index({ status: 1, _id: 1 });

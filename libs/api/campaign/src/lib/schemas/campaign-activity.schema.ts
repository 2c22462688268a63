import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** What happened to a campaign, for its Activity tab; other modules add their own kinds through RecordCampaignActivityUseCase. */
export enum CampaignActivityType {
  Approved = 'approved',
  Launched = 'launched',
  /** A voicemail launch handed its drops to Drop Cowboy (`submitted`). */
  Submitted = 'submitted',
  /** The provider accepted a submitted campaign's first send: it is `active`. */
  SubmissionAccepted = 'submission_accepted',
  Scheduled = 'scheduled',
  Started = 'started',
  Paused = 'paused',
  BudgetReached = 'budget_reached',
  Resumed = 'resumed',
  Completed = 'completed',
  Failed = 'failed',
  StrategyDeployed = 'strategy_deployed',
  StrategyScheduled = 'strategy_scheduled',
  StrategyPaused = 'strategy_paused',
  StrategyResumed = 'strategy_resumed',
  StrategyCompleted = 'strategy_completed',
  ContactsAdded = 'contacts_added',
  ContactsRemoved = 'contacts_removed',
  TestSent = 'test_sent',
  TestFailed = 'test_failed',
  SendFailed = 'send_failed',
  OptedOut = 'opted_out',
  Replied = 'replied',
}

/** One entry of a campaign's activity feed (collection `activities`). */
@Schema({ collection: 'activities', timestamps: false })
export class CampaignActivity {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(CampaignActivityType), required: true })
  type!: CampaignActivityType;

  /** For a person, complete on its own ("Paused: Budget reached: raise the limit and resume"). */
  @Prop({ type: String, required: true })
  message!: string;

  @Prop({ type: Object, default: {} })
  data!: Record<string, unknown>;

  @Prop({ type: Date, required: true })
  at!: Date;

  /** Set when the same fact may be reported twice (a retried job, two workers): recorded once. */
  @Prop({ type: String, default: undefined })
  dedupeKey?: string;
}

export const CampaignActivitySchema = SchemaFactory.createForClass(CampaignActivity);
// GET /campaigns/:id/activity: one campaign's feed, newest first.
CampaignActivitySchema.index({ userId: 1, campaignId: 1, at: -1, _id: -1 });
// RecordCampaignActivityUseCase's once-only entries.
CampaignActivitySchema.index({ dedupeKey: 1 }, { unique: true, sparse: true });

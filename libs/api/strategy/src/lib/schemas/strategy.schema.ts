import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** The seed's strategyType; `text` is the SMS channel. */
export enum StrategyType {
  Text = 'text',
  Email = 'email',
  Voicemail = 'voicemail',
}

export enum StrategyStatus {
  Draft = 'draft',
  /** Deploys by itself at `scheduledFor` (the campaign clock). */
  Scheduled = 'scheduled',
  Active = 'active',
  Paused = 'paused',
  Completed = 'completed',
}

/** One A/B variant of a step. Which fields are set depends on the strategy's type. */
@Schema({ _id: false })
export class StrategyVariant {
  /** "A", "B", …: stable, shown in reports. */
  @Prop({ type: String, required: true })
  key!: string;

  /** Relative share of contacts (weights need not sum to 100). */
  @Prop({ type: Number, required: true })
  weight!: number;

  /** Text: the SMS body. */
  @Prop({ type: String, default: null })
  body!: string | null;

  /** Email. */
  @Prop({ type: String, default: null })
  subject!: string | null;

  @Prop({ type: String, default: null })
  html!: string | null;

  @Prop({ type: String, default: null })
  text!: string | null;

  /** Voicemail by Drop Cowboy text-to-speech. */
  @Prop({ type: String, default: null })
  voiceId!: string | null;

  @Prop({ type: String, default: null })
  ttsBody!: string | null;

  /** Voicemail from an uploaded recording (Drop Cowboy media id). */
  @Prop({ type: String, default: null })
  recordingMediaId!: string | null;
}
const StrategyVariantSchema = SchemaFactory.createForClass(StrategyVariant);

/** One touch of the sequence; step n goes `delayDays` after step n-1 (step 0 at deploy). */
@Schema({ _id: false })
export class StrategyStep {
  @Prop({ type: Number, default: 0 })
  delayDays!: number;

  @Prop({ type: [StrategyVariantSchema], default: [] })
  variants!: StrategyVariant[];
}
const StrategyStepSchema = SchemaFactory.createForClass(StrategyStep);

/** Sender identity of an email strategy; the postal address goes in every footer (CAN-SPAM, providers.md §6). */
@Schema({ _id: false })
export class EmailSender {
  @Prop({ type: String, required: true })
  fromEmail!: string;

  @Prop({ type: String, required: true })
  fromName!: string;

  @Prop({ type: String, default: null })
  replyTo!: string | null;

  @Prop({ type: String, required: true })
  postalAddress!: string;
}
const EmailSenderSchema = SchemaFactory.createForClass(EmailSender);

/** A channel strategy of a campaign (seed: CampaignStrategy). */
@Schema({ collection: 'strategies', timestamps: true })
export class Strategy {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, enum: Object.values(StrategyType), required: true })
  type!: StrategyType;

  @Prop({ type: String, enum: Object.values(StrategyStatus), default: StrategyStatus.Draft })
  status!: StrategyStatus;

  @Prop({ type: [StrategyStepSchema], default: [] })
  steps!: StrategyStep[];

  @Prop({ type: EmailSenderSchema, default: null })
  emailSender!: EmailSender | null;

  @Prop({ type: Date, default: null })
  deployedAt!: Date | null;

  @Prop({ type: Date, default: null })
  pausedAt!: Date | null;

  @Prop({ type: Date, default: null })
  scheduledFor!: Date | null;

  /** The last time a fan-out was asked for; the clock completes a strategy only after one ran since. */
  @Prop({ type: Date, default: null })
  fanOutRequestedAt!: Date | null;

  /** When the last fan-out that ran to its end started. */
  @Prop({ type: Date, default: null })
  fanOutCompletedAt!: Date | null;

  @Prop({ type: Date, default: null })
  completedAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export const StrategySchema = SchemaFactory.createForClass(Strategy);
// A campaign's strategies, by channel (seed index), in creation order.
StrategySchema.index({ userId: 1, campaignId: 1, type: 1, createdAt: 1 });
// An agent's strategies by status (seed index).
StrategySchema.index({ userId: 1, status: 1 });
// The campaign clock: scheduled strategies that are due, across agents.
StrategySchema.index({ status: 1, scheduledFor: 1 });

import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum BatchKind {
  Scripts = 'scripts',
  Audio = 'audio',
}
export enum BatchStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Cancelled = 'cancelled',
  Failed = 'failed',
}

@Schema({ _id: false })
export class BatchFailure {
  @Prop({ type: Types.ObjectId, required: true })
  itemId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  error!: string;
}
const BatchFailureSchema = SchemaFactory.createForClass(BatchFailure);

/** A batch of script or audio generation: its options, progress and checkpoint (resumed by another worker after a crash). */
@Schema({ collection: 'voicemailBatches', timestamps: true })
export class VoicemailBatch {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(BatchKind), required: true })
  kind!: BatchKind;

  @Prop({ type: String, enum: Object.values(BatchStatus), default: BatchStatus.Queued })
  status!: BatchStatus;

  @Prop({ type: String, default: null })
  templateKind!: string | null;

  /** Set for an A/B split: contacts in group B get this template. */
  @Prop({ type: String, default: null })
  templateKindB!: string | null;

  @Prop({ type: String, default: null })
  customPrompt!: string | null;

  @Prop({ type: String, default: null })
  voiceId!: string | null;

  @Prop({ type: Number, default: 0 })
  total!: number;

  @Prop({ type: Number, default: 0 })
  succeeded!: number;

  @Prop({ type: Number, default: 0 })
  failed!: number;

  /** Items already done before this batch (or by a previous run of it) and left untouched. */
  @Prop({ type: Number, default: 0 })
  skipped!: number;

  @Prop({ type: [BatchFailureSchema], default: [] })
  failures!: BatchFailure[];

  /** The last item of the last fully processed page; a resumed run starts after it. */
  @Prop({ type: Types.ObjectId, default: null })
  checkpointId!: Types.ObjectId | null;

  @Prop({ type: String, default: null })
  runId!: string | null;

  @Prop({ type: Number, default: 0 })
  runs!: number;

  @Prop({ type: Date, default: null })
  runStartedAt!: Date | null;

  @Prop({ type: Number, default: 0 })
  processedAtRunStart!: number;

  @Prop({ type: Boolean, default: false })
  cancelRequested!: boolean;

  @Prop({ type: Number, default: 0 })
  estimatedMicros!: number;

  @Prop({ type: Number, default: 0 })
  actualMicros!: number;

  /** Provider calls made by this batch across all its runs (the resume benchmark reads it). */
  @Prop({ type: Number, default: 0 })
  providerCalls!: number;

  @Prop({ type: String, default: null })
  error!: string | null;

  @Prop({ type: Date, default: null })
  finishedAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export const VoicemailBatchSchema = SchemaFactory.createForClass(VoicemailBatch);
// The progress panel reads a campaign's latest batch of a kind.
VoicemailBatchSchema.index({ userId: 1, campaignId: 1, kind: 1, createdAt: -1 });

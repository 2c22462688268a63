import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum ScriptGeneratedBy {
  Ai = 'ai',
  Manual = 'manual',
  Template = 'template',
}
export enum ReviewStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  NeedsRevision = 'needs_revision',
}
export enum AudioStatus {
  Pending = 'pending',
  Generating = 'generating',
  Completed = 'completed',
  Failed = 'failed',
}
export enum DeliveryStatus {
  NotSent = 'not_sent',
  Queued = 'queued',
  Sent = 'sent',
  Delivered = 'delivered',
  Failed = 'failed',
  Listened = 'listened',
}

@Schema({ _id: false })
export class ScriptAudio {
  @Prop({ type: String, enum: Object.values(AudioStatus), default: AudioStatus.Pending })
  status!: AudioStatus;

  /** Our storage key; links are signed when read, never stored. */
  @Prop({ type: String, default: null })
  mediaKey!: string | null;

  @Prop({ type: String, default: null })
  format!: 'mp3' | 'wav' | null;

  /** The voice chosen for this script; null = the campaign's voice. */
  @Prop({ type: String, default: null })
  voiceId!: string | null;

  @Prop({ type: String, default: null })
  modelId!: string | null;

  /** ElevenLabs request id of the rendering. */
  @Prop({ type: String, default: null })
  elevenLabsId!: string | null;

  @Prop({ type: String, default: null })
  contentHash!: string | null;

  @Prop({ type: Number, default: null })
  duration!: number | null;

  @Prop({ type: Date, default: null })
  generatedAt!: Date | null;

  @Prop({ type: String, default: null })
  error!: string | null;
}
const ScriptAudioSchema = SchemaFactory.createForClass(ScriptAudio);

@Schema({ _id: false })
export class ScriptDelivery {
  @Prop({ type: String, enum: Object.values(DeliveryStatus), default: DeliveryStatus.NotSent })
  status!: DeliveryStatus;

  /** Drop Cowboy media id of this script's audio once uploaded (re-used by retries and later steps). */
  @Prop({ type: String, default: null })
  dropCowboyMediaId!: string | null;

  /** Which stored file that media id holds: new audio needs a new upload. */
  @Prop({ type: String, default: null })
  uploadedMediaKey!: string | null;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;
}
const ScriptDeliverySchema = SchemaFactory.createForClass(ScriptDelivery);

/** Money spent on this script, in micro-dollars. */
@Schema({ _id: false })
export class ScriptCosts {
  @Prop({ type: Number, default: 0 })
  llmPromptTokens!: number;

  @Prop({ type: Number, default: 0 })
  llmCompletionTokens!: number;

  @Prop({ type: Number, default: 0 })
  llmMicros!: number;

  @Prop({ type: Number, default: 0 })
  ttsCharacters!: number;

  @Prop({ type: Number, default: 0 })
  ttsMicros!: number;
}
const ScriptCostsSchema = SchemaFactory.createForClass(ScriptCosts);

/** One contact's voicemail in one campaign (seed 004 VoicemailScript, plus costs, A/B group and hashes). */
@Schema({ collection: 'voicemailScripts', timestamps: true })
export class VoicemailScript {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  contactId!: Types.ObjectId;

  /** The batch that wrote it (resume counts a batch's finished scripts by this). */
  @Prop({ type: Types.ObjectId, default: null })
  batchId!: Types.ObjectId | null;

  @Prop({ type: String, required: true })
  script!: string;

  @Prop({ type: Number, default: 1 })
  scriptVersion!: number;

  @Prop({ type: String, enum: Object.values(ScriptGeneratedBy), required: true })
  generatedBy!: ScriptGeneratedBy;

  @Prop({ type: String, default: null })
  aiModel!: string | null;

  @Prop({ type: String, default: null })
  generationPrompt!: string | null;

  @Prop({ type: String, default: null })
  templateKind!: string | null;

  @Prop({ type: String, default: null })
  testGroup!: 'A' | 'B' | null;

  /** Hash of the current text: tells a reviewer's view and the audio apart from stale copies. */
  @Prop({ type: String, required: true })
  contentHash!: string;

  @Prop({ type: Number, required: true })
  characterCount!: number;

  @Prop({ type: Number, required: true })
  wordCount!: number;

  @Prop({ type: Number, required: true })
  estimatedDurationSeconds!: number;

  @Prop({ type: [String], default: [] })
  complianceProblems!: string[];

  @Prop({ type: ScriptAudioSchema, default: () => ({}) })
  audio!: ScriptAudio;

  @Prop({ type: String, enum: Object.values(ReviewStatus), default: ReviewStatus.Pending })
  reviewStatus!: ReviewStatus;

  @Prop({ type: String, default: null })
  reviewNotes!: string | null;

  @Prop({ type: Date, default: null })
  reviewedAt!: Date | null;

  @Prop({ type: ScriptDeliverySchema, default: () => ({}) })
  delivery!: ScriptDelivery;

  @Prop({ type: ScriptCostsSchema, default: () => ({}) })
  costs!: ScriptCosts;

  createdAt!: Date;
  updatedAt!: Date;
}

export const VoicemailScriptSchema = SchemaFactory.createForClass(VoicemailScript);
// One script per contact per campaign: a resumed or repeated batch can never write a second one.
VoicemailScriptSchema.index({ campaignId: 1, contactId: 1 }, { unique: true });
// The review list filtered by review status, by audio status, and the audio batch's walk (by _id).
VoicemailScriptSchema.index({ userId: 1, campaignId: 1, reviewStatus: 1, _id: 1 });
VoicemailScriptSchema.index({ userId: 1, campaignId: 1, 'audio.status': 1, _id: 1 });
// Counting a batch's finished scripts on resume.
VoicemailScriptSchema.index({ batchId: 1 });

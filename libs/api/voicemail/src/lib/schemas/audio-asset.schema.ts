import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A stored rendering: the same text in the same voice, model and format reuses it with no second charge. */
@Schema({ collection: 'voicemailAudioAssets', timestamps: true })
export class AudioAsset {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  contentHash!: string;

  @Prop({ type: String, required: true })
  mediaKey!: string;

  @Prop({ type: String, required: true })
  format!: 'mp3' | 'wav';

  @Prop({ type: String, required: true })
  voiceId!: string;

  @Prop({ type: String, required: true })
  modelId!: string;

  @Prop({ type: Number, default: null })
  duration!: number | null;

  @Prop({ type: Number, required: true })
  characters!: number;

  @Prop({ type: String, default: null })
  providerRequestId!: string | null;

  createdAt!: Date;
}

export const AudioAssetSchema = SchemaFactory.createForClass(AudioAsset);
// The cache lookup before every synthesis.
AudioAssetSchema.index({ userId: 1, contentHash: 1 }, { unique: true });

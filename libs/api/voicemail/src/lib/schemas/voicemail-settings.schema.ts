import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** Per campaign: who speaks in its voicemails and in which voice. */
@Schema({ collection: 'voicemailSettings', timestamps: true })
export class VoicemailSettings {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  campaignId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  agentName!: string;

  @Prop({ type: String, required: true })
  brokerage!: string;

  @Prop({ type: String, required: true })
  callbackNumber!: string;

  @Prop({ type: String, default: null })
  optOutNumber!: string | null;

  @Prop({ type: String, default: null })
  voiceId!: string | null;

  @Prop({ type: String, required: true })
  templateKind!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const VoicemailSettingsSchema = SchemaFactory.createForClass(VoicemailSettings);
// One settings document per campaign, read by every generation.
VoicemailSettingsSchema.index({ userId: 1, campaignId: 1 }, { unique: true });

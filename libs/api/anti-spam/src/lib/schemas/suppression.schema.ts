import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum SuppressionChannel {
  Sms = 'sms',
  Email = 'email',
  Voicemail = 'voicemail',
}

/**
 * An address that must not be messaged on a channel again, whoever the contact record says it is:
 * a provider's opt-out (Twilio 21610, Drop Cowboy 4016/6005, SendGrid unsubscribe) lands here first.
 */
@Schema({ collection: 'suppressions', timestamps: true })
export class Suppression {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(SuppressionChannel), required: true })
  channel!: SuppressionChannel;

  /** E.164 or lower-cased email. */
  @Prop({ type: String, required: true })
  address!: string;

  @Prop({ type: String, required: true })
  reason!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SuppressionSchema = SchemaFactory.createForClass(Suppression);
// The send gate's lookup by channel and address; unique so a repeated opt-out is a no-op.
SuppressionSchema.index({ userId: 1, channel: 1, address: 1 }, { unique: true });

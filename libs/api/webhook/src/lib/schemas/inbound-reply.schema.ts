import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export enum ReplyIntentKind {
  Reply = 'reply',
  OptOut = 'opt_out',
  OptIn = 'opt_in',
  Help = 'help',
}

/** A text a contact sent back (the replies inbox). */
@Schema({ collection: 'inboundReplies', timestamps: true })
export class InboundReply {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  contactId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, default: null })
  campaignId!: Types.ObjectId | null;

  @Prop({ type: Types.ObjectId, default: null })
  executionId!: Types.ObjectId | null;

  @Prop({ type: String, required: true })
  channel!: string;

  @Prop({ type: String, required: true })
  from!: string;

  @Prop({ type: String, default: '' })
  body!: string;

  @Prop({ type: String, enum: Object.values(ReplyIntentKind), required: true })
  intent!: ReplyIntentKind;

  @Prop({ type: Date, required: true })
  receivedAt!: Date;

  @Prop({ type: String, required: true })
  providerEventId!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const InboundReplySchema = SchemaFactory.createForClass(InboundReply);
// The inbox, newest first.
InboundReplySchema.index({ userId: 1, receivedAt: -1, _id: -1 });
// One reply per provider event, whatever the redeliveries.
InboundReplySchema.index({ providerEventId: 1 }, { unique: true });

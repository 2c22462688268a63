import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { SegmentDefinition } from '../segments/segment-definition';

/** A saved contact filter; its definition compiles to a MongoDB filter each time it is used. */
@Schema({ collection: 'segments', timestamps: true })
export class Segment {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, default: null })
  description!: string | null;

  @Prop({ type: Object, required: true })
  definition!: SegmentDefinition;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SegmentSchema = SchemaFactory.createForClass(Segment);
// The segments page lists an agent's segments, newest first.
SegmentSchema.index({ userId: 1, createdAt: -1, _id: -1 });

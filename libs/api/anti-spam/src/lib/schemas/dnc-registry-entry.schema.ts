import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** The last National DNC Registry scrub of one number for one agent (the registry is scrubbed per seller). */
@Schema({ collection: 'dncRegistryEntries', timestamps: true })
export class DncRegistryEntry {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  e164!: string;

  @Prop({ type: Boolean, required: true })
  listed!: boolean;

  @Prop({ type: Date, required: true })
  scrubbedAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const DncRegistryEntrySchema = SchemaFactory.createForClass(DncRegistryEntry);
// The gate's and the compliance record's lookup of a number's last scrub; one entry per number.
DncRegistryEntrySchema.index({ userId: 1, e164: 1 }, { unique: true });

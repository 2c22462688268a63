import { UserRole } from '@cadence/api-core';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

@Schema({ collection: 'users', timestamps: true })
export class User {
  _id!: Types.ObjectId;

  /** Stored lower-cased and trimmed: the login key. */
  @Prop({ required: true })
  email!: string;

  @Prop({ required: true })
  passwordHash!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: Object.values(UserRole), default: UserRole.Agent })
  role!: UserRole;

  /** Agents of one brokerage team may share resources marked with this id. */
  @Prop({ type: String, default: null })
  teamId!: string | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
// Login and register look a user up by email; unique so two accounts cannot share one.
UserSchema.index({ email: 1 }, { unique: true });

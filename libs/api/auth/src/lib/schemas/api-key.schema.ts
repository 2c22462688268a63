import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export enum ApiKeyScope {
  Read = 'read',
  ReadWrite = 'read-write',
}

@Schema({ collection: 'apiKeys', timestamps: true })
export class ApiKey {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ required: true })
  name!: string;

  /** The first characters of the secret, shown in lists so the owner can tell keys apart. */
  @Prop({ required: true })
  prefix!: string;

  /** SHA-256 of the secret; the secret is shown once at creation and never stored. */
  @Prop({ required: true })
  secretHash!: string;

  @Prop({ type: String, required: true, enum: Object.values(ApiKeyScope) })
  scope!: ApiKeyScope;

  @Prop({ type: Date, default: null })
  lastUsedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type ApiKeyDocument = HydratedDocument<ApiKey>;
export const ApiKeySchema = SchemaFactory.createForClass(ApiKey);
// Every API-key request finds its key by the secret's hash.
ApiKeySchema.index({ secretHash: 1 }, { unique: true });
// Settings lists an agent's live keys, newest first.
ApiKeySchema.index({ userId: 1, revokedAt: 1, createdAt: -1 });

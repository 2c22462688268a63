import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/**
 * One issued refresh token. Tokens of one login form a family: each refresh spends one token and
 * issues the next; presenting a spent token again means it leaked, and the whole family is revoked.
 */
@Schema({ collection: 'refreshTokens', timestamps: { createdAt: true, updatedAt: false } })
export class RefreshToken {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ required: true })
  familyId!: string;

  /** SHA-256 of the token; the token itself is never stored. */
  @Prop({ required: true })
  tokenHash!: string;

  @Prop({ required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  createdAt!: Date;
}

export type RefreshTokenDocument = HydratedDocument<RefreshToken>;
export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
// Refresh looks the presented token up by its hash.
RefreshTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Reuse detection revokes every token of a family.
RefreshTokenSchema.index({ familyId: 1 });
// Expired tokens are useless; MongoDB removes them.
RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

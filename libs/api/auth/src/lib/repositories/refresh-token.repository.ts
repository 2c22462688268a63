import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { RefreshToken } from '../schemas/refresh-token.schema';

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>) {}

  async create(token: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.tokens.create({ ...token, userId: new Types.ObjectId(token.userId) });
  }

  /**
   * Spends a live token atomically: of two concurrent refreshes with the same token exactly one
   * gets it back; the other sees it spent, which is what reuse detection needs.
   */
  spend(tokenHash: string, now: Date): Promise<RefreshToken | null> {
    return this.tokens
      .findOneAndUpdate({ tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } })
      .lean<RefreshToken>()
      .exec();
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.tokens.findOne({ tokenHash }).lean<RefreshToken>().exec();
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } }).exec();
  }
}

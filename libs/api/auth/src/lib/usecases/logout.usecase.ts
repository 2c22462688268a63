import { Clock } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { sha256 } from '../crypto/secret-token';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';

/** Ends the session the refresh token belongs to, on every device that shares its family. */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findByHash(sha256(refreshToken));
    // An unknown token gets the same answer: logout reveals nothing about which tokens exist.
    if (token) await this.refreshTokens.revokeFamily(token.familyId, this.clock.now());
  }
}

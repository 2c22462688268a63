import { Clock } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { sha256 } from '../crypto/secret-token';
import { AuthTokensResponseDto } from '../dto/user.response.dto';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { IssueSessionService } from './issue-session.service';

@Injectable()
export class RefreshSessionUseCase {
  private readonly logger = new Logger(RefreshSessionUseCase.name);

  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: IssueSessionService,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string): Promise<AuthTokensResponseDto> {
    const now = this.clock.now();
    const tokenHash = sha256(refreshToken);
    const spent = await this.refreshTokens.spend(tokenHash, now);
    if (!spent) {
      const known = await this.refreshTokens.findByHash(tokenHash);
      if (known?.usedAt) {
        // A spent token came back: whoever holds this family's tokens may be an attacker. End it.
        await this.refreshTokens.revokeFamily(known.familyId, now);
        this.logger.warn({ userId: known.userId.toHexString(), familyId: known.familyId }, 'refresh token reuse: family revoked');
        throw new AuthException(AuthErrorCode.RefreshTokenReused, 'This refresh token was already used; the session has been ended, log in again');
      }
      throw new AuthException(AuthErrorCode.InvalidRefreshToken, 'Refresh token is invalid, expired or revoked');
    }
    const user = await this.users.findById(spent.userId.toHexString());
    if (!user) throw new AuthException(AuthErrorCode.InvalidRefreshToken, 'Refresh token is invalid, expired or revoked');
    return this.sessions.issue(user, spent.familyId);
  }
}

import { AuthConfig, Clock } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { newRefreshToken, sha256 } from '../crypto/secret-token';
import { AuthTokensResponseDto, UserResponseDto } from '../dto/user.response.dto';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { User } from '../schemas/user.schema';

export interface AccessTokenClaims {
  sub: string;
  role: string;
  teamId: string | null;
}

/** Issues an access token and the next refresh token of a family (a new family on login). */
@Injectable()
export class IssueSessionService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AuthConfig,
    private readonly clock: Clock,
  ) {}

  async issue(user: User, familyId: string = randomUUID()): Promise<AuthTokensResponseDto> {
    const claims: AccessTokenClaims = { sub: user._id.toHexString(), role: user.role, teamId: user.teamId ?? null };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_ACCESS_TTL_SECONDS });
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.refreshTokens.create({ userId: claims.sub, familyId, tokenHash: sha256(refreshToken), expiresAt });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, user: UserResponseDto.from(user) };
  }
}

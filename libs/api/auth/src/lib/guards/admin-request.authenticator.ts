import { Principal, UserRole } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { IncomingMessage } from 'node:http';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { API_KEY_PREFIX } from '../crypto/secret-token';
import { AuthenticateApiKeyUseCase } from '../usecases/authenticate-api-key.usecase';
import { AccessTokenClaims } from '../usecases/issue-session.service';

export const BOARD_SESSION_COOKIE = 'cadence_board';

/**
 * Authenticates plain Express routes that sit outside Nest's guards (the queue dashboard): a bearer
 * JWT, an API key, or the short-lived board cookie a browser gets from POST /v1/auth/board-session.
 */
@Injectable()
export class AdminRequestAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly authenticateApiKey: AuthenticateApiKeyUseCase,
  ) {}

  async authenticate(request: IncomingMessage): Promise<Principal> {
    const principal = await this.principalOf(request);
    if (principal.role !== UserRole.Admin) throw new AuthException(AuthErrorCode.RoleRequired, 'The queue dashboard is for admins only');
    return principal;
  }

  private async principalOf(request: IncomingMessage): Promise<Principal> {
    const header = request.headers['x-api-key'];
    const bearer = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7).trim() : undefined;
    if (typeof header === 'string' && header) return this.authenticateApiKey.execute(header, request.method ?? 'GET');
    if (bearer?.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey.execute(bearer, request.method ?? 'GET');
    const token = bearer ?? cookieOf(request, BOARD_SESSION_COOKIE);
    if (!token) throw new AuthException(AuthErrorCode.InvalidAccessToken, 'Missing access token');
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      return { userId: claims.sub, role: claims.role as UserRole, teamId: claims.teamId ?? null };
    } catch {
      throw new AuthException(AuthErrorCode.InvalidAccessToken, 'Missing, invalid or expired access token');
    }
  }
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

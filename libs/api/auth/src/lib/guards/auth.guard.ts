import { AuthenticatedRequest, IS_PUBLIC, Principal, REQUIRED_ROLES, UserRole } from '@cadence/api-core';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { API_KEY_PREFIX } from '../crypto/secret-token';
import { AuthenticateApiKeyUseCase } from '../usecases/authenticate-api-key.usecase';
import { SESSION_ONLY } from './session-only.decorator';

/**
 * The global guard: every route needs a JWT or an API key unless marked @Public(). An API key comes
 * as `X-API-Key` or as `Authorization: Bearer cdk_…`; any other bearer token is read as a JWT.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticateApiKey: AuthenticateApiKeyUseCase,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();

    const apiKey = apiKeyOf(request);
    if (apiKey) {
      if (this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets)) {
        throw new AuthException(AuthErrorCode.SessionRequired, 'This route needs a logged-in user; API keys cannot manage API keys');
      }
      request.principal = await this.authenticateApiKey.execute(apiKey, request.method);
    } else {
      await super.canActivate(context);
    }
    this.checkRoles(request.principal, this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets));
    return true;
  }

  override getAuthenticateOptions(): { property: string; session: boolean } {
    return { property: 'principal', session: false };
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error || !principal) throw new AuthException(AuthErrorCode.InvalidAccessToken, 'Missing, invalid or expired access token');
    return principal;
  }

  private checkRoles(principal: Principal | undefined, roles: UserRole[] | undefined): void {
    if (roles?.length && (!principal || !roles.includes(principal.role))) {
      throw new AuthException(AuthErrorCode.RoleRequired, `This route needs the ${roles.join(' or ')} role`);
    }
  }
}

function apiKeyOf(request: AuthenticatedRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const authorization = request.headers.authorization;
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : null;
}

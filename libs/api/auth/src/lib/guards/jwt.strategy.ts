import { AuthConfig, Principal, UserRole } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims } from '../usecases/issue-session.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AuthConfig) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.JWT_SECRET, algorithms: ['HS256'], ignoreExpiration: false });
  }

  validate(claims: AccessTokenClaims): Principal {
    return { userId: claims.sub, role: claims.role as UserRole, teamId: claims.teamId ?? null };
  }
}

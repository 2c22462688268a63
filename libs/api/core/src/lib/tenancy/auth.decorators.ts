import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Principal, Tenant, tenantOf, UserRole } from './principal';

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_ROLES = 'auth:roles';

/** Opts a route out of the global auth guard; everything else requires a token or API key. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the given roles (checked after authentication). */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the auth guard did not authenticate');
  return principal;
});

export const CurrentTenant = createParamDecorator((_: unknown, context: ExecutionContext): Tenant => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentTenant used on a route the auth guard did not authenticate');
  return tenantOf(principal);
});

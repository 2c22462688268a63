export enum UserRole {
  Agent = 'agent',
  Admin = 'admin',
}

/** Who is calling: set on the request by the auth guard. */
export interface Principal {
  userId: string;
  teamId: string | null;
  role: UserRole;
  /** Present when the call came with an integrator API key. */
  apiKeyId?: string;
}

/**
 * The owner every repository method is scoped to. It is derived from the principal and never from
 * request input, so one agent cannot name another's data.
 */
export interface Tenant {
  readonly userId: string;
  readonly teamId: string | null;
}

export function tenantOf(principal: Principal): Tenant {
  return { userId: principal.userId, teamId: principal.teamId };
}

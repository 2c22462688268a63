import { createHash, randomBytes } from 'node:crypto';

/** Prefix that marks an integrator API key, so `Authorization: Bearer` can carry either credential. */
export const API_KEY_PREFIX = 'cdk_';

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(30).toString('base64url');
}

/**
 * Refresh tokens and API keys carry 240+ random bits, so a fast hash is enough to make a stolen
 * database useless, and it allows a direct indexed lookup on every request. Passwords, which people
 * choose, use the memory-hard PasswordHasher instead.
 */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

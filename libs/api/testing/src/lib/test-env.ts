/** The variables a test app needs; set before the Nest module reads its config. */
export function setTestEnv(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...overrides,
  });
}

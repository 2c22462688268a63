/**
 * Browser tests: Debian's Chromium, driven by playwright-core, against the whole stack (embedded MongoDB,
 * Redis, built API and worker, built SPA) that globalSetup starts. Run with `nx run web-e2e:e2e`.
 */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.e2e.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};

module.exports = {
  displayName: 'embedded-mongo',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // Unit specs (*.spec.ts) and socket-level conformance specs (*.int-spec.ts) both run here.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/embedded-mongo',
  testTimeout: 30000,
};

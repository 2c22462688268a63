module.exports = {
  displayName: 'web-voicemail',
  preset: '../../../jest.preset.js',
  // jsdom plus the fetch API (Response, Headers) that the generated client uses; fetch itself is mocked.
  testEnvironment: '<rootDir>/../api-client/testing/jsdom-fetch.environment.cjs',
  transform: {
    '^(?!.*\\.(js|jsx|ts|tsx|css|json)$)': '@nx/react/plugins/jest',
    '^.+\\.[tj]sx?$': ['babel-jest', { presets: ['@nx/react/babel'] }],
  },
  setupFilesAfterEnv: ['<rootDir>/../ui/src/test-setup.ts', '<rootDir>/src/test-setup.ts'],
  // Whole pages with Mantine render slowly in jsdom when Nx runs several suites side by side.
  testTimeout: 20_000,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx'],
  coverageDirectory: '../../../coverage/libs/web/voicemail',
};

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  // jsdom plus the fetch API (Response, Headers) that the generated client uses; fetch itself is mocked.
  testEnvironment: '<rootDir>/../../libs/web/api-client/testing/jsdom-fetch.environment.cjs',
  transform: {
    '^(?!.*\\.(js|jsx|ts|tsx|css|json)$)': '@nx/react/plugins/jest',
    '^.+\\.[tj]sx?$': ['babel-jest', { presets: ['@nx/react/babel'] }],
  },
  setupFilesAfterEnv: ['<rootDir>/../../libs/web/ui/src/test-setup.ts', '<rootDir>/src/test-setup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx'],
  coverageDirectory: '../../coverage/apps/web',
};

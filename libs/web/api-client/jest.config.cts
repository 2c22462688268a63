module.exports = {
  displayName: 'web-api-client',
  preset: '../../../jest.preset.js',
  testEnvironment: '<rootDir>/testing/jsdom-fetch.environment.cjs',
  transform: {
    '^.+\\.[tj]sx?$': ['babel-jest', { presets: ['@nx/react/babel'] }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx'],
  coverageDirectory: '../../../coverage/libs/web/api-client',
};

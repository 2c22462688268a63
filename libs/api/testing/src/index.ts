export * from './lib/test-infrastructure';
export * from './lib/test-env';

export * from './lib/embedded-mongo';

export * from './lib/shared-contract';

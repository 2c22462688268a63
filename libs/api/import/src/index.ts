export * from './lib/import.module';
export * from './lib/import.exception';
export * from './lib/import.config';

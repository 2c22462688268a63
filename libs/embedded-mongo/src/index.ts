export { startEmbeddedMongo } from './lib/server';
export type { EmbeddedMongo, EmbeddedMongoOptions } from './lib/server';
export type { RecoveryReport } from './lib/storage/recovery';

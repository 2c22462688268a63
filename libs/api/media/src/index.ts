export * from './lib/media.module';
export * from './lib/media.config';
export * from './lib/media-links';
export * from './lib/media.exception';
export * from './lib/signing/media-url-signer';
export * from './lib/storage/media-storage';
export { LocalDiskMediaStorage } from './lib/storage/local-disk.storage';
export { S3MediaStorage } from './lib/storage/s3.storage';

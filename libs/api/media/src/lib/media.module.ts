import { loadConfig } from '@cadence/api-core';
import { Module } from '@nestjs/common';
import { MediaController } from './controllers/media.controller';
import { MediaLinks } from './media-links';
import { MediaConfig } from './media.config';
import { MediaUrlSigner } from './signing/media-url-signer';
import { LocalDiskMediaStorage } from './storage/local-disk.storage';
import { MediaStorage } from './storage/media-storage';
import { S3MediaStorage } from './storage/s3.storage';

export function createMediaStorage(config: MediaConfig): MediaStorage {
  if (!config.MEDIA_S3_BUCKET) return new LocalDiskMediaStorage(config.MEDIA_STORAGE_DIR);
  return new S3MediaStorage({
    bucket: config.MEDIA_S3_BUCKET,
    region: config.MEDIA_S3_REGION,
    endpoint: config.MEDIA_S3_ENDPOINT,
    accessKeyId: config.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: config.MEDIA_S3_SECRET_ACCESS_KEY,
  });
}

const shared = [
  { provide: MediaConfig, useFactory: () => loadConfig(MediaConfig) },
  { provide: MediaStorage, useFactory: createMediaStorage, inject: [MediaConfig] },
  { provide: MediaUrlSigner, useFactory: (config: MediaConfig) => new MediaUrlSigner(config.MEDIA_SIGNING_SECRET), inject: [MediaConfig] },
  MediaLinks,
];

/** Storage and signed links without HTTP: what the worker and other libraries use. */
@Module({ providers: shared, exports: shared })
export class MediaDataModule {}

/** Adds the public, signature-checked download route. */
@Module({ imports: [MediaDataModule], controllers: [MediaController], exports: [MediaDataModule] })
export class MediaModule {}

import { AppConfig, Clock } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { MediaConfig } from './media.config';
import { MediaUrlSigner } from './signing/media-url-signer';

/** Signed, expiring public links to stored media (what Drop Cowboy and the SPA's audio player fetch). */
@Injectable()
export class MediaLinks {
  private readonly base: string;

  constructor(
    app: AppConfig,
    private readonly config: MediaConfig,
    private readonly signer: MediaUrlSigner,
    private readonly clock: Clock,
  ) {
    this.base = (app.PUBLIC_BASE_URL ?? `http://127.0.0.1:${app.PORT}`).replace(/\/+$/, '');
  }

  /** `path` alone (no host) is what the SPA uses through its own proxy. */
  signedPath(key: string, ttlSeconds = this.config.MEDIA_URL_TTL_SECONDS): { path: string; expiresAt: Date } {
    const { expires, sig } = this.signer.query(key, this.clock.now(), ttlSeconds);
    return { path: `/api/v1/media/${encodeURIComponent(key)}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
  }

  signedUrl(key: string, ttlSeconds?: number): { url: string; expiresAt: Date } {
    const { path, expiresAt } = this.signedPath(key, ttlSeconds);
    return { url: `${this.base}${path}`, expiresAt };
  }
}

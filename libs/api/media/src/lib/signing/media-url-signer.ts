import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

/**
 * Links to stored media that anyone holding them may fetch until they expire (Drop Cowboy imports audio
 * by URL and sends no credentials). The signature is an HMAC over key and expiry, so changing either
 * breaks it.
 */
export class MediaUrlSigner {
  constructor(private readonly secret: string) {}

  sign(key: string, expiresAtSeconds: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${expiresAtSeconds}`).digest('base64url');
  }

  check(key: string, expires: string | undefined, signature: string | undefined, now: Date): SignatureCheck {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return 'invalid';
    const expected = Buffer.from(this.sign(key, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(expires) * 1000 <= now.getTime() ? 'expired' : 'valid';
  }

  /** The query string of a signed link valid for `ttlSeconds` from `now`. */
  query(key: string, now: Date, ttlSeconds: number): { expires: number; sig: string } {
    const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
    return { expires, sig: this.sign(key, expires) };
  }
}

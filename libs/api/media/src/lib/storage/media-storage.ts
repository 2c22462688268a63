export interface StoredMedia {
  bytes: Buffer;
  contentType: string;
}

/** Where generated audio is kept; the key is ours (letters, digits, dot, dash, underscore). */
export abstract class MediaStorage {
  abstract readonly kind: 'local' | 's3';
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** null when nothing is stored under the key. */
  abstract get(key: string): Promise<StoredMedia | null>;
  abstract exists(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** Keys reach file paths and URLs: anything but a flat, safe name is refused. */
export function assertMediaKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid media key "${key}"`);
}

export const CONTENT_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg' };

export function contentTypeOfKey(key: string): string {
  return CONTENT_TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

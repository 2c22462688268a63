import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertMediaKey, contentTypeOfKey, MediaStorage, StoredMedia } from './media-storage';

/** Media as files in one directory; written to a temporary name first so a reader never sees half a file. */
export class LocalDiskMediaStorage extends MediaStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    assertMediaKey(key);
    await mkdir(this.root, { recursive: true });
    const temporary = join(this.root, `.${key}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, join(this.root, key));
  }

  async get(key: string): Promise<StoredMedia | null> {
    assertMediaKey(key);
    try {
      return { bytes: await readFile(join(this.root, key)), contentType: contentTypeOfKey(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertMediaKey(key);
    return stat(join(this.root, key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    assertMediaKey(key);
    await rm(join(this.root, key), { force: true });
  }
}

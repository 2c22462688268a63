import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskMediaStorage } from './local-disk.storage';

describe('LocalDiskMediaStorage', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'media-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores, reads back with a content type, and deletes', async () => {
    const storage = new LocalDiskMediaStorage(join(dir, 'nested'));
    await storage.put('vm-1.wav', Buffer.from('RIFF'));
    expect(await storage.exists('vm-1.wav')).toBe(true);
    expect(await storage.get('vm-1.wav')).toEqual({ bytes: Buffer.from('RIFF'), contentType: 'audio/wav' });
    expect(await readdir(join(dir, 'nested'))).toEqual(['vm-1.wav']);
    await storage.delete('vm-1.wav');
    expect(await storage.get('vm-1.wav')).toBeNull();
  });

  it('refuses keys that would escape its directory', async () => {
    const storage = new LocalDiskMediaStorage(dir);
    await expect(storage.put('../evil.wav', Buffer.from('x'))).rejects.toThrow('Invalid media key');
    await expect(storage.get('a/b.wav')).rejects.toThrow('Invalid media key');
  });
});

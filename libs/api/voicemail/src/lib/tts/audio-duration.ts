import { WaveFile } from 'wavefile';

// A native import() that the CommonJS build keeps as is: music-metadata is ESM-only (DEPENDENCIES.md row 10a).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('music-metadata')>;

function wavDuration(bytes: Buffer): number | null {
  try {
    const wav = new WaveFile(bytes);
    const fmt = wav.fmt as { byteRate: number };
    const data = wav.data as { chunkSize: number };
    return fmt.byteRate > 0 ? data.chunkSize / fmt.byteRate : null;
  } catch {
    return null;
  }
}

/** Seconds of audio in the file, or null when the bytes are not audio we can read. */
export async function audioDurationSeconds(bytes: Buffer, contentType: string): Promise<number | null> {
  const seconds = contentType === 'audio/wav' ? wavDuration(bytes) : ((await importEsm('music-metadata').then((mm) => mm.parseBuffer(bytes, { mimeType: contentType, size: bytes.length }, { duration: true })).catch(() => null))?.format.duration ?? null);
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 100) / 100 : null;
}

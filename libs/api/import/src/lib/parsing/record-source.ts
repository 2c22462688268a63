export enum ImportFormat {
  Csv = 'csv',
  Xlsx = 'xlsx',
  VCard = 'vcard',
  Json = 'json',
}

/** One record of a file or connector, keyed by column name; rowNumber is what the user sees. */
export interface SourceRow {
  rowNumber: number;
  values: Record<string, string>;
}

/**
 * The importer interface: files (CSV, XLSX, vCard, JSON) and API connectors (Google People, Mojo
 * Dialer) all produce named columns and rows, so mapping, dedupe and progress are written once.
 * rows() may be called again (a resumed import walks from the start and skips what is done).
 */
export interface RecordSource {
  format: ImportFormat | null;
  columns: string[];
  /** Facts about the file shown in the preview (encoding, delimiter). */
  details: { encoding?: string; delimiter?: string };
  /** Known up front for files; the connector's own count, or null, for APIs. */
  total: number | null;
  rows(): AsyncIterable<SourceRow>;
}

/** Header cells made unique and non-empty, so every column can be named in a mapping. */
export function uniqueColumns(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, i) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function isBlankRow(values: Record<string, string>): boolean {
  return Object.values(values).every((v) => v.trim() === '');
}

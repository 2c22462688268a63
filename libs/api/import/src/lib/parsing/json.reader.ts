import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportFormat, RecordSource, SourceRow } from './record-source';

/**
 * A JSON array of objects. Nested values are flattened into dotted columns ("address.city",
 * "phones.2") so they can be mapped like any other column. Row numbers count the objects from 1.
 */
export function openJson(text: string): RecordSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportException(ImportErrorCode.FileUnparseable, `The file is not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : null;
  if (!items) throw new ImportException(ImportErrorCode.FileUnparseable, 'A JSON import must be an array of objects');
  if (items.length === 0) throw new ImportException(ImportErrorCode.FileEmpty, 'The JSON array is empty');
  const records = items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ImportException(ImportErrorCode.FileUnparseable, `Item ${i + 1} is not an object`);
    return flatten(item as Record<string, unknown>);
  });
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return {
    format: ImportFormat.Json,
    columns,
    details: { encoding: 'utf-8' },
    total: records.length,
    rows: () => rowsOf(records, columns),
  };
}

async function* rowsOf(records: Record<string, string>[], columns: string[]): AsyncIterable<SourceRow> {
  for (let i = 0; i < records.length; i++) {
    const values: Record<string, string> = {};
    for (const column of columns) values[column] = records[i][column] ?? '';
    yield { rowNumber: i + 1, values };
  }
}

function flatten(value: Record<string, unknown> | unknown[], prefix = '', into: Record<string, string> = {}): Record<string, string> {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child === null || child === undefined) into[path] = '';
    else if (typeof child === 'object' && !(child instanceof Date)) flatten(child as Record<string, unknown>, path, into);
    else into[path] = String(child);
  }
  return into;
}

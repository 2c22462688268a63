import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportFormat, RecordSource, SourceRow, uniqueColumns } from './record-source';

const CANDIDATES = [',', ';', '\t', '|'];
const SLICE = 64 * 1024;

/**
 * The delimiter is decided from the header line alone (csv-parse would treat a list of candidates
 * as all being separators): the candidate found most often outside quotes wins, comma on a tie.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0] as [string, number])[0];
}

/** Rows as the spreadsheet shows them: the header is row 1, a multi-line quoted cell stays in its row. */
export async function openCsv(text: string, encoding: string): Promise<RecordSource> {
  if (text.trim() === '') throw new ImportException(ImportErrorCode.FileEmpty, 'The file is empty');
  const delimiter = detectDelimiter(text);
  const records = iterate(text, delimiter);
  const header = await records.next();
  await records.return(undefined);
  if (header.done) throw new ImportException(ImportErrorCode.FileEmpty, 'The file is empty');
  const columns = uniqueColumns(header.value);
  let total = 0;
  for await (const record of iterate(text, delimiter)) if (record.some((cell) => cell.trim() !== '')) total += 1;
  return {
    format: ImportFormat.Csv,
    columns,
    details: { encoding, delimiter },
    total: Math.max(0, total - 1),
    rows: () => rowsOf(text, delimiter, columns),
  };
}

async function* rowsOf(text: string, delimiter: string, columns: string[]): AsyncIterable<SourceRow> {
  let index = 0;
  for await (const record of iterate(text, delimiter)) {
    index += 1;
    if (index === 1 || record.every((cell) => cell.trim() === '')) continue;
    const values: Record<string, string> = {};
    columns.forEach((column, i) => (values[column] = record[i] ?? ''));
    yield { rowNumber: index, values };
  }
}

async function* iterate(text: string, delimiter: string): AsyncGenerator<string[]> {
  const parser = Readable.from(slices(text)).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }));
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'CSV_ERROR';
    throw new ImportException(ImportErrorCode.FileUnparseable, `The file is not readable as CSV: ${(error as Error).message}`, { parserCode: code });
  } finally {
    parser.destroy();
  }
}

function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

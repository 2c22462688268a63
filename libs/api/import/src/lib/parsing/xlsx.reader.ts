import { readSheet } from 'read-excel-file/node';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportFormat, RecordSource, SourceRow, uniqueColumns } from './record-source';

/**
 * read-excel-file holds the whole sheet in memory (1M rows took 1.9 GB and then failed), so the
 * caller caps the file size before and the row count here, and a sheet over the cap is refused
 * with the advice to export CSV, which streams.
 */
export async function openXlsx(buffer: Buffer, maxRows: number): Promise<RecordSource> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(buffer)) as unknown[][];
  } catch (error) {
    throw new ImportException(ImportErrorCode.FileUnparseable, `The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const rows = sheet.map((row) => row.map(cellText));
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell !== ''));
  if (headerIndex === -1) throw new ImportException(ImportErrorCode.FileEmpty, 'The sheet is empty');
  const data = rows.slice(headerIndex + 1);
  const nonBlank = data.filter((row) => row.some((cell) => cell !== '')).length;
  if (nonBlank > maxRows) {
    throw new ImportException(ImportErrorCode.FileTooLarge, `The sheet has ${nonBlank} rows; at most ${maxRows} are read from Excel files. Save it as CSV to import more.`);
  }
  const columns = uniqueColumns(rows[headerIndex]);
  return {
    format: ImportFormat.Xlsx,
    columns,
    details: {},
    total: nonBlank,
    rows: () => rowsOf(data, columns, headerIndex + 2),
  };
}

async function* rowsOf(data: string[][], columns: string[], firstRowNumber: number): AsyncIterable<SourceRow> {
  for (let i = 0; i < data.length; i++) {
    if (data[i].every((cell) => cell === '')) continue;
    const values: Record<string, string> = {};
    columns.forEach((column, c) => (values[column] = data[i][c] ?? ''));
    yield { rowNumber: firstRowNumber + i, values };
  }
}

/** Dates become ISO days; numbers keep every digit (a phone stored as a number must not become 7.6e9). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

import { ImportErrorCode, ImportException } from '../import.exception';
import { openCsv } from './csv.reader';
import { decodeText } from './decode-text';
import { openJson } from './json.reader';
import { ImportFormat, RecordSource } from './record-source';
import { openVCard } from './vcard.reader';
import { openXlsx } from './xlsx.reader';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format from the content first (an .xlsx is a zip, a vCard starts BEGIN:VCARD), then the name. */
export function detectFormat(buffer: Buffer, fileName: string): ImportFormat {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return ImportFormat.Xlsx;
  const head = buffer.subarray(0, 2048).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return ImportFormat.VCard;
  if (head.startsWith('[') || /\.json$/i.test(fileName)) return ImportFormat.Json;
  if (/\.vcf$/i.test(fileName)) return ImportFormat.VCard;
  if (/\.xlsx$/i.test(fileName)) return ImportFormat.Xlsx;
  return ImportFormat.Csv;
}

export interface OpenOptions {
  format?: ImportFormat;
  fileName: string;
  xlsxMaxRows: number;
}

/** Decodes and opens an uploaded file; a file that cannot be read as its format answers 400 here. */
export async function openFile(buffer: Buffer, options: OpenOptions): Promise<RecordSource> {
  if (buffer.length === 0) throw new ImportException(ImportErrorCode.FileEmpty, 'The file is empty');
  const format = options.format ?? detectFormat(buffer, options.fileName);
  if (format === ImportFormat.Xlsx) return openXlsx(buffer, options.xlsxMaxRows);
  if (buffer.subarray(0, 8192).includes(0)) throw new ImportException(ImportErrorCode.FileUnparseable, 'The file is binary, not text; upload CSV, XLSX, vCard or JSON');
  const { text, encoding } = decodeText(buffer);
  if (format === ImportFormat.VCard) return openVCard(text);
  if (format === ImportFormat.Json) return openJson(text);
  return openCsv(text, encoding);
}

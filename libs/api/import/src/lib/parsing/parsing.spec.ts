import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeXlsx } from '../../test-fixtures/xlsx-writer';
import { ImportErrorCode } from '../import.exception';
import { detectDelimiter } from './csv.reader';
import { decodeText } from './decode-text';
import { openFile } from './open-source';
import { ImportFormat, RecordSource, SourceRow } from './record-source';
import { upgradeVCard21 } from './vcard.reader';

const fixture = (name: string) => readFileSync(join(__dirname, '../../test-fixtures', name));
const open = (buffer: Buffer, fileName = 'upload') => openFile(buffer, { fileName, xlsxMaxRows: 1000 });

async function rowsOf(source: RecordSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
}

describe('file parsing', () => {
  it('reads a BOM + semicolon CSV with a multi-line quoted cell, keeping spreadsheet row numbers', async () => {
    const source = await open(fixture('bom-semicolon.csv'), 'contacts.csv');
    expect(source).toMatchObject({ format: ImportFormat.Csv, details: { encoding: 'utf-8', delimiter: ';' }, total: 5 });
    expect(source.columns[0]).toBe('First Name');
    const rows = await rowsOf(source);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 6, 7]);
    expect(rows[0].values['First Name']).toBe('JOSÉ');
    expect(rows[0].values['Notes']).toBe('Met at open house;\r\nsaid "call me" in spring');
    expect(rows[1].values['Phone']).toBe('760.555.0136 x12');
  });

  it('decodes a Windows-1252 file that is not valid UTF-8, and detects tabs', async () => {
    const bytes = fixture('title-rep-1252.tsv');
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const source = await open(bytes, 'farm.txt');
    expect(source.details).toEqual({ encoding: 'windows-1252', delimiter: '\t' });
    const rows = await rowsOf(source);
    expect(rows[0].values['Owner Name']).toBe('PEÑA, JOSÉ A');
    expect(rows[1].values['Owner Name']).toBe('O’BRIEN FAMILY TRUST');
  });

  it('detects the delimiter from the header line only, ignoring quoted separators', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5,6')).toBe(';');
    expect(detectDelimiter('name|phone|email\n')).toBe('|');
    expect(detectDelimiter('single\n')).toBe(',');
  });

  it('refuses empty, binary and broken files with a code', async () => {
    expect(await codeOf(open(Buffer.alloc(0)))).toBe(ImportErrorCode.FileEmpty);
    expect(await codeOf(open(Buffer.from('\uFEFF  \r\n')))).toBe(ImportErrorCode.FileEmpty);
    expect(await codeOf(open(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])))).toBe(ImportErrorCode.FileUnparseable);
    expect(await codeOf(open(Buffer.from('name,phone\n"Ann,760 555 0134\n')))).toBe(ImportErrorCode.FileUnparseable);
    expect(await codeOf(open(Buffer.from('[{"name": "Ann"'), 'x.json'))).toBe(ImportErrorCode.FileUnparseable);
    expect(await codeOf(open(Buffer.from('{"name": "Ann"}'), 'x.json'))).toBe(ImportErrorCode.FileUnparseable);
    expect(await codeOf(open(Buffer.from('PK\u0003\u0004garbage')))).toBe(ImportErrorCode.FileUnparseable);
  });

  it('reads vCard 2.1 (bare params, quoted-printable), 3.0 and 4.0 cards from one file', async () => {
    const source = await open(fixture('mixed-versions.vcf'), 'phone.vcf');
    expect(source.format).toBe(ImportFormat.VCard);
    const rows = await rowsOf(source);
    expect(rows).toHaveLength(3);
    expect(rows[0].values).toMatchObject({ 'First Name': 'José', 'Last Name': 'Müller', 'Phone 1': '+1 760 555 0160', 'Phone 2': '760-555-0161', 'Email 1': 'jose.vcard@example.com' });
    expect(rows[0].values['Phone 1 Type'].toUpperCase()).toContain('CELL');
    expect(rows[1].values).toMatchObject({ 'First Name': 'Ann', 'Phone 1': '(312) 555-0162', City: 'Austin', State: 'TX', ZIP: '78701', Tags: 'Sphere,Past Client' });
    expect(rows[2].values).toMatchObject({ 'Full Name': 'Bo Stone', 'Phone 1': '+1-512-555-0163' });
  });

  it('leaves vCard 3.0 untouched in the 2.1 pre-pass', () => {
    const v3 = 'BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TYPE=CELL:1\r\nEND:VCARD';
    expect(upgradeVCard21(v3)).toBe(v3);
  });

  it('reads a JSON array of objects, flattening nested values into columns', async () => {
    const json = JSON.stringify([{ name: 'Ann Lee', phones: ['760 555 0134', '760 555 0135'], address: { city: 'Austin', zip: 78701 } }, { name: 'Bo', email: 'bo@example.com' }]);
    const source = await open(Buffer.from(json), 'contacts.json');
    expect(source.columns).toEqual(['name', 'phones.1', 'phones.2', 'address.city', 'address.zip', 'email']);
    const rows = await rowsOf(source);
    expect(rows[0]).toEqual({ rowNumber: 1, values: { name: 'Ann Lee', 'phones.1': '760 555 0134', 'phones.2': '760 555 0135', 'address.city': 'Austin', 'address.zip': '78701', email: '' } });
  });

  it('reads an XLSX sheet, keeps numeric phones whole, and caps the row count', async () => {
    const sheet = [
      ['Name', 'Phone', 'Zip'],
      ['Ann Lee', 7605550134, 2134],
      [null, null, null],
      ['Bo Stone', '(512) 555-0163', '78701'],
    ];
    const source = await open(writeXlsx(sheet), 'list.xlsx');
    expect(source).toMatchObject({ format: ImportFormat.Xlsx, total: 2, columns: ['Name', 'Phone', 'Zip'] });
    const rows = await rowsOf(source);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rows[0].values).toEqual({ Name: 'Ann Lee', Phone: '7605550134', Zip: '2134' });
    const big = [['Phone'], ...Array.from({ length: 5 }, (_, i) => [`760555010${i}`])];
    expect(await codeOf(openFile(writeXlsx(big), { fileName: 'big.xlsx', xlsxMaxRows: 4 }))).toBe(ImportErrorCode.FileTooLarge);
  });
});

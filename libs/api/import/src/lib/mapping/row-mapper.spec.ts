import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFile } from '../parsing/open-source';
import { SourceRow } from '../parsing/record-source';
import { ImportField } from './import-field';
import { detectPreset, ImportPreset, suggestMapping } from './presets';
import { mapRow } from './row-mapper';

const fixture = (name: string) => readFileSync(join(__dirname, '../../test-fixtures', name));

async function mappedRowsOf(buffer: Buffer, fileName: string) {
  const source = await openFile(buffer, { fileName, xlsxMaxRows: 1000 });
  const preset = detectPreset(source.columns);
  const mapping = suggestMapping(source.columns, preset);
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return { preset, mapping, mapped: rows.map((row) => mapRow(row, mapping)) };
}

const row = (values: Record<string, string>, rowNumber = 2): SourceRow => ({ rowNumber, values });

describe('mapping rows onto contacts', () => {
  it('suggests a mapping from header synonyms and keeps unknown columns as custom fields', async () => {
    const { preset, mapping } = await mappedRowsOf(fixture('bom-semicolon.csv'), 'c.csv');
    expect(preset).toBe(ImportPreset.Generic);
    expect(mapping).toEqual({
      'First Name': ImportField.FirstName,
      'Last Name': ImportField.LastName,
      Phone: ImportField.Phone,
      Mobile: ImportField.Phone,
      Email: ImportField.Email,
      Address: ImportField.PropertyStreet,
      City: ImportField.PropertyCity,
      State: ImportField.PropertyState,
      Zip: ImportField.PropertyZip,
      Notes: ImportField.Custom,
    });
  });

  it('normalises names, phones in every format, emails, states and ZIPs, and reports bad cells by row and column', async () => {
    const { mapped } = await mappedRowsOf(fixture('bom-semicolon.csv'), 'c.csv');
    const [jose, ann, bad, dup, zoe] = mapped;
    expect(jose.errors).toEqual([]);
    expect(jose.draft).toMatchObject({
      firstName: 'José',
      lastName: 'Müller',
      phones: [
        { e164: '+17605550134', type: 'unknown' },
        { e164: '+17605550135', type: 'mobile' },
      ],
      emails: ['jose@example.com'],
      propertyAddress: { street: '74-123 Fairway Dr', city: 'Palm Desert', state: 'CA', zip: '92260' },
      customFields: { Notes: 'Met at open house;\r\nsaid "call me" in spring' },
    });
    expect(ann.draft).toMatchObject({ firstName: 'ann', phones: [{ e164: '+17605550136', extension: '12' }] });
    expect(bad.draft).toBeNull();
    expect(bad.errors).toEqual([
      { rowNumber: 4, column: 'Phone', value: '211', reason: '"211" is not a valid phone number' },
      { rowNumber: 4, column: 'Mobile', value: '555', reason: '"555" is not a valid phone number' },
      { rowNumber: 4, column: 'Email', value: 'not-an-email', reason: '"not-an-email" is not a valid email address' },
      { rowNumber: 4, column: '', value: '', reason: 'No valid phone number or email; row not imported' },
    ]);
    expect(dup.draft?.phones[0].e164).toBe('+17605550134');
    expect(zoe.draft).toMatchObject({ firstName: 'Zoë', lastName: 'Núñez', propertyAddress: { state: 'MA', zip: '02134' } });
  });

  it('maps a title-rep farm list: owner name split, property versus mailing address, APN, absentee derived', async () => {
    const { preset, mapping, mapped } = await mappedRowsOf(fixture('title-rep-1252.tsv'), 'farm.tsv');
    expect(preset).toBe(ImportPreset.TitleRep);
    expect(mapping).toMatchObject({ 'Owner Name': ImportField.FullName, 'Mailing Address': ImportField.MailingStreet, APN: ImportField.Apn });
    expect(mapped[0].draft).toMatchObject({
      firstName: 'José',
      lastName: 'Peña',
      phones: [{ e164: '+17605550150' }],
      propertyAddress: { street: '12 Ocean Ave', city: 'Carlsbad', state: 'CA', zip: '92008' },
      mailingAddress: { street: 'Po Box 9', city: 'Denver', state: 'CO', zip: '80201' },
      realEstate: { apn: '203-111-22', absenteeOwner: true, salePrice: 1250000, saleDate: new Date('2019-03-15T00:00:00Z') },
    });
    expect(mapped[1].draft).toMatchObject({ firstName: '', lastName: 'O’Brien Family Trust', realEstate: { absenteeOwner: false, saleDate: new Date('2020-07-01') } });
  });

  it('maps a Mojo Dialer export: several phones, per-number DNC versus whole-contact DNC', () => {
    const columns = ['First Name', 'Last Name', 'Phone', 'Phone 2', 'Phone 3', 'DNC Number', 'DNC Contact', 'Email'];
    const preset = detectPreset(columns);
    expect(preset).toBe(ImportPreset.MojoDialer);
    const mapping = suggestMapping(columns, preset);
    const numberDnc = mapRow(row({ 'First Name': 'Ann', Phone: '760-555-0134', 'Phone 2': '760-555-0135', 'Phone 3': '', 'DNC Number': '(760) 555-0135', 'DNC Contact': 'No' }), mapping);
    expect(numberDnc.draft).toMatchObject({ doNotContact: false, phones: [{ e164: '+17605550134', dnc: false }, { e164: '+17605550135', dnc: true }] });
    const contactDnc = mapRow(row({ 'First Name': 'Bo', Phone: '512-555-0163', 'DNC Number': '', 'DNC Contact': 'Yes' }), mapping);
    expect(contactDnc.draft).toMatchObject({ doNotContact: true, phones: [{ dnc: false }] });
    const flagAll = mapRow(row({ 'First Name': 'Cy', Phone: '512-555-0164', 'Phone 2': '512-555-0165', 'DNC Number': 'Y' }), mapping);
    expect(flagAll.draft?.phones.map((p) => p.dnc)).toEqual([true, true]);
  });

  it('maps a Google Contacts CSV: numbered values, types, several numbers in one cell, labels as tags', () => {
    const columns = ['Given Name', 'Family Name', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value', 'E-mail 1 - Value', 'Labels', 'Address 1 - Postal Code'];
    const preset = detectPreset(columns);
    expect(preset).toBe(ImportPreset.GoogleContacts);
    const mapped = mapRow(
      row({
        'Given Name': 'Ann',
        'Family Name': 'Lee',
        'Phone 1 - Type': 'Mobile',
        'Phone 1 - Value': '+1 760-555-0134 ::: +1 760-555-0137',
        'Phone 2 - Type': 'Work',
        'Phone 2 - Value': '(760) 555-0135',
        'E-mail 1 - Value': 'ANN@EXAMPLE.COM',
        Labels: 'Sphere ::: * myContacts',
        'Address 1 - Postal Code': '92260',
      }),
      suggestMapping(columns, preset),
    );
    expect(mapped.draft).toMatchObject({
      phones: [
        { e164: '+17605550134', type: 'mobile' },
        { e164: '+17605550137', type: 'mobile' },
        { e164: '+17605550135', type: 'landline' },
      ],
      emails: ['ann@example.com'],
      tags: ['sphere'],
      propertyAddress: { zip: '92260' },
    });
  });

  it('keeps a row with one good and one bad number, reporting the bad one', () => {
    const mapped = mapRow(row({ Phone: '760 555 0134; 999-555-0100' }), { Phone: ImportField.Phone });
    expect(mapped.draft?.phones.map((p) => p.e164)).toEqual(['+17605550134']);
    expect(mapped.errors).toEqual([{ rowNumber: 2, column: 'Phone', value: '999-555-0100', reason: '"999-555-0100" is not a valid phone number' }]);
  });
});

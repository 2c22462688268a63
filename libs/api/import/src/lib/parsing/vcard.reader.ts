import * as icalNamespace from 'ical.js';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportFormat, RecordSource, SourceRow } from './record-source';

type Ical = typeof icalNamespace.default;
// ical.js's CommonJS build exports the module object itself, its types a default export; this
// reads it right both with and without esModuleInterop.
const ICAL: Ical = (icalNamespace as unknown as { default?: Ical }).default ?? (icalNamespace as unknown as Ical);

const MAX_PHONES = 5;
const MAX_EMAILS = 3;

/** The columns every card is flattened into; the generic header synonyms map them. */
export const VCARD_COLUMNS = [
  'First Name',
  'Last Name',
  'Full Name',
  ...Array.from({ length: MAX_PHONES }, (_, i) => [`Phone ${i + 1}`, `Phone ${i + 1} Type`]).flat(),
  ...Array.from({ length: MAX_EMAILS }, (_, i) => `Email ${i + 1}`),
  'Street',
  'City',
  'State',
  'ZIP',
  'Tags',
];

/**
 * vCard 3.0 and 4.0 through ical.js. vCard 2.1 (Android and old Outlook exports) has bare
 * parameters ("TEL;CELL;PREF:") and QUOTED-PRINTABLE values that ical.js refuses, so a small
 * pre-pass rewrites those cards into 3.0 syntax first. Row numbers count the cards from 1.
 */
export function openVCard(text: string): RecordSource {
  let cards: unknown[];
  try {
    const parsed = ICAL.parse(upgradeVCard21(text)) as unknown[];
    cards = parsed.length > 0 && parsed[0] === 'vcard' ? [parsed] : parsed;
  } catch (error) {
    throw new ImportException(ImportErrorCode.FileUnparseable, `The file is not a readable vCard: ${(error as Error).message}`);
  }
  const records = cards.map((card) => flattenCard(new ICAL.Component(card as never)));
  if (records.length === 0) throw new ImportException(ImportErrorCode.FileEmpty, 'The file holds no contact cards');
  return { format: ImportFormat.VCard, columns: VCARD_COLUMNS, details: { encoding: 'utf-8' }, total: records.length, rows: () => rowsOf(records) };
}

async function* rowsOf(records: Record<string, string>[]): AsyncIterable<SourceRow> {
  for (let i = 0; i < records.length; i++) yield { rowNumber: i + 1, values: records[i] };
}

function flattenCard(card: InstanceType<Ical['Component']>): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(VCARD_COLUMNS.map((c) => [c, '']));
  const name = card.getFirstPropertyValue('n') as unknown;
  if (Array.isArray(name)) {
    values['Last Name'] = String(name[0] ?? '');
    values['First Name'] = String(name[1] ?? '');
  }
  values['Full Name'] = String(card.getFirstPropertyValue('fn') ?? '');
  card
    .getAllProperties('tel')
    .slice(0, MAX_PHONES)
    .forEach((tel, i) => {
      values[`Phone ${i + 1}`] = String(tel.getFirstValue() ?? '').replace(/^tel:/i, '');
      const type = tel.getParameter('type');
      values[`Phone ${i + 1} Type`] = (Array.isArray(type) ? type : [type ?? '']).join(',');
    });
  card
    .getAllProperties('email')
    .slice(0, MAX_EMAILS)
    .forEach((email, i) => (values[`Email ${i + 1}`] = String(email.getFirstValue() ?? '')));
  const adr = card.getFirstPropertyValue('adr') as unknown;
  if (Array.isArray(adr)) {
    values['Street'] = String(adr[2] ?? '');
    values['City'] = String(adr[3] ?? '');
    values['State'] = String(adr[4] ?? '');
    values['ZIP'] = String(adr[5] ?? '');
  }
  const categories = card.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  values['Tags'] = categories.join(',');
  return values;
}

/**
 * Rewrites vCard 2.1 cards into 3.0 syntax: bare parameters become TYPE= (or ENCODING=/CHARSET=),
 * QUOTED-PRINTABLE values (soft line breaks included) are decoded as UTF-8, and VERSION becomes 3.0.
 * Cards already in 3.0 or 4.0 pass through untouched.
 */
export function upgradeVCard21(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let in21 = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^BEGIN:VCARD$/i.test(line.trim())) in21 = false;
    if (/^VERSION:2\.1$/i.test(line.trim())) {
      in21 = true;
      out.push('VERSION:3.0');
      continue;
    }
    if (!in21 || !line.includes(':')) {
      out.push(line);
      continue;
    }
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    let value = line.slice(colon + 1);
    const quotedPrintable = params.some((p) => /^(ENCODING=)?QUOTED-PRINTABLE$/i.test(p));
    if (quotedPrintable) {
      while (value.endsWith('=') && i + 1 < lines.length) value = value.slice(0, -1) + lines[++i];
      value = decodeQuotedPrintable(value);
    }
    const kept = params
      .filter((p) => !/^(ENCODING=)?QUOTED-PRINTABLE$/i.test(p) && !/^CHARSET=/i.test(p))
      .map((p) => (p.includes('=') ? p : `TYPE=${p}`));
    line = [name, ...kept].join(';') + ':' + value;
    out.push(line);
  }
  return out.join('\r\n');
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

import { Injectable } from '@nestjs/common';
import { ImportConfig } from '../import.config';
import { ImportPreset } from '../mapping/presets';
import { RecordSource, SourceRow } from '../parsing/record-source';
import { ContactConnector, getJson } from './connector.port';

const PAGE_SIZE = 1000;
const PHONES = 5;
const EMAILS = 3;

interface Person {
  names?: Array<{ givenName?: string; familyName?: string; displayName?: string }>;
  phoneNumbers?: Array<{ value?: string; canonicalForm?: string; type?: string }>;
  emailAddresses?: Array<{ value?: string }>;
  addresses?: Array<{ streetAddress?: string; city?: string; region?: string; postalCode?: string }>;
}

interface ConnectionsPage {
  connections?: Person[];
  nextPageToken?: string;
  totalPeople?: number;
  totalItems?: number;
}

/** Records use the Google Contacts CSV export's column names, so the same preset maps both. */
export const GOOGLE_COLUMNS = [
  'Given Name',
  'Family Name',
  'Name',
  ...Array.from({ length: PHONES }, (_, i) => [`Phone ${i + 1} - Type`, `Phone ${i + 1} - Value`]).flat(),
  ...Array.from({ length: EMAILS }, (_, i) => `E-mail ${i + 1} - Value`),
  'Address 1 - Street',
  'Address 1 - City',
  'Address 1 - Region',
  'Address 1 - Postal Code',
];

/**
 * Google People API: GET /v1/people/me/connections with personFields, pageSize and pageToken,
 * Bearer token, paged by nextPageToken. Configured by GOOGLE_PEOPLE_API_BASE_URL and
 * GOOGLE_PEOPLE_API_TOKEN (an OAuth access token with the contacts.readonly scope).
 */
@Injectable()
export class GooglePeopleConnector implements ContactConnector {
  readonly columns = GOOGLE_COLUMNS;
  readonly preset = ImportPreset.GoogleContacts;

  constructor(private readonly config: ImportConfig) {}

  configured(): boolean {
    return Boolean(this.config.GOOGLE_PEOPLE_API_TOKEN);
  }

  async open(): Promise<RecordSource> {
    const first = await this.page(null);
    return {
      format: null,
      columns: this.columns,
      details: {},
      total: first.totalPeople ?? first.totalItems ?? null,
      rows: () => this.rows(first),
    };
  }

  private async *rows(first: ConnectionsPage): AsyncIterable<SourceRow> {
    let page: ConnectionsPage | null = first;
    let rowNumber = 0;
    while (page) {
      for (const person of page.connections ?? []) yield { rowNumber: ++rowNumber, values: flatten(person) };
      page = page.nextPageToken ? await this.page(page.nextPageToken) : null;
    }
  }

  private async page(pageToken: string | null): Promise<ConnectionsPage> {
    const url = new URL('/v1/people/me/connections', this.config.GOOGLE_PEOPLE_API_BASE_URL);
    url.searchParams.set('personFields', 'names,emailAddresses,phoneNumbers,addresses');
    url.searchParams.set('pageSize', String(PAGE_SIZE));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    return (await getJson(url.toString(), this.config.GOOGLE_PEOPLE_API_TOKEN ?? '')) as ConnectionsPage;
  }
}

function flatten(person: Person): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(GOOGLE_COLUMNS.map((c) => [c, '']));
  const name = person.names?.[0];
  values['Given Name'] = name?.givenName ?? '';
  values['Family Name'] = name?.familyName ?? '';
  values['Name'] = name?.displayName ?? '';
  (person.phoneNumbers ?? []).slice(0, PHONES).forEach((phone, i) => {
    values[`Phone ${i + 1} - Type`] = phone.type ?? '';
    values[`Phone ${i + 1} - Value`] = phone.canonicalForm ?? phone.value ?? '';
  });
  (person.emailAddresses ?? []).slice(0, EMAILS).forEach((email, i) => (values[`E-mail ${i + 1} - Value`] = email.value ?? ''));
  const address = person.addresses?.[0];
  values['Address 1 - Street'] = address?.streetAddress ?? '';
  values['Address 1 - City'] = address?.city ?? '';
  values['Address 1 - Region'] = address?.region ?? '';
  values['Address 1 - Postal Code'] = address?.postalCode ?? '';
  return values;
}

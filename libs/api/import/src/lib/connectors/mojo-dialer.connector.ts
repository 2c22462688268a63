import { Injectable } from '@nestjs/common';
import { ImportConfig } from '../import.config';
import { ImportPreset } from '../mapping/presets';
import { RecordSource, SourceRow } from '../parsing/record-source';
import { ContactConnector, getJson } from './connector.port';

const PER_PAGE = 500;
const PHONES = 5;

interface MojoLead {
  first_name?: string;
  last_name?: string;
  email?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  property_type?: string;
  status?: string;
  dnc?: boolean;
  phones?: Array<{ number?: string; type?: string; dnc?: boolean }>;
}

interface LeadsPage {
  leads?: MojoLead[];
  page?: number;
  total_pages?: number;
  total?: number;
}

/** Records use the Mojo Dialer export's column names, so the same preset maps file and API. */
export const MOJO_COLUMNS = [
  'First Name',
  'Last Name',
  ...Array.from({ length: PHONES }, (_, i) => {
    const stem = i === 0 ? 'Phone' : `Phone ${i + 1}`;
    return [stem, `${stem} Type`, `${stem} DNC`];
  }).flat(),
  'DNC Contact',
  'Email',
  'Address',
  'City',
  'State',
  'Zip',
  'Property Type',
  'Status',
];

/**
 * Mojo Dialer's lead lists: GET {MOJO_API_BASE_URL}/api/v1/lists/{listId}/leads?page&per_page with a
 * Bearer MOJO_API_TOKEN, paged by page/total_pages. Mojo publishes no public API reference; this
 * follows the shape in the product seed and must be checked against a real account.
 */
@Injectable()
export class MojoDialerConnector implements ContactConnector {
  readonly columns = MOJO_COLUMNS;
  readonly preset = ImportPreset.MojoDialer;

  constructor(private readonly config: ImportConfig) {}

  configured(): boolean {
    return Boolean(this.config.MOJO_API_BASE_URL && this.config.MOJO_API_TOKEN);
  }

  async open(options: { listId: string | null }): Promise<RecordSource> {
    const listId = options.listId ?? '';
    const first = await this.page(listId, 1);
    return { format: null, columns: this.columns, details: {}, total: first.total ?? null, rows: () => this.rows(listId, first) };
  }

  private async *rows(listId: string, first: LeadsPage): AsyncIterable<SourceRow> {
    let page: LeadsPage | null = first;
    let number = 1;
    let rowNumber = 0;
    while (page) {
      for (const lead of page.leads ?? []) yield { rowNumber: ++rowNumber, values: flatten(lead) };
      number += 1;
      page = page.total_pages !== undefined && number <= page.total_pages && (page.leads ?? []).length > 0 ? await this.page(listId, number) : null;
    }
  }

  private async page(listId: string, page: number): Promise<LeadsPage> {
    const url = new URL(`/api/v1/lists/${encodeURIComponent(listId)}/leads`, this.config.MOJO_API_BASE_URL);
    url.searchParams.set('page', String(page));
    url.searchParams.set('per_page', String(PER_PAGE));
    return (await getJson(url.toString(), this.config.MOJO_API_TOKEN ?? '')) as LeadsPage;
  }
}

function flatten(lead: MojoLead): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(MOJO_COLUMNS.map((c) => [c, '']));
  Object.assign(values, {
    'First Name': lead.first_name ?? '',
    'Last Name': lead.last_name ?? '',
    'DNC Contact': lead.dnc ? 'Yes' : 'No',
    Email: lead.email ?? '',
    Address: lead.address ?? '',
    City: lead.city ?? '',
    State: lead.state ?? '',
    Zip: lead.zip ?? '',
    'Property Type': lead.property_type ?? '',
    Status: lead.status ?? '',
  });
  (lead.phones ?? []).slice(0, PHONES).forEach((phone, i) => {
    const stem = i === 0 ? 'Phone' : `Phone ${i + 1}`;
    values[stem] = phone.number ?? '';
    values[`${stem} Type`] = phone.type ?? '';
    values[`${stem} DNC`] = phone.dnc ? 'Yes' : 'No';
  });
  return values;
}

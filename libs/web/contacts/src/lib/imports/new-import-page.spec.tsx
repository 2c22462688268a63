import { act, fireEvent, screen, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { renderPage } from '../../testing/render';
import { NewImportPage } from './new-import-page';

const preview = {
  format: 'csv',
  preset: 'generic',
  encoding: 'utf-8',
  delimiter: ',',
  columns: ['Name', 'Best Number', 'Email'],
  suggestedMapping: { Name: 'fullName', 'Best Number': 'custom', Email: 'email' },
  mapping: { Name: 'fullName', 'Best Number': 'custom', Email: 'email' },
  fields: ['fullName', 'phone', 'email', 'custom', 'ignore'],
  columnSamples: { Name: ['Maria Gonzalez'], 'Best Number': ['(760) 555-0134'], Email: ['maria@example.com'] },
  contactColumnMapped: true,
  totalRows: 2,
  sampleRows: [
    {
      rowNumber: 2,
      contact: { firstName: 'Maria', lastName: 'Gonzalez', phones: [], emails: ['maria@example.com'], propertyAddress: null, mailingAddress: null, tags: [], doNotContact: false },
      errors: [],
    },
    { rowNumber: 3, contact: null, errors: [{ rowNumber: 3, column: '', value: '', reason: 'No valid phone number or email; row not imported' }] },
  ],
  warnings: ['Column "Best Number" is not recognised and will be kept as a custom field.'],
};

function chooseFile(container: HTMLElement, name = 'farm.csv') {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['Name,Best Number,Email\nMaria Gonzalez,,maria@example.com\n'], name, { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
}

function choose(name: string, option: string) {
  fireEvent.click(screen.getByRole('combobox', { name }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

describe('new import', () => {
  it('uploads, lets the agent fix the mapping, and starts with that mapping and a new draft campaign', async () => {
    const api = installFakeApi({
      'POST /api/v1/imports/preview': (request) => {
        const mapping = (request.body as { mapping?: string }).mapping;
        if (!mapping) return json(200, preview);
        const withPhone = { firstName: 'Maria', lastName: 'Gonzalez', phones: [{ e164: '+17605550134', extension: null, dnc: false }], emails: ['maria@example.com'], propertyAddress: null, mailingAddress: null, tags: [], doNotContact: false };
        return json(200, { ...preview, mapping: JSON.parse(mapping), sampleRows: [{ rowNumber: 2, contact: withPhone, errors: [] }], warnings: [] });
      },
      'POST /api/v1/imports': () => json(202, { id: '6b01902fe519b84038d530d8', campaignId: '6b01902fe519b84038d530aa' }),
    });
    const { container, router } = renderPage('/imports/new', <NewImportPage />);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    });
    expect(screen.getByText('Choose the file to import.')).toBeTruthy();

    chooseFile(container);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    });
    expect(await screen.findByRole('heading', { name: '2. Match the columns' })).toBeTruthy();
    expect((api.to('POST /api/v1/imports/preview')[0].body as { file: File }).file.name).toBe('farm.csv');
    expect(screen.getByText(/Column "Best Number" is not recognised/)).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'First rows as they will be imported' })).getByText('Will not be imported')).toBeTruthy();

    expect(screen.getByText('e.g. (760) 555-0134')).toBeTruthy();
    choose('Best Number', 'Phone');
    expect(screen.getByText(/You changed the mapping since these rows were read/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Update preview' }));
    });
    const refreshed = api.to('POST /api/v1/imports/preview')[1].body as Record<string, string>;
    expect(JSON.parse(refreshed['mapping'])).toEqual({ Name: 'fullName', 'Best Number': 'phone', Email: 'email' });
    expect(await screen.findByText('With the mapping above.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'First rows as they will be imported' })).queryByText('Will not be imported')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: '3. Choose the options' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Only create new contacts' }));
    fireEvent.click(screen.getByRole('radio', { name: /Create a draft campaign/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
    });
    expect(screen.getByText('Name the new campaign.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Campaign name/ }), { target: { value: 'Spring farm' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start import' }));
    });

    const sent = api.to('POST /api/v1/imports')[0].body as Record<string, unknown>;
    expect(JSON.parse(sent['mapping'] as string)).toEqual({ Name: 'fullName', 'Best Number': 'phone', Email: 'email' });
    expect(sent).toMatchObject({ dedupePolicy: 'create-only', newCampaignName: 'Spring farm', preset: 'generic', format: 'csv' });
    expect(router.state.location.pathname).toBe('/imports/6b01902fe519b84038d530d8');
  });

  it('still lets the agent map the columns when the server finds no phone or email column', async () => {
    installFakeApi({
      'POST /api/v1/imports/preview': () =>
        apiError(400, 'IMPORT_NO_CONTACT_COLUMN', 'No column is mapped to a phone or an email, so no row could be imported', {
          columns: ['Owner', 'Cell #'],
        }),
    });
    const { container } = renderPage('/imports/new', <NewImportPage />);
    chooseFile(container);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    });

    expect(await screen.findByText('No column looked like a phone or email')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Map a phone or email column');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('heading', { name: '3. Choose the options' })).toBeNull();

    choose('Cell #', 'Phone');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: '3. Choose the options' })).toBeTruthy();
  });

  it('lets the agent map a phone column when the preview finds none (200 with a warning)', async () => {
    installFakeApi({
      'POST /api/v1/imports/preview': () =>
        json(200, {
          ...preview,
          columns: ['Owner', 'Cell #'],
          suggestedMapping: { Owner: 'fullName', 'Cell #': 'custom' },
          mapping: { Owner: 'fullName', 'Cell #': 'custom' },
          columnSamples: { Owner: ['Ann Lee'], 'Cell #': ['760.555.0178'] },
          contactColumnMapped: false,
          sampleRows: [{ rowNumber: 2, contact: null, errors: [] }],
          warnings: ['No column is mapped to a phone or an email: map one before importing (the import would be refused).'],
        }),
    });
    const { container } = renderPage('/imports/new', <NewImportPage />);
    chooseFile(container);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    });

    expect(await screen.findByText('No column looked like a phone or email')).toBeTruthy();
    expect(screen.getByText('e.g. 760.555.0178')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('heading', { name: '3. Choose the options' })).toBeNull();
    choose('Cell #', 'Phone');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: '3. Choose the options' })).toBeTruthy();
  });

  it("shows why a file cannot be read, with the API's code", async () => {
    installFakeApi({ 'POST /api/v1/imports/preview': () => apiError(400, 'IMPORT_FILE_EMPTY', 'The file has a header but no rows') });
    const { container } = renderPage('/imports/new', <NewImportPage />);
    chooseFile(container, 'empty.csv');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file has a header but no rows');
    expect(alert.textContent).toContain('IMPORT_FILE_EMPTY');
  });
});

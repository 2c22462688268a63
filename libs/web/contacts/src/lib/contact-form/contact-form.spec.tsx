import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { contact } from '../../testing/contacts';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { renderPage } from '../../testing/render';
import { ContactDetailPage } from '../contact-detail/contact-detail-page';
import { NewContactPage } from './new-contact-page';

const type = (label: string, value: string, scope: HTMLElement = document.body) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

describe('new contact', () => {
  it("shows the server's validation errors on the fields they concern, then creates the contact and opens it", async () => {
    let attempts = 0;
    const api = installFakeApi({
      'POST /api/v1/contacts': (request) => {
        attempts += 1;
        if (attempts === 1) {
          return apiError(400, 'VALIDATION_FAILED', 'Validation failed', [
            // The blank first phone row is not sent: the server's phones.0 is the second row on screen.
            { field: 'phones.0.number', messages: ['"211" is not a valid phone number'] },
            { field: 'propertyAddress.zip', messages: ['zip must be 5 digits'] },
          ]);
        }
        const body = request.body as { firstName: string; lastName: string };
        return json(201, contact('c9', body.firstName, body.lastName));
      },
      'GET /api/v1/contacts/c9': () => json(200, contact('c9', 'Ana', 'García')),
    });
    const { router } = renderPage('/contacts/new', <NewContactPage />);

    type('First name', 'Ana');
    type('Last name', 'García');
    fireEvent.click(screen.getByRole('button', { name: 'Add phone' }));
    const second = screen.getByRole('group', { name: 'Phone 2' });
    type('Number', '211', second);
    fireEvent.click(within(second).getByLabelText('Do not call'));
    type('Email 1', 'ana@example.com');
    type('ZIP', '9226', screen.getByRole('group', { name: 'Property address' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create contact' }));
    });

    expect(api.to('POST /api/v1/contacts')[0].body).toMatchObject({
      firstName: 'Ana',
      lastName: 'García',
      phones: [{ number: '211', dnc: true }],
      emails: ['ana@example.com'],
      propertyAddress: { zip: '9226' },
      mailingAddress: null,
    });
    const number = within(second).getByLabelText('Number');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(within(second).getByText('"211" is not a valid phone number')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Phone 1' })).queryByText(/not a valid phone/)).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Property address' })).getByText('zip must be 5 digits')).toBeTruthy();
    expect(document.activeElement).toBe(number);

    type('Number', '(760) 555-0177', second);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create contact' }));
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/c9'));
  });
});

describe('edit contact', () => {
  it('edits names, phones with their DNC flags, emails and tags, and shows a duplicate above the form', async () => {
    const maria = contact('c1', 'Maria', 'Gonzalez', {
      phones: [{ e164: '+17605550199', extension: '12', type: 'landline', dnc: false, label: 'office' }],
      tags: ['farm'],
    });
    let saved = 0;
    let stored = maria;
    const api = installFakeApi({
      'GET /api/v1/contacts/c1': () => json(200, stored),
      'GET /api/v1/contacts/c1/campaigns': () => json(200, { items: [] }),
      'GET /api/v1/contacts/c1/timeline': () => json(200, { items: [], total: 0, page: 1, limit: 20 }),
      'PATCH /api/v1/contacts/c1': () => {
        saved += 1;
        if (saved === 1) return apiError(409, 'CONTACT_DUPLICATE', 'Another contact already has maria@other.com', [{ contactId: 'c7', phones: [], emails: ['maria@other.com'] }]);
        stored = { ...maria, lastName: 'González', phones: [{ ...maria.phones[0], dnc: true }] };
        return json(200, stored);
      },
    });
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/c1');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit contact' });
    expect((within(dialog).getByLabelText('Number') as HTMLInputElement).value).toBe('+17605550199 x12');
    type('Last name', 'González', dialog);
    fireEvent.click(within(dialog).getByLabelText('Do not call'));
    type('Email 1', 'maria@other.com', dialog);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    });
    expect(await within(dialog).findByText('Another contact already has maria@other.com')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open the contact that has it' }).getAttribute('href')).toBe('/contacts/c7');

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    });
    expect(api.to('PATCH /api/v1/contacts/c1')[1].body).toMatchObject({
      lastName: 'González',
      phones: [{ number: '+17605550199 x12', dnc: true, type: 'landline', label: 'office' }],
      emails: ['maria@other.com'],
      tags: ['farm'],
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit contact' })).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Maria González' })).toBeTruthy();
  });
});

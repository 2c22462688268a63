import { act, fireEvent, screen, within } from '@testing-library/react';
import { contact } from '../../testing/contacts';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { renderPage } from '../../testing/render';
import { campaignRoutes } from '../../testing/campaigns';
import { ContactDetailPage } from './contact-detail-page';

const SPRING = '6b01902fe519b84038d530d8';
const FALL = '6b01902fe519b84038d530d9';

const maria = contact('c1', 'Maria', 'Gonzalez', {
  phones: [
    { e164: '+17605550134', extension: null, type: 'mobile', dnc: false, label: 'cell' },
    { e164: '+17605550199', extension: '12', type: 'landline', dnc: true, label: 'office' },
  ],
  campaignHistory: { campaignIds: [SPRING], totalCampaigns: 1, lastAddedAt: null, lastContactedAt: null, lastRespondedAt: null },
});

const membership = (campaignId: string, campaignName: string) => ({
  campaignId,
  campaignName,
  status: 'active',
  source: 'manual',
  addedAt: '2026-11-20T10:00:00.000Z',
  channels: {
    voicemail: { status: 'delivered', sentAt: '2026-11-20T11:00:00.000Z', deliveredAt: '2026-11-20T11:01:00.000Z', engagedAt: null, respondedAt: null },
    sms: { status: 'not-started', sentAt: null, deliveredAt: null, engagedAt: null, respondedAt: null },
    email: { status: 'not-started', sentAt: null, deliveredAt: null, engagedAt: null, respondedAt: null },
  },
  engagement: { responded: true, converted: false, responseChannel: 'sms' },
});

function routes(extra = {}) {
  return {
    'GET /api/v1/contacts/c1': () => json(200, maria),
    'GET /api/v1/contacts/c1/campaigns': () => json(200, { items: [membership(SPRING, 'Spring farm')] }),
    'GET /api/v1/contacts/c1/timeline': () =>
      json(200, {
        items: [{ id: 'e1', type: 'imported', occurredAt: '2026-11-20T10:00:00.000Z', summary: 'Created by an import (row 2)', actor: 'import', data: {} }],
        total: 1,
        page: 1,
        limit: 20,
      }),
    ...extra,
  };
}

describe('contact detail', () => {
  it('shows the phones with their do-not-call flags, the campaign history and the timeline', async () => {
    installFakeApi(routes());
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/c1');

    expect(await screen.findByRole('heading', { name: 'Maria Gonzalez' })).toBeTruthy();
    const phones = screen.getByRole('table', { name: 'Phone numbers' });
    const rows = within(phones).getAllByRole('row');
    expect(rows[1].textContent).toContain('(760) 555-0134');
    expect(rows[1].textContent).toContain('Not on DNC list');
    expect(rows[2].textContent).toContain('(760) 555-0199 ext. 12');
    expect(rows[2].textContent).toContain('On do-not-call list');
    expect(screen.getByText('Voicemail: no consent')).toBeTruthy();

    const campaigns = await screen.findByRole('list', { name: 'Campaigns' });
    expect(within(campaigns).getByText('Spring farm')).toBeTruthy();
    expect(within(campaigns).getByText('Delivered')).toBeTruthy();
    expect(within(campaigns).getByText('Responded by sms')).toBeTruthy();
    expect(within(campaigns).getByRole('link', { name: 'Contacts not in this campaign' }).getAttribute('href')).toBe(
      `/contacts?notInCampaign=${SPRING}&campaignName=Spring+farm`,
    );
    expect(await screen.findByText('Created by an import (row 2)')).toBeTruthy();
  });

  it('says why each channel of a campaign stopped, and shows the removal on the timeline with a link to the campaign', async () => {
    const idle = { sentAt: null, deliveredAt: null, engagedAt: null, respondedAt: null, statusAt: '2026-11-21T09:00:00.000Z' };
    installFakeApi(
      routes({
        'GET /api/v1/contacts/c1/campaigns': () =>
          json(200, {
            items: [
              {
                ...membership(SPRING, 'Spring farm'),
                status: 'removed',
                channels: {
                  voicemail: { ...idle, status: 'cancelled', reasonCode: 'removed', reason: 'Not sent: the contact was removed from the campaign' },
                  sms: { ...idle, status: 'skipped', reasonCode: 'no_consent', reason: null },
                  email: { ...idle, status: 'not-started', reasonCode: null, reason: null },
                },
                engagement: { responded: false, converted: false, responseChannel: null },
              },
            ],
          }),
        'GET /api/v1/contacts/c1/timeline': () =>
          json(200, {
            items: [{ id: 'e2', type: 'removed-from-campaign', occurredAt: '2026-11-21T09:00:00.000Z', summary: 'Removed from a campaign', actor: 'user', data: { campaignId: SPRING } }],
            total: 1,
            page: 1,
            limit: 20,
          }),
      }),
    );
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/c1');

    const campaigns = await screen.findByRole('list', { name: 'Campaigns' });
    expect(within(campaigns).getByText('Removed')).toBeTruthy();
    expect(within(campaigns).getByText('Cancelled')).toBeTruthy();
    expect(within(campaigns).getByTestId('reason-voicemail').textContent).toBe('Not sent: the contact was removed from the campaign');
    expect(within(campaigns).getByTestId('reason-sms').textContent).toBe('no consent');
    expect(within(campaigns).queryByTestId('reason-email')).toBeNull();

    expect(await screen.findByText('Removed from a campaign')).toBeTruthy();
    expect(screen.getByText('Removed from campaign')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the campaign' }).getAttribute('href')).toBe(`/campaigns/${SPRING}`);
  });

  it('adds the contact to one of the campaigns, showing those it is already in as unavailable', async () => {
    const api = installFakeApi(
      routes({
        ...campaignRoutes([
          { id: SPRING, name: 'Spring farm', status: 'active' },
          { id: FALL, name: 'Fall expireds' },
        ]),
        'POST /api/v1/contacts/c1/campaigns': () => json(201, membership(FALL, 'Fall expireds')),
      }),
    );
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/c1');
    await screen.findByRole('list', { name: 'Campaigns' });

    fireEvent.click(screen.getAllByRole('button', { name: 'Add to campaign' })[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Add to campaign' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add to campaign' }));
    });
    expect(within(dialog).getByText('Choose a campaign.')).toBeTruthy();

    fireEvent.click(await within(dialog).findByRole('combobox', { name: 'Campaign' }));
    const spring = await screen.findByRole('option', { name: /Spring farm/ });
    expect(spring.getAttribute('aria-disabled') ?? spring.getAttribute('data-combobox-disabled')).toBeTruthy();
    expect(within(spring).getByText('Maria Gonzalez is already in it')).toBeTruthy();
    expect(within(screen.getByRole('option', { name: /Fall expireds/ })).getByText('Draft')).toBeTruthy();
    fireEvent.click(screen.getByRole('option', { name: /Fall expireds/ }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add to campaign' }));
    });
    expect(api.to('POST /api/v1/contacts/c1/campaigns')[0].body).toEqual({ campaignId: FALL });
    expect(await screen.findByText('Maria Gonzalez was added to Fall expireds.')).toBeTruthy();
  });

  it('records consent with where it was given, and shows the field error the API returns', async () => {
    const api = installFakeApi(
      routes({
        'PUT /api/v1/contacts/c1/consent': () =>
          apiError(400, 'VALIDATION_FAILED', 'Validation failed', [{ field: 'source', messages: ['source must be shorter'] }]),
      }),
    );
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/c1');
    await screen.findByRole('heading', { name: 'Maria Gonzalez' });

    fireEvent.click(screen.getByRole('button', { name: 'Record SMS consent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record consent' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save consent' }));
    });
    expect(within(dialog).getByText(/Say where the consent was given/)).toBeTruthy();
    expect(api.to('PUT /api/v1/contacts/c1/consent')).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Where was it given/ }), { target: { value: 'open house' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save consent' }));
    });
    expect(api.to('PUT /api/v1/contacts/c1/consent')[0].body).toEqual({ channel: 'sms', status: 'granted', source: 'open house' });
    expect(await within(dialog).findByText('source must be shorter')).toBeTruthy();
  });

  it('says so when the contact does not exist', async () => {
    installFakeApi({
      'GET /api/v1/contacts/nope': () => apiError(404, 'NOT_FOUND', 'Contact not found'),
      'GET /api/v1/contacts/nope/campaigns': () => apiError(404, 'NOT_FOUND', 'Contact not found'),
    });
    renderPage('/contacts/:contactId', <ContactDetailPage />, '/contacts/nope');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This contact does not exist');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

import { tokenStore } from '@cadence/web-api-client';
import type { ContactResponseDto } from '@cadence/web-api-client';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ConsentBadges } from './consent-badges';
import { RepliesPage } from './replies-page';

function renderWithProviders(element: ReactElement) {
  tokenStore.setSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: ['/'] });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const consent = (status: string) => ({ status, source: null, capturedAt: null, wording: null, ip: null });

describe('ConsentBadges', () => {
  it('shows each channel: opted out with its source, consent granted, or none', () => {
    const contact = {
      doNotContact: false,
      consent: { sms: consent('denied'), voice: consent('granted'), email: consent('unknown') },
      optOuts: { sms: { at: '2026-03-10T19:00:00.000Z', reason: null, source: 'sms-reply', evidence: 'STOP' }, voice: null, email: null },
    } as unknown as ContactResponseDto;
    renderWithProviders(<ConsentBadges contact={contact} />);
    expect(screen.getByText('Text: opted out')).toBeTruthy();
    expect(screen.getByLabelText(/Text: Opted out .* via sms-reply \("STOP"\)/)).toBeTruthy();
    expect(screen.getByText('Voicemail: consent')).toBeTruthy();
    expect(screen.getByText('Email: no consent')).toBeTruthy();
  });

  it('leaves out channels without any consent decision when compact, as in a list row', () => {
    const contact = {
      doNotContact: false,
      consent: { sms: consent('granted'), voice: consent('unknown'), email: consent('unknown') },
      optOuts: { sms: null, voice: null, email: { at: '2026-03-10T19:00:00.000Z', reason: null, source: 'sendgrid-unsubscribe', evidence: null } },
    } as unknown as ContactResponseDto;
    renderWithProviders(<ConsentBadges contact={contact} compact />);
    expect(screen.getByText('Text: consent')).toBeTruthy();
    expect(screen.getByText('Email: opted out')).toBeTruthy();
    expect(screen.queryByText('Voicemail: no consent')).toBeNull();
  });

  it('says do not contact when the contact stopped everything', () => {
    renderWithProviders(<ConsentBadges contact={{ doNotContact: true } as unknown as ContactResponseDto} />);
    expect(screen.getByText('Do not contact')).toBeTruthy();
  });
});

describe('RepliesPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists replies with the contact and what each one did', async () => {
    const page = {
      items: [
        { id: 'r1', contactId: 'c1', contactName: 'Fay Owner', campaignId: 'k1', channel: 'sms', from: '+14155550101', body: "Yes I'm thinking of selling", intent: 'reply', receivedAt: '2026-03-10T19:00:00.000Z' },
        { id: 'r2', contactId: 'c2', contactName: null, campaignId: 'k1', channel: 'sms', from: '+14155550102', body: 'STOP', intent: 'opt_out', receivedAt: '2026-03-10T18:00:00.000Z' },
      ],
      total: 2,
      page: 1,
      limit: 25,
    };
    const fetchMock = jest.fn(async () => new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    global.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<RepliesPage />);
    expect(await screen.findByText("Yes I'm thinking of selling")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Fay Owner' }).getAttribute('href')).toBe('/contacts/c1');
    expect(screen.getByText('Reply · paused')).toBeTruthy();
    expect(screen.getByText('Opted out')).toBeTruthy();
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toContain('/api/v1/replies');
  });
});

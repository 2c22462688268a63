import { act, fireEvent } from '@testing-library/react';
import type { FakeRoute } from './fake-api';
import { json } from './fake-api';
import { campaign, CAMPAIGN_ID } from './fixtures';

/** The draft campaign's API as the wizard first reads it: no strategies yet, one member, the agent. */
export function draftRoutes(overrides: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  const base = `/api/v1/campaigns/${CAMPAIGN_ID}`;
  return {
    [`GET ${base}`]: () => json(200, campaign()),
    [`GET ${base}/strategies`]: () => json(200, { items: [] }),
    [`GET ${base}/contacts`]: () =>
      json(200, {
        items: [{ contactId: 'c1', firstName: 'Maria', lastName: 'Gonzalez', status: 'active', source: 'manual', sms: 'not-started', email: 'not-started', voicemail: 'not-started', addedAt: '2026-11-20T10:00:00.000Z' }],
        total: 1,
        page: 1,
        limit: 5,
      }),
    'GET /api/v1/auth/me': () => json(200, { id: 'u1', name: 'Jane Agent', email: 'jane@example.com' }),
    ...overrides,
  };
}

/** A click whose state updates (queries, navigation) settle before the test reads the screen. */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

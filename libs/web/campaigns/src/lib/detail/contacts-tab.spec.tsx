import type { CampaignMemberResponseDto, MemberChannelProgressResponseDto } from '@cadence/web-api-client';
import { screen, within } from '@testing-library/react';
import { installFakeApi, json } from '../../testing/fake-api';
import { CAMPAIGN_ID } from '../../testing/fixtures';
import { renderWithProviders } from '../../testing/render';
import { ContactsTab } from './contacts-tab';

const idle: MemberChannelProgressResponseDto = { status: 'not-started', reasonCode: null, reason: null, statusAt: null };

function member(contactId: string, firstName: string, channels: Partial<CampaignMemberResponseDto['channels']>): CampaignMemberResponseDto {
  const all = { sms: idle, email: idle, voicemail: idle, ...channels };
  return { contactId, firstName, lastName: 'Doe', status: 'active', source: 'manual', sms: all.sms.status, email: all.email.status, voicemail: all.voicemail.status, channels: all, addedAt: '2026-11-20T10:00:00.000Z' };
}

function cellsOf(name: string): string[] {
  const table = screen.getByRole('table', { name: 'Campaign contacts' });
  const row = within(table).getAllByRole('row').find((r) => r.textContent?.includes(name)) as HTMLElement;
  return within(row).getAllByRole('cell').slice(2, 5).map((c) => c.textContent ?? '');
}

describe('campaign Contacts tab', () => {
  it('says under each badge why a send was skipped, deferred, failed or cancelled', async () => {
    installFakeApi({
      [`GET /api/v1/campaigns/${CAMPAIGN_ID}/contacts`]: () =>
        json(200, {
          items: [
            member('c1', 'Ana', {
              sms: { status: 'deferred', reasonCode: 'quiet_hours', reason: 'Quiet hours in America/Chicago until 9:00 AM', statusAt: '2026-11-21T03:00:00.000Z' },
              email: { status: 'skipped', reasonCode: 'no_email', reason: null, statusAt: '2026-11-21T03:00:00.000Z' },
              voicemail: { status: 'failed', reasonCode: 'invalid_number', reason: 'Drop Cowboy: the number is not a mobile', statusAt: '2026-11-21T03:00:00.000Z' },
            }),
            member('c2', 'Ben', {
              sms: { status: 'delivered', reasonCode: null, reason: null, statusAt: '2026-11-21T03:00:00.000Z' },
              email: { status: 'cancelled', reasonCode: 'campaign_ended', reason: null, statusAt: '2026-11-21T03:00:00.000Z' },
            }),
          ],
          total: 2,
          page: 1,
          limit: 25,
        }),
    });
    renderWithProviders(<ContactsTab campaignId={CAMPAIGN_ID} canAdd={false} />);

    await screen.findByRole('table', { name: 'Campaign contacts' });
    // The API's own sentence first (it names the hour a deferral waits for); the code in words otherwise.
    expect(cellsOf('Ana')).toEqual(['DeferredQuiet hours in America/Chicago until 9:00 AM', 'SkippedNo email address', 'FailedDrop Cowboy: the number is not a mobile']);
    expect(cellsOf('Ben')).toEqual(['Delivered', 'CancelledThe campaign ended first', 'Not started']);
  });
});

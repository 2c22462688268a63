import type { ContactCampaignResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { campaignLabel } from '../shared/campaign-picker';
import { formatDate, formatDateTime } from '../shared/format';
import { DELIVERY_LABELS, MEMBERSHIP_LABELS, SOURCE_LABELS } from '../shared/labels';
import type { ApiError } from '@cadence/web-api-client';

const CHANNELS = [
  { key: 'voicemail', label: 'Voicemail' },
  { key: 'sms', label: 'SMS' },
  { key: 'email', label: 'Email' },
] as const;

function filterLink(kind: 'campaignId' | 'notInCampaign', membership: ContactCampaignResponseDto): string {
  const params = new URLSearchParams({ [kind]: membership.campaignId });
  if (membership.campaignName) params.set('campaignName', membership.campaignName);
  return `/contacts?${params.toString()}`;
}

export interface CampaignHistorySectionProps {
  memberships: ContactCampaignResponseDto[] | undefined;
  isPending: boolean;
  error: ApiError | null;
  onRetry: () => void;
}

/** Every campaign the contact was added to, with each channel's progress and whether they answered. */
export function CampaignHistorySection({ memberships, isPending, error, onRetry }: CampaignHistorySectionProps) {
  if (isPending) return <LoadingState label="Loading campaign history…" />;
  if (error) return <ErrorAlert title="Could not load the campaign history" message={error.message} code={error.code} onRetry={onRetry} />;
  if (!memberships || memberships.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not in any campaign yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Campaigns">
      {memberships.map((membership) => {
        const name = campaignLabel({ id: membership.campaignId, name: membership.campaignName });
        return (
          <Card key={membership.campaignId} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{name}</Text>
              <Group gap={6}>
                <Badge variant="light" color={membership.status === 'active' ? 'indigo' : 'gray'}>
                  {MEMBERSHIP_LABELS[membership.status]}
                </Badge>
                {membership.engagement.responded ? (
                  <Badge color="teal" variant="light">
                    Responded{membership.engagement.responseChannel ? ` by ${membership.engagement.responseChannel}` : ''}
                  </Badge>
                ) : null}
                {membership.engagement.converted ? <Badge color="teal">Converted</Badge> : null}
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Added {formatDate(membership.addedAt)} · {SOURCE_LABELS[membership.source]}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 3 }} mt="xs" spacing="xs">
              {CHANNELS.map(({ key, label }) => {
                const progress = membership.channels[key];
                const last = progress.respondedAt ?? progress.engagedAt ?? progress.deliveredAt ?? progress.sentAt;
                return (
                  <div key={key}>
                    <Text size="xs" c="dimmed">
                      {label}
                    </Text>
                    <Text size="sm">{DELIVERY_LABELS[progress.status]}</Text>
                    {/* Why it was skipped, deferred, failed or cancelled: the API's own sentence, else its code. */}
                    {progress.reason || progress.reasonCode ? (
                      <Text size="xs" c="dimmed" data-testid={`reason-${key}`}>
                        {progress.reason ?? progress.reasonCode?.replace(/_/g, ' ')}
                      </Text>
                    ) : null}
                    {last ? (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(last)}
                      </Text>
                    ) : null}
                  </div>
                );
              })}
            </SimpleGrid>
            <Group gap="md" mt="xs">
              <Anchor component={Link} to={filterLink('campaignId', membership)} size="sm">
                Contacts in this campaign
              </Anchor>
              <Anchor component={Link} to={filterLink('notInCampaign', membership)} size="sm">
                Contacts not in this campaign
              </Anchor>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

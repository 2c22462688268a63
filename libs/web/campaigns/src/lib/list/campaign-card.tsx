import type { CampaignResponseDto } from '@cadence/web-api-client';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatUsd } from '../shared/format';
import { STATUS_COLORS, STATUS_LABELS, TYPE_LABELS } from '../shared/labels';
import { ChannelStatsTable } from './channel-stats';

export function CampaignStatusBadge({ status }: { status: CampaignResponseDto['status'] }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="campaign-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** One campaign in the list: name, status, type, spend and what went out per channel. */
export function CampaignCard({ campaign }: { campaign: CampaignResponseDto }) {
  const setup = campaign.status === 'draft' || campaign.status === 'review';
  return (
    <Card withBorder padding="md" component="article" aria-label={campaign.name} h="100%">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600} lineClamp={2}>
            {campaign.name}
          </Anchor>
          <CampaignStatusBadge status={campaign.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {TYPE_LABELS[campaign.type]}
          {campaign.neighborhood ? ` · ${campaign.neighborhood}` : ''} · created {formatDate(campaign.createdAt)}
        </Text>
        <ChannelStatsTable stats={campaign.stats} compact caption={`Sends of ${campaign.name} per channel`} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            Spent {formatUsd(campaign.budget.spentUsd)}
            {campaign.budget.limitUsd !== null ? ` of ${formatUsd(campaign.budget.limitUsd)}` : ''}
          </Text>
          {setup ? (
            <Anchor component={Link} to={`/campaigns/${campaign.id}/setup`} size="xs">
              Continue setup
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

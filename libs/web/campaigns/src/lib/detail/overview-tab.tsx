import type { CampaignResponseDto } from '@cadence/web-api-client';
import { ComplianceExportButton } from '@cadence/web-engagement';
import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ChannelStatsTable } from '../list/channel-stats';
import { formatDateTime, formatUsd } from '../shared/format';
import { STATUS_LABELS, TYPE_LABELS, WEEKDAYS } from '../shared/labels';

function BudgetPanel({ campaign }: { campaign: CampaignResponseDto }) {
  const { limitUsd, spentUsd } = campaign.budget;
  const share = limitUsd ? Math.min(100, (spentUsd / limitUsd) * 100) : 0;
  return (
    <Paper withBorder p="md" component="section" aria-label="Budget">
      <Title order={3} fz="sm" mb="xs">
        Budget
      </Title>
      <Text fz="xl" fw={700} data-testid="budget-spent">
        {formatUsd(spentUsd)}
        <Text span size="sm" c="dimmed" fw={400}>
          {limitUsd !== null ? ` of ${formatUsd(limitUsd)}` : ' spent, no limit'}
        </Text>
      </Text>
      {limitUsd !== null ? (
        <Progress value={share} color={share >= 100 ? 'red' : share >= 80 ? 'orange' : 'teal'} mt="xs" aria-label="Budget spent" />
      ) : null}
    </Paper>
  );
}

/** Status, timeline, budget and per-channel figures of one campaign. */
export function OverviewTab({ campaign }: { campaign: CampaignResponseDto }) {
  const s = campaign.schedule;
  return (
    <Stack gap="md">
      {campaign.pausedReason && campaign.status === 'paused' ? (
        <Alert color="orange" variant="light" title="Paused">
          {campaign.pausedReason}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md" component="section" aria-label="Status">
          <Title order={3} fz="sm" mb="xs">
            Status
          </Title>
          <Text fw={600}>{STATUS_LABELS[campaign.status]}</Text>
          <Text size="xs" c="dimmed">
            {TYPE_LABELS[campaign.type]}
            {campaign.neighborhood ? ` · ${campaign.neighborhood}` : ''}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Approved {formatDateTime(campaign.approvedAt)} · launched {formatDateTime(campaign.launchedAt)}
          </Text>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Schedule">
          <Title order={3} fz="sm" mb="xs">
            Schedule
          </Title>
          {s ? (
            <>
              <Text size="sm">
                {s.startDate ?? 'From launch'}
                {s.endDate ? ` → ${s.endDate}` : ''} · {s.timeZone}
              </Text>
              <Text size="sm">
                {s.daysOfWeek ? s.daysOfWeek.map((d) => WEEKDAYS.find((w) => w.value === d)?.short).join(', ') : 'Every day'}
                {s.dailyStart && s.dailyEnd ? `, ${s.dailyStart}–${s.dailyEnd}` : ''}
              </Text>
              <Text size="sm">{s.dailyCap ? `At most ${s.dailyCap} a day` : 'No daily cap'}</Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              No schedule: legal calling hours only.
            </Text>
          )}
        </Paper>
        <BudgetPanel campaign={campaign} />
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-label="Per channel">
        <Group justify="space-between" mb="xs">
          <Title order={3} fz="sm">
            Per channel
          </Title>
        </Group>
        <ChannelStatsTable stats={campaign.stats} caption="Campaign figures per channel" />
      </Paper>
      <Paper withBorder p="md" component="section" aria-label="Compliance record">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={3} fz="sm">
              Compliance record
            </Title>
            <Text size="xs" c="dimmed">
              One row per send: consent, do-not-call scrub, sending window, touch count, content hash and provider receipts.
            </Text>
          </div>
          <ComplianceExportButton campaignId={campaign.id} />
        </Group>
      </Paper>
    </Stack>
  );
}

import type { CampaignResponseDto, StrategyResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../shared/api-error';
import { formatUsd } from '../shared/format';
import { STATUS_LABELS, STRATEGY_TYPE_LABELS, TYPE_LABELS, WEEKDAYS } from '../shared/labels';
import { launchWithStrategies } from '../shared/launch';
import { invalidateCampaigns } from '../shared/query-keys';
import { DuplicateCheck } from './duplicate-check';
import { PlanReview } from './plan-review';
import { sequenceSummary } from './sequence-summary';

export interface ReviewStepProps {
  campaign: CampaignResponseDto;
  strategies: readonly StrategyResponseDto[];
  onBack: () => void;
  onLaunched: (campaign: CampaignResponseDto) => void;
}

function scheduleSummary(campaign: CampaignResponseDto): string[] {
  const s = campaign.schedule;
  if (!s) return ['Any day, within legal calling hours'];
  const days = s.daysOfWeek && s.daysOfWeek.length < 7 ? s.daysOfWeek.map((d) => WEEKDAYS.find((w) => w.value === d)?.short ?? d).join(', ') : 'Every day';
  return [
    `${s.startDate ? `From ${s.startDate}` : 'From launch'}${s.endDate ? ` to ${s.endDate}` : ''} (${s.timeZone})`,
    `${days}${s.dailyStart && s.dailyEnd ? `, ${s.dailyStart}–${s.dailyEnd}` : ''}`,
    s.dailyCap ? `At most ${s.dailyCap} sends a day` : 'No daily cap',
  ];
}

/** Everything the agent set, the dry-run plan, and the launch. */
export function ReviewStep({ campaign, strategies, onBack, onLaunched }: ReviewStepProps) {
  const queryClient = useQueryClient();
  const [launching, setLaunching] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const launch = async () => {
    setLaunching(true);
    setFailure(null);
    try {
      const result = await launchWithStrategies(campaign);
      await invalidateCampaigns(queryClient);
      notifications.show({ color: 'teal', message: `“${result.campaign.name}” is ${STATUS_LABELS[result.campaign.status].toLowerCase()}.` });
      onLaunched(result.campaign);
    } catch (e) {
      setFailure(e);
      await invalidateCampaigns(queryClient);
    } finally {
      setLaunching(false);
    }
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Title order={3} fz="sm" mb={4}>
            Campaign
          </Title>
          <Text size="sm">{campaign.name}</Text>
          <Text size="sm" c="dimmed">
            {TYPE_LABELS[campaign.type]}
            {campaign.neighborhood ? ` · ${campaign.neighborhood}` : ''}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} fz="sm" mb={4}>
            Messages
          </Title>
          <List size="sm">
            {strategies.map((s) => (
              <List.Item key={s.id}>
                {s.name} ({STRATEGY_TYPE_LABELS[s.type]}){sequenceSummary(s) ? ` · ${sequenceSummary(s)}` : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} fz="sm" mb={4}>
            Schedule and budget
          </Title>
          {scheduleSummary(campaign).map((line) => (
            <Text size="sm" key={line}>
              {line}
            </Text>
          ))}
          <Text size="sm">{campaign.budget.limitUsd !== null ? `Budget ${formatUsd(campaign.budget.limitUsd)}` : 'No budget limit'}</Text>
        </Paper>
      </SimpleGrid>

      <div>
        <Title order={2} fz="lg" mb="sm">
          Contacts in other campaigns
        </Title>
        <DuplicateCheck campaignId={campaign.id} />
      </div>

      <div>
        <Title order={2} fz="lg" mb="sm">
          The plan
        </Title>
        <PlanReview campaignId={campaign.id} strategies={strategies} />
      </div>

      {strategies.length === 0 ? (
        <Alert color="orange" variant="light" title="No messages yet">
          Go back and write at least one message before launching.
        </Alert>
      ) : null}
      {failure ? <ErrorAlert title="The launch did not finish" message={toApiError(failure).message} code={toApiError(failure).code} onRetry={() => void launch()} /> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button color="teal" onClick={() => void launch()} loading={launching} disabled={strategies.length === 0}>
          Approve and launch
        </Button>
      </Group>
    </Stack>
  );
}

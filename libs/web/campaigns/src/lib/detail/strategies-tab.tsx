import type { CampaignResponseDto, ExecutionStatus, StrategyResponseDto } from '@cadence/web-api-client';
import { deployStrategy, pauseStrategy, resumeStrategy, useGetStrategyStatus, useListStrategies, useListStrategyExecutions } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Badge, Button, Collapse, EmptyState, Group, Paper, Progress, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../shared/api-error';
import { formatCount, formatDateTime, formatDuration, formatUsd } from '../shared/format';
import { EXECUTION_STATUS_LABELS, STRATEGY_STATUS_COLORS, STRATEGY_STATUS_LABELS, STRATEGY_TYPE_LABELS } from '../shared/labels';
import { invalidateCampaigns } from '../shared/query-keys';
import { isLive } from '../shared/live';
import { sequenceOutline } from '../wizard/sequence-summary';
import { ScheduleDeployForm } from './schedule-deploy-form';
import { TestSendModal } from './test-send-modal';

/** How often a running strategy's counters are read again. */
export const STATUS_POLL_MS = 2000;

/** Each strategy with its live counters and ETA, and deploy / pause / resume. */
export function StrategiesTab({ campaign }: { campaign: CampaignResponseDto }) {
  const strategies = useListStrategies(campaign.id);
  const [testing, setTesting] = useState<StrategyResponseDto | null>(null);
  if (strategies.isPending) return <LoadingState label="Loading the strategies…" />;
  if (strategies.isError) {
    return <ErrorAlert title="Could not load the strategies" message={strategies.error.message} code={strategies.error.code} onRetry={() => void strategies.refetch()} />;
  }
  if (strategies.data.items.length === 0) {
    return (
      <EmptyState title="No messages yet" description="Write a text, an email or a voicemail for this campaign.">
        <EmptyState.Actions>
          <Button component={Link} to={`/campaigns/${campaign.id}/setup?step=strategies`}>
            Add a message
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      {campaign.status !== 'active' && strategies.data.items.some((s) => s.status === 'draft') ? (
        <Text size="sm" c="dimmed">
          Strategies are deployed once the campaign is launched.
        </Text>
      ) : null}
      {strategies.data.items.map((strategy) => (
        <StrategyCard key={strategy.id} campaign={campaign} strategy={strategy} onTest={() => setTesting(strategy)} />
      ))}
      <TestSendModal campaignId={campaign.id} strategy={testing} onClose={() => setTesting(null)} />
    </Stack>
  );
}

function contentSummary(strategy: StrategyResponseDto): string {
  const v = strategy.steps[0]?.variants[0];
  if (!v) return '';
  if (strategy.type === 'text') return `${v.body ?? ''}${v.smsSegments ? ` (${v.smsSegments.segments} segment${v.smsSegments.segments === 1 ? '' : 's'}, ${v.smsSegments.encoding})` : ''}`;
  if (strategy.type === 'email') return `Subject: ${v.subject ?? ''}`;
  return v.ttsBody ?? (v.recordingMediaId ? `Recording ${v.recordingMediaId}` : '');
}

function StrategyCard({ campaign, strategy, onTest }: { campaign: CampaignResponseDto; strategy: StrategyResponseDto; onTest: () => void }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [showExecutions, setShowExecutions] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  // A completed strategy's receipts still arrive while its campaign is live.
  const live = strategy.status === 'active' || isLive(campaign);
  const status = useGetStrategyStatus(campaign.id, strategy.id, {
    query: { refetchInterval: (query) => (live || (query.state.data && query.state.data.etaSeconds !== null) ? STATUS_POLL_MS : false) },
  });

  /** Runs one action with a busy button and a notification; true when it worked. */
  const act = async (label: string, call: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(label);
    try {
      await call();
      notifications.show({ color: 'teal', message: done });
      return true;
    } catch (e) {
      const error = toApiError(e);
      notifications.show({ color: 'red', title: `Could not ${label}`, message: `${error.message} (${error.code})` });
      return false;
    } finally {
      setBusy(null);
      await invalidateCampaigns(queryClient);
    }
  };

  const counts = status.data?.executions;
  const total = status.data?.total ?? 0;
  const finished = counts ? counts.sent + counts.skipped + counts.failed + counts.cancelled : 0;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="article" aria-label={strategy.name}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={3} fz="md">
            {strategy.name}
          </Title>
          <Text size="xs" c="dimmed">
            {STRATEGY_TYPE_LABELS[strategy.type]}
            {strategy.deployedAt ? ` · deployed ${formatDateTime(strategy.deployedAt)}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Badge color={STRATEGY_STATUS_COLORS[strategy.status]} variant="light" data-testid="strategy-status">
            {STRATEGY_STATUS_LABELS[strategy.status]}
          </Badge>
          <Button size="xs" variant="default" onClick={onTest}>
            Send a test
          </Button>
          {strategy.status === 'draft' ? (
            <Button size="xs" variant="default" component={Link} to={`/campaigns/${campaign.id}/setup?step=configure`}>
              Edit
            </Button>
          ) : null}
          {strategy.status === 'draft' || strategy.status === 'scheduled' ? (
            <>
              <Button size="xs" variant="default" onClick={() => setScheduling((v) => !v)} aria-expanded={scheduling}>
                {strategy.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
              </Button>
              <Button
                size="xs"
                onClick={() => void act('deploy', () => deployStrategy(campaign.id, strategy.id), `${strategy.name} is deploying.`)}
                loading={busy === 'deploy'}
                disabled={campaign.status !== 'active'}
                title={campaign.status !== 'active' ? 'Launch the campaign first' : undefined}
              >
                Deploy now
              </Button>
            </>
          ) : null}
          {strategy.status === 'active' ? (
            <Button size="xs" color="orange" variant="light" onClick={() => void act('pause', () => pauseStrategy(campaign.id, strategy.id), `${strategy.name} is paused.`)} loading={busy === 'pause'}>
              Pause
            </Button>
          ) : null}
          {strategy.status === 'paused' ? (
            <Button size="xs" onClick={() => void act('resume', () => resumeStrategy(campaign.id, strategy.id), `${strategy.name} is sending again.`)} loading={busy === 'resume'}>
              Resume
            </Button>
          ) : null}
        </Group>
      </Group>
      {sequenceOutline(strategy) ? (
        <Text size="xs" c="dimmed" mb={4} data-testid="strategy-sequence">
          {sequenceOutline(strategy)}
        </Text>
      ) : null}
      <Text size="sm" lineClamp={2} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {contentSummary(strategy)}
      </Text>
      {strategy.status === 'scheduled' && strategy.scheduledFor ? (
        <Text size="sm" mb="sm" data-testid="strategy-scheduled-for">
          Deploys on its own at {formatDateTime(strategy.scheduledFor)}
          {campaign.status !== 'active' ? ', once the campaign is running' : ''}.
        </Text>
      ) : null}
      {scheduling && (strategy.status === 'draft' || strategy.status === 'scheduled') ? (
        <ScheduleDeployForm
          campaignId={campaign.id}
          strategy={strategy}
          busy={busy === 'schedule'}
          onSubmit={(call, done) => void act('schedule', call, done).then((ok) => ok && setScheduling(false))}
        />
      ) : null}

      {strategy.status === 'draft' || strategy.status === 'scheduled' ? null : status.isPending ? (
        <LoadingState label="Reading the live status…" />
      ) : status.isError ? (
        <ErrorAlert title="Could not read the live status" message={status.error.message} code={status.error.code} onRetry={() => void status.refetch()} />
      ) : (
        <Stack gap="xs" aria-label={`Live status of ${strategy.name}`} component="section">
          <Progress value={total ? (finished / total) * 100 : 0} aria-label={`Progress of ${strategy.name}`} />
          <Text size="sm" data-testid="strategy-progress">
            {formatCount(finished)} of {formatCount(total)} done
            {status.data.etaSeconds !== null ? ` · ${formatDuration(status.data.etaSeconds)} left` : ''}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4, md: 8 }} spacing="xs">
            {(Object.keys(EXECUTION_STATUS_LABELS) as ExecutionStatus[]).map((key) => (
              <div key={key}>
                <Text size="xs" c="dimmed">
                  {key === 'unknown' ? 'Unknown' : EXECUTION_STATUS_LABELS[key]}
                </Text>
                <Text fw={600} data-testid={`executions-${key}`}>
                  {formatCount(status.data.executions[key])}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" data-testid="delivery-summary">
            Provider reports: {formatCount(status.data.delivery.delivered)} delivered, {formatCount(status.data.delivery.opened + status.data.delivery.listened)} opened or
            listened, {formatCount(status.data.delivery.responded)} responded, {formatCount(status.data.delivery.failed + status.data.delivery.bounced + status.data.delivery.undelivered)} failed
          </Text>
          <Group>
            <Button size="compact-sm" variant="subtle" onClick={() => setShowExecutions((v) => !v)} aria-expanded={showExecutions}>
              {showExecutions ? 'Hide executions' : 'Show executions'}
            </Button>
          </Group>
          <Collapse expanded={showExecutions}>{showExecutions ? <ExecutionList campaignId={campaign.id} strategyId={strategy.id} live={live} /> : null}</Collapse>
        </Stack>
      )}
    </Paper>
  );
}

const EXECUTIONS_PAGE = 20;

function ExecutionList({ campaignId, strategyId, live }: { campaignId: string; strategyId: string; live: boolean }) {
  const [statusFilter, setStatusFilter] = useState<ExecutionStatus | null>(null);
  const [deadLetter, setDeadLetter] = useState(false);
  const executions = useListStrategyExecutions(
    campaignId,
    strategyId,
    { page: 1, limit: EXECUTIONS_PAGE, ...(deadLetter ? { deadLetter: true } : statusFilter ? { status: statusFilter } : {}) },
    { query: { placeholderData: keepPreviousData, refetchInterval: live ? STATUS_POLL_MS * 2 : false } },
  );
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          disabled={deadLetter}
          data={Object.entries(EXECUTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={statusFilter}
          onChange={(value) => setStatusFilter(value as ExecutionStatus | null)}
          w={200}
          size="xs"
        />
        <Switch label="Dead letters only (failed or unknown)" checked={deadLetter} onChange={(e) => setDeadLetter(e.currentTarget.checked)} size="xs" />
      </Group>
      {executions.isPending ? (
        <LoadingState label="Loading executions…" />
      ) : executions.isError ? (
        <ErrorAlert title="Could not load the executions" message={executions.error.message} code={executions.error.code} onRetry={() => void executions.refetch()} />
      ) : executions.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No execution matches.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Executions" fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Provider says</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th ta="right">Cost</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {executions.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.address ?? '—'}</Table.Td>
                  <Table.Td>{EXECUTION_STATUS_LABELS[e.status]}</Table.Td>
                  <Table.Td>{e.deliveryStatus ?? '—'}</Table.Td>
                  <Table.Td>{e.reason ?? ''}</Table.Td>
                  <Table.Td>{formatDateTime(e.sentAt ?? null)}</Table.Td>
                  <Table.Td ta="right">{formatUsd(e.costUsd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {executions.data && executions.data.total > EXECUTIONS_PAGE ? (
        <Text size="xs" c="dimmed">
          Showing the latest {EXECUTIONS_PAGE} of {formatCount(executions.data.total)}.
        </Text>
      ) : null}
    </Stack>
  );
}

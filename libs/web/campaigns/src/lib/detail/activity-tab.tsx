import type { CampaignActivityType } from '@cadence/web-api-client';
import { useListCampaignActivity } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { EmptyState, Group, Pagination, Stack, Text, Timeline } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../shared/format';

const PAGE_SIZE = 25;
const POLL_MS = 4000;

const PROBLEMS = new Set<CampaignActivityType>(['failed', 'send_failed', 'test_failed', 'budget_reached', 'opted_out']);
const GOOD = new Set<CampaignActivityType>(['launched', 'started', 'resumed', 'strategy_deployed', 'strategy_resumed', 'test_sent', 'replied', 'completed', 'strategy_completed']);
const HOLDS = new Set<CampaignActivityType>(['paused', 'strategy_paused', 'contacts_removed']);

function colorOf(type: CampaignActivityType): string {
  if (PROBLEMS.has(type)) return 'red';
  if (GOOD.has(type)) return 'teal';
  if (HOLDS.has(type)) return 'orange';
  return 'indigo';
}

/** The campaign's activity feed (GET /v1/campaigns/:id/activity), newest first; followed live while it sends. */
export function ActivityTab({ campaignId, live }: { campaignId: string; live: boolean }) {
  const [page, setPage] = useState(1);
  const activity = useListCampaignActivity(
    campaignId,
    { page, limit: PAGE_SIZE },
    { query: { placeholderData: keepPreviousData, refetchInterval: live && page === 1 ? POLL_MS : false } },
  );

  if (activity.isPending) return <LoadingState label="Loading the activity…" />;
  if (activity.isError) {
    return <ErrorAlert title="Could not load the activity" message={activity.error.message} code={activity.error.code} onRetry={() => void activity.refetch()} />;
  }
  const { items, total } = activity.data;
  if (items.length === 0) {
    return <EmptyState title="No activity yet" description="Approvals, launches, deploys, test sends, pauses and failures show here." />;
  }
  return (
    <Stack gap="md">
      <Timeline bulletSize={14} lineWidth={2} aria-label="Activity feed">
        {items.map((entry) => (
          <Timeline.Item key={entry.id} color={colorOf(entry.type)} title={entry.message} data-testid={`activity-${entry.type}`}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {total > PAGE_SIZE ? (
        <Group>
          <Pagination
            size="sm"
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${control} page of the activity` })}
            getItemProps={(p) => ({ 'aria-label': `Activity page ${p}` })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

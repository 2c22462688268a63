import { useGetContactTimeline } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import type { ContactEventResponseDto } from '@cadence/web-api-client';
import { Anchor, Badge, Button, Group, Text, Timeline } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/format';
import { EVENT_LABELS } from '../shared/labels';

const PAGE_SIZE = 20;
const ACTOR_LABELS = { user: 'by you', import: 'by an import', system: 'automatically' } as const;

/** Events about a campaign name it by id only (the summary is written once, names change): link to it. */
function campaignIdOf(event: ContactEventResponseDto): string | null {
  const id = event.data['campaignId'];
  return typeof id === 'string' && /^[0-9a-f]{24}$/.test(id) ? id : null;
}

/** The contact's events, newest first, one page at a time. */
export function TimelineSection({ contactId }: { contactId: string }) {
  const [page, setPage] = useState(1);
  const timeline = useGetContactTimeline(contactId, { page, limit: PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });

  if (timeline.isPending) return <LoadingState label="Loading timeline…" />;
  if (timeline.isError) {
    return (
      <ErrorAlert
        title="Could not load the timeline"
        message={timeline.error.message}
        code={timeline.error.code}
        onRetry={() => void timeline.refetch()}
      />
    );
  }
  const { items, total } = timeline.data;
  if (items.length === 0) return <Text size="sm" c="dimmed">Nothing has happened yet.</Text>;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <Timeline bulletSize={14} lineWidth={2}>
        {items.map((event) => (
          <Timeline.Item
            key={event.id}
            title={
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {event.summary}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  {EVENT_LABELS[event.type]}
                </Badge>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> · {ACTOR_LABELS[event.actor]}
              {campaignIdOf(event) ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/campaigns/${campaignIdOf(event)}`} size="xs">
                    Open the campaign
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {pages > 1 ? (
        <Group justify="space-between" mt="md">
          <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </Button>
          <Text size="xs" c="dimmed">
            Page {page} of {pages}
          </Text>
          <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Older
          </Button>
        </Group>
      ) : null}
    </>
  );
}

import { getListSegmentsQueryKey, useDeleteSegment, useListSegments } from '@cadence/web-api-client';
import type { SegmentResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Button, Card, EmptyState, Group, Modal, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/format';
import { describeDefinition } from './segment-fields';

const PAGE_SIZE = 20;

export function DeleteSegmentModal({
  segment,
  onClose,
  onDeleted,
}: {
  segment: SegmentResponseDto | null;
  onClose: () => void;
  onDeleted: (segment: SegmentResponseDto) => void;
}) {
  const remove = useDeleteSegment();
  const { reset } = remove;
  useEffect(() => {
    if (segment) reset();
  }, [segment, reset]);
  return (
    <Modal opened={segment !== null} onClose={onClose} title="Delete segment?">
      {segment ? (
        <Stack>
          <Text size="sm">
            <strong>{segment.name}</strong> will be deleted. Its contacts stay as they are.
          </Text>
          {remove.error ? <ErrorAlert title="Could not delete the segment" message={remove.error.message} code={remove.error.code} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: segment.id }, { onSuccess: () => onDeleted(segment) })} data-autofocus>
              Delete segment
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Saved segments: filters over contacts kept under a name, to reuse when building campaigns. */
export function SegmentsPage() {
  useDocumentTitle('Segments · Cadence');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const segments = useListSegments({ page, limit: PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });
  const [toDelete, setToDelete] = useState<SegmentResponseDto | null>(null);
  const totalPages = segments.data ? Math.max(1, Math.ceil(segments.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="Segments"
        description="Saved groups of contacts, described by rules (for example “absentee owners in 92260 with SMS consent”). They update as your contacts change."
        actions={
          <Button component={Link} to="/segments/new">
            New segment
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Saved segments">
        {segments.isPending ? (
          <LoadingState label="Loading segments…" />
        ) : segments.isError ? (
          <ErrorAlert
            title="Could not load your segments"
            message={segments.error.message}
            code={segments.error.code}
            onRetry={() => void segments.refetch()}
          />
        ) : segments.data.items.length === 0 ? (
          <EmptyState title="No segments yet" description="Build one from rules over your contacts and see the count as you go.">
            <EmptyState.Actions>
              <Button component={Link} to="/segments/new">
                New segment
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <Stack>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Segments">
              {segments.data.items.map((segment) => (
                <Card key={segment.id} withBorder component="li" padding="md">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Stack gap={2} miw={0} style={{ flex: '1 1 260px' }}>
                      <Anchor component={Link} to={`/segments/${segment.id}`} fw={600}>
                        {segment.name}
                      </Anchor>
                      {segment.description ? <Text size="sm">{segment.description}</Text> : null}
                      <Text size="xs" c="dimmed">
                        {describeDefinition(segment.definition)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Changed {formatDateTime(segment.updatedAt)}
                      </Text>
                    </Stack>
                    <Group gap="xs">
                      <Button size="xs" variant="default" component={Link} to={`/contacts?segmentId=${segment.id}`} aria-label={`Contacts of ${segment.name}`}>
                        Contacts
                      </Button>
                      <Button size="xs" variant="default" component={Link} to={`/segments/${segment.id}`} aria-label={`Edit ${segment.name}`}>
                        Edit
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setToDelete(segment)} aria-label={`Delete ${segment.name}`}>
                        Delete
                      </Button>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
            {totalPages > 1 ? (
              <Pagination total={totalPages} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': `${control} page` })} />
            ) : null}
          </Stack>
        )}
      </Paper>
      <DeleteSegmentModal
        segment={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={(segment) => {
          setToDelete(null);
          if (segments.data && segments.data.items.length === 1 && page > 1) setPage(page - 1);
          void queryClient.invalidateQueries({ queryKey: getListSegmentsQueryKey() });
          notifications.show({ color: 'teal', message: `Segment “${segment.name}” was deleted.` });
        }}
      />
    </>
  );
}

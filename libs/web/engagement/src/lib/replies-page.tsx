import { ReplyIntentKind, useListReplies } from '@cadence/web-api-client';
import type { ReplyResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Badge, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';

const INTENT: Record<ReplyIntentKind, { label: string; color: string }> = {
  reply: { label: 'Reply · paused', color: 'blue' },
  opt_out: { label: 'Opted out', color: 'red' },
  opt_in: { label: 'Opted back in', color: 'teal' },
  help: { label: 'Asked for help', color: 'gray' },
};
const PAGE_SIZE = 25;

/** Texts contacts sent back, newest first; a reply pauses that contact's remaining steps in its campaign. */
export function RepliesPage() {
  useDocumentTitle('Replies · Cadence');
  const [page, setPage] = useState(1);
  const replies = useListReplies({ page, limit: PAGE_SIZE }, { query: { refetchInterval: 10_000 } });
  return (
    <Stack>
      <PageHeader title="Replies" description="Texts your contacts sent back. A reply pauses that contact's remaining steps in the campaign, so you can take the conversation from here." />
      {replies.isPending ? <LoadingState label="Loading replies" /> : null}
      {replies.error ? <ErrorAlert title="Could not load replies" message={replies.error.message} onRetry={() => void replies.refetch()} /> : null}
      {replies.data && replies.data.items.length === 0 ? <Text c="dimmed">No replies yet.</Text> : null}
      {replies.data && replies.data.items.length > 0 ? (
        <Paper withBorder>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th>What happened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {replies.data.items.map((reply: ReplyResponseDto) => (
                <Table.Tr key={reply.id}>
                  <Table.Td>{new Date(reply.receivedAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${reply.contactId}`}>
                      {reply.contactName ?? reply.from}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {reply.from}
                    </Text>
                  </Table.Td>
                  <Table.Td>{reply.body}</Table.Td>
                  <Table.Td>
                    <Badge color={INTENT[reply.intent].color} variant="light">
                      {INTENT[reply.intent].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {replies.data && replies.data.total > PAGE_SIZE ? <Pagination total={Math.ceil(replies.data.total / PAGE_SIZE)} value={page} onChange={setPage} /> : null}
    </Stack>
  );
}
